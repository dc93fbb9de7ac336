package io.hazeljms.store;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Wakes local consumers waiting on a destination when its state changes anywhere in the cluster, so receive
 * blocks on an event instead of polling. One entry listener per watched destination on this node, shared by
 * all its local consumers (reference counted). Consumers of a queue that wait with a selector wait on their
 * selector's counter instead ({@link SelectorWakes}), which an event wakes only if a claim would find something.
 */
final class DestinationSignals {

    private final IMap<String, DestinationState> destinations;
    private final Map<String, Signal> signals = new ConcurrentHashMap<>();
    /** Selectors woken by the answers of {@link SelectorWakes} on this node (tests count wake-ups with it). */
    private final LongAdder selectorWakes = new LongAdder();

    /** Whether this node owns a key's partition (then a claim is a local call). */
    private final Predicate<String> ownedHere;

    DestinationSignals(IMap<String, DestinationState> destinations, HazelcastInstance hz) {
        this.destinations = destinations;
        this.ownedHere = ownedHere(hz);
    }

    /** On a client never; on a member, when the partition table says so now (it changes with migrations). */
    private static Predicate<String> ownedHere(HazelcastInstance hz) {
        if (!(hz.getLocalEndpoint() instanceof Member local)) {
            return key -> false;
        }
        return key -> {
            Member owner = hz.getPartitionService().getPartition(key).getOwner();
            return owner != null && owner.getUuid().equals(local.getUuid());
        };
    }

    /** Starts (or joins) watching a destination. Each call must be paired with {@link #unwatch}. */
    Signal watch(String destination) {
        while (true) {
            Signal signal = signals.computeIfAbsent(destination, d -> new Signal(d, destinations, selectorWakes, ownedHere));
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

    long selectorWakes() {
        return selectorWakes.sum();
    }

    /** Wakes every local waiter of every destination, so each asks the store again (the cluster changed). */
    void fireAll() {
        signals.values().forEach(Signal::fire);
    }

    /**
     * A version counter bumped on every change of one destination; waiters wait for it to move. {@link #fire}
     * wakes every waiter, those waiting with a selector too; an entry event wakes those only through their
     * selector's question ({@link SelectorWakes}).
     */
    static final class Signal extends ChangeCounter implements EntryAddedListener<String, DestinationState>,
            EntryUpdatedListener<String, DestinationState> {

        private final String destination;
        final SelectorWakes selectors;
        private int watchers;
        private boolean closed;
        private UUID registration;

        Signal(String destination, IMap<String, DestinationState> destinations, LongAdder selectorWakes,
               Predicate<String> ownedHere) {
            this.destination = destination;
            this.selectors = new SelectorWakes(destination, destinations, selectorWakes, ownedHere);
        }

        @Override
        void fire() {
            super.fire();
            selectors.fireAll();
        }

        @Override
        public void entryAdded(EntryEvent<String, DestinationState> event) {
            changed();
        }

        @Override
        public void entryUpdated(EntryEvent<String, DestinationState> event) {
            changed();
        }

        private void changed() {
            super.fire();
            selectors.changed();
        }
    }
}
