package io.hazeljms.store;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One consumer's wait on a queue or subscription, as the {@link HotPath} sees it: the destination's change
 * events (public API path) and a name for its parked claims (member operations), so either can be woken.
 */
public final class Waiter {

    private final Address address;
    final DestinationSignals.Signal signal;
    private final String id = UUID.randomUUID().toString();
    /** Parked claims of this waiter in flight (member operations): only then is there a wait to cancel. */
    private final AtomicInteger parking = new AtomicInteger();
    /** Signal version read before this waiter's last claim, if that claim drained the queue; else -1. */
    volatile long drainedAt = -1;
    /** The queue has message groups: this waiter waits for entry events, never parks (member operations). */
    private volatile boolean byEvents;

    Waiter(Address address, DestinationSignals.Signal signal) {
        this.address = address;
        this.signal = signal;
    }

    public Address address() {
        return address;
    }

    /** Names this waiter's parked claims, so they can be cancelled. */
    public String id() {
        return id;
    }

    public void parkingStarted() {
        parking.incrementAndGet();
    }

    public void parkingEnded() {
        parking.decrementAndGet();
    }

    public boolean isParking() {
        return parking.get() > 0;
    }

    public void waitByEvents() {
        byEvents = true;
    }

    public boolean waitsByEvents() {
        return byEvents;
    }
}
