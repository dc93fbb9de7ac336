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
    /** The selector this waiter waits with on the public-API path (null: none), and its counter. */
    private String selector;
    private ChangeCounter wakes;

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

    /**
     * What this waiter waits on for a claim with {@code selector} on the public-API path: the counter of its
     * selector ({@link SelectorWakes}) for a queue's consumer with one, else the destination's signal.
     */
    synchronized ChangeCounter wakesFor(String selector) {
        String s = address.subscription() == null && selector != null && !selector.isBlank() ? selector : null;
        if (s == null ? this.selector != null : !s.equals(this.selector)) {
            leaveSelector();
            if (s != null) {
                wakes = signal.selectors.join(s);
                this.selector = s;
            }
        }
        return wakes == null ? signal : wakes;
    }

    /** The waiter stops waiting with a selector (its consumer closes). */
    synchronized void leaveSelector() {
        if (selector != null) {
            signal.selectors.leave(selector);
            selector = null;
            wakes = null;
        }
    }

    public void waitByEvents() {
        byEvents = true;
    }

    public boolean waitsByEvents() {
        return byEvents;
    }
}
