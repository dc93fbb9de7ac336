package io.hazeljms.store;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes local consumers waiting on a destination when its state changes anywhere in the cluster, so receive
 * blocks on an event instead of polling. One entry listener per watched destination on this node, shared by
 * all its local consumers (reference counted).
 */
final class DestinationSignals {

    private final IMap<String, DestinationState> destinations;
    private final Map<String, Signal> signals = new ConcurrentHashMap<>();

    DestinationSignals(IMap<String, DestinationState> destinations) {
        this.destinations = destinations;
    }

    /** Starts (or joins) watching a destination. Each call must be paired with {@link #unwatch}. */
    Signal watch(String destination) {
        while (true) {
            Signal signal = signals.computeIfAbsent(destination, Signal::new);
            synchronized (signal) {
                if (signal.closed) {
                    continue; // lost a race with the last unwatch: make a fresh one
                }
                if (signal.watchers++ == 0) {
                    signal.registration = destinations.addEntryListener(signal, destination, false);
                }
                return signal;
            }
        }
    }

    void unwatch(Signal signal) {
        synchronized (signal) {
            if (--signal.watchers == 0) {
                signal.closed = true;
                signals.remove(signal.destination, signal);
                destinations.removeEntryListener(signal.registration);
            }
        }
    }

    /** Wakes every local waiter of every destination, so each asks the store again (the cluster changed). */
    void fireAll() {
        signals.values().forEach(Signal::fire);
    }

    /** A version counter bumped on every change of one destination; waiters wait for it to move. */
    static final class Signal implements EntryAddedListener<String, DestinationState>,
            EntryUpdatedListener<String, DestinationState> {

        private final String destination;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private long version;
        private int watchers;
        private boolean closed;
        private UUID registration;

        Signal(String destination) {
            this.destination = destination;
        }

        long version() {
            lock.lock();
            try {
                return version;
            } finally {
                lock.unlock();
            }
        }

        void fire() {
            lock.lock();
            try {
                version++;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Waits until the version moves past {@code seen} or the time is up. */
        void awaitChange(long seen, long timeoutMillis) throws InterruptedException {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            lock.lock();
            try {
                while (version == seen && nanos > 0) {
                    nanos = changed.awaitNanos(nanos);
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void entryAdded(EntryEvent<String, DestinationState> event) {
            fire();
        }

        @Override
        public void entryUpdated(EntryEvent<String, DestinationState> event) {
            fire();
        }
    }
}
