package io.hazeljms.store;

import io.hazeljms.store.durable.DurableStore;
import com.hazelcast.map.IMap;
import io.hazeljms.store.processor.BrowseProcessor;
import io.hazeljms.store.processor.CreateDestinationProcessor;
import io.hazeljms.store.processor.PurgeProcessor;
import io.hazeljms.store.processor.SettingsProcessor;
import io.hazeljms.store.processor.StatsProcessor;
import io.hazeljms.store.processor.SubscriptionsProcessor;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The administration part of the store ({@link Broker#administration()}): creating, configuring, inspecting,
 * purging and deleting destinations, and browsing a queue. Nothing here claims or leases a message.
 */
public final class Administration {

    private final Broker broker;
    private final IMap<String, DestinationState> destinations;

    Administration(Broker broker, IMap<String, DestinationState> destinations) {
        this.broker = broker;
        this.destinations = destinations;
    }

    /** Creates a destination with the given settings, or applies them to an existing one. True if created. */
    public boolean createDestination(DestinationKey destination, DestinationSettings settings) {
        return broker.onKey(destination.encode(), new CreateDestinationProcessor(settings));
    }

    /** A destination's settings, or null when it does not exist. */
    public DestinationSettings settings(DestinationKey destination) {
        return broker.onKey(destination.encode(), new SettingsProcessor());
    }

    /** Deletes a destination and all its messages. True if it existed. */
    public boolean deleteDestination(DestinationKey destination) {
        broker.hotPath().forget(destination.encode());
        boolean existed = destinations.remove(destination.encode()) != null;
        DurableStore store = broker.durability().store();
        if (store != null && !destination.isTemporary()) {
            store.forgetAddress(destination.encode(), null);
        }
        return existed;
    }

    public boolean exists(DestinationKey destination) {
        return destinations.containsKey(destination.encode());
    }

    /** Deletes pending messages; returns how many. */
    public int purge(DestinationKey destination) {
        List<String> purged = broker.onKey(destination.encode(), new PurgeProcessor());
        if (!purged.isEmpty()) {
            broker.durability().acknowledged(Address.queue(destination), purged, false);
        }
        return purged.size();
    }

    /** The destination's counters, or null when it does not exist. */
    public DestinationStats stats(DestinationKey destination) {
        return broker.onKey(destination.encode(), new StatsProcessor(null));
    }

    /** A queue's or one subscription's counters, or null when it does not exist. */
    public DestinationStats stats(Address address) {
        return broker.onKey(address.key(), new StatsProcessor(address.subscription()));
    }

    /** Messages waiting or in flight; 0 for a destination that does not exist. */
    public long depth(DestinationKey destination) {
        DestinationStats stats = stats(destination);
        return stats == null ? 0 : stats.depth();
    }

    public Set<DestinationKey> destinationNames() {
        Set<DestinationKey> names = new TreeSet<>(Comparator.comparing(DestinationKey::encode));
        for (String key : destinations.keySet()) {
            names.add(DestinationKey.parse(key));
        }
        return names;
    }

    /** A topic's subscriptions with their consumers and counters; empty for a queue or a missing topic. */
    public List<SubscriptionStats> subscriptions(DestinationKey topic) {
        return broker.onKey(topic.encode(), new SubscriptionsProcessor());
    }

    /**
     * Consumers open now, cluster-wide, per queue or subscription: keys as {@link Address#toString}
     * ({@code queue:orders}, {@code topic:prices#audit}). One call, whatever the number of destinations.
     */
    public Map<String, Integer> consumers() {
        return broker.consumers().all();
    }

    /**
     * Moves up to {@code max} pending, deliverable messages matching {@code selector} (null: all) from one queue to
     * another, or with {@code target} null back to the queue or topic subscription each came from
     * ({@link DestinationState#ORIGIN_PROPERTY}: redrive from a dead-letter or expiry queue). Stored on the target before removed from the source: a crash
     * in between duplicates, never loses. See {@link Moves} for what a moved message keeps.
     *
     * @throws IllegalArgumentException when source or target is not a queue
     */
    public MoveOutcome move(DestinationKey source, String selector, DestinationKey target, int max) {
        return move(source, selector, target, max, key -> true);
    }

    /**
     * As {@link #move(DestinationKey, String, DestinationKey, int)}; a message whose target {@code allowed} refuses
     * stays on the source (counted as skipped), e.g. a queue the operator may not manage (for a subscription: its
     * topic).
     */
    public MoveOutcome move(DestinationKey source, String selector, DestinationKey target, int max,
                            Predicate<DestinationKey> allowed) {
        if (!source.isQueue() || (target != null && !target.isQueue())) {
            throw new IllegalArgumentException(StoreError.MOVE_NOT_A_QUEUE.text(target != null && source.isQueue()
                    ? target : source));
        }
        return new Moves(broker).move(source, selector, target, max, allowed);
    }

    /** One page of deliverable messages after {@code afterKey} (start with -1), in delivery order. */
    public List<StoredMessage> browse(DestinationKey queue, String selector, long afterKey, int limit) {
        return broker.onKey(queue.encode(), new BrowseProcessor(null, selector, afterKey, limit));
    }
}
