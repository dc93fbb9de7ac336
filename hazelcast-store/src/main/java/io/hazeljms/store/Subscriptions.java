package io.hazeljms.store;

import io.hazeljms.store.durable.DurableStore;
import com.hazelcast.map.IMap;
import io.hazeljms.store.processor.ActiveSubscriptionProcessor;
import io.hazeljms.store.processor.DetachProcessor;
import io.hazeljms.store.processor.SubscribeProcessor;
import io.hazeljms.store.processor.UnsubscribeProcessor;

import java.util.concurrent.TimeUnit;

/**
 * The topic-subscription part of the store ({@link Broker#subscriptions()}): consumers attach to and detach
 * from subscriptions, durable ones are deleted by name. Durable names are indexed in
 * {@link StoreConfig#DURABLE_SUBSCRIPTIONS_MAP} (name to topic key), as unsubscribe names no topic; shared
 * non-durable names in {@link StoreConfig#SHARED_SUBSCRIPTIONS_MAP}, as one may not be on two topics at once.
 */
public final class Subscriptions {

    /** Longest wait for, and longest hold of, a shared subscription name's lock. */
    static final long NAME_LOCK_MILLIS = 60_000;
    private final Broker broker;
    /** Durable subscription name to the key of its topic: unsubscribe names no topic. */
    private final IMap<String, String> durableIndex;
    /** Shared non-durable subscription name to the key of the topic it has consumers on. */
    private final IMap<String, String> sharedIndex;

    Subscriptions(Broker broker) {
        this.broker = broker;
        this.durableIndex = broker.hazelcast().getMap(StoreConfig.DURABLE_SUBSCRIPTIONS_MAP);
        this.sharedIndex = broker.hazelcast().getMap(StoreConfig.SHARED_SUBSCRIPTIONS_MAP);
    }

    /**
     * Attaches a consumer to a subscription of a topic. A durable subscription that exists on another topic
     * is deleted first (if unused), as changing a durable subscription's topic replaces it (spec 6.11.1).
     */
    public SubscribeOutcome subscribe(DestinationKey topic, String subscription, SubscriptionSpec spec, String consumerId,
                                      LeaseOwner owner) {
        String topicKey = topic.encode();
        if (spec.shared() && !spec.durable()) {
            return subscribeSharedNonDurable(topicKey, subscription, spec, consumerId, owner);
        }
        if (spec.durable()) {
            String previousTopic = durableIndex.get(subscription);
            if (previousTopic != null && !previousTopic.equals(topicKey)) {
                UnsubscribeOutcome removed = broker.onKey(previousTopic,
                        new UnsubscribeProcessor(subscription));
                if (removed == UnsubscribeOutcome.ACTIVE || removed == UnsubscribeOutcome.UNACKNOWLEDGED) {
                    return SubscribeOutcome.IN_USE;
                }
            }
        }
        SubscribeOutcome outcome = broker.onKey(topicKey,
                new SubscribeProcessor(subscription, spec, consumerId, owner, broker.defaults()));
        if (spec.durable() && outcome != SubscribeOutcome.IN_USE && outcome != SubscribeOutcome.KIND_MISMATCH
                && outcome != SubscribeOutcome.FILTER_MISMATCH) {
            broker.calls().call("index durable subscription", subscription,
                    () -> durableIndex.setAsync(subscription, topicKey));
            broker.durability().subscribedDurably(Address.subscription(topic, subscription));
            DurableStore store = broker.durability().store();
            if (store != null && (outcome == SubscribeOutcome.CREATED || outcome == SubscribeOutcome.REPLACED)) {
                store.saveSubscription(topicKey, subscription, spec, true);
            }
        }
        return outcome;
    }

    /**
     * A shared non-durable subscription whose name has active consumers on another topic is refused (spec 8.3).
     * The name's lock makes look-up, attach and index update one step, so two first consumers racing on
     * different topics cannot both win; the other topic is asked, so an index entry left by a node that died
     * with its consumers does not block the name.
     */
    private SubscribeOutcome subscribeSharedNonDurable(String topicKey, String subscription, SubscriptionSpec spec,
                                                       String consumerId, LeaseOwner owner) {
        lockName(subscription);
        try {
            String previousTopic = sharedIndex.get(subscription);
            boolean elsewhere = previousTopic != null && !previousTopic.equals(topicKey);
            if (elsewhere && Boolean.TRUE.equals(broker.onKey(previousTopic,
                    new ActiveSubscriptionProcessor(subscription)))) {
                return SubscribeOutcome.TOPIC_MISMATCH;
            }
            SubscribeOutcome outcome = broker.onKey(topicKey,
                    new SubscribeProcessor(subscription, spec, consumerId, owner, broker.defaults()));
            boolean attached = outcome == SubscribeOutcome.CREATED || outcome == SubscribeOutcome.JOINED
                    || outcome == SubscribeOutcome.REPLACED;
            if (attached && !topicKey.equals(previousTopic)) {
                broker.calls().call("index shared subscription", subscription,
                        () -> sharedIndex.setAsync(subscription, topicKey));
            }
            return outcome;
        } finally {
            sharedIndex.unlock(subscription);
        }
    }

    /**
     * Takes a shared name's lock, waiting at most {@link #NAME_LOCK_MILLIS}; the lock also lapses after that long,
     * so a holder that hangs cannot block the name for ever (its two store calls are bounded well within it).
     */
    private void lockName(String subscription) {
        try {
            if (sharedIndex.tryLock(subscription, NAME_LOCK_MILLIS, TimeUnit.MILLISECONDS,
                    NAME_LOCK_MILLIS, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new StoreUnavailableException(StoreError.SUBSCRIPTION_NAME_BUSY.text(subscription, NAME_LOCK_MILLIS), null);
    }

    /** Recovery: a durable subscription from the durable store, without consumers, as it was before the restart. */
    void restore(DestinationKey topic, String subscription, SubscriptionSpec spec) {
        String consumerId = "restore-" + subscription;
        broker.onKey(topic.encode(), new SubscribeProcessor(subscription, spec, consumerId,
                new LeaseOwner("restore", consumerId, consumerId), broker.defaults()));
        broker.onKey(topic.encode(), new DetachProcessor(subscription, consumerId));
        broker.calls().call("index durable subscription", subscription,
                () -> durableIndex.setAsync(subscription, topic.encode()));
    }

    /** Detaches a closing consumer; a non-durable subscription ends with its last consumer. */
    public void detach(DestinationKey topic, String subscription, String consumerId) {
        String topicKey = topic.encode();
        Boolean sharedEnded = broker.onKey(topicKey, new DetachProcessor(subscription, consumerId));
        if (Boolean.TRUE.equals(sharedEnded)) {
            // under the name's lock: a consumer attaching meanwhile on this topic keeps its index entry
            lockName(subscription);
            try {
                if (!Boolean.TRUE.equals(broker.onKey(topicKey, new ActiveSubscriptionProcessor(subscription)))) {
                    broker.calls().callBlocking("unindex shared subscription", subscription,
                            () -> sharedIndex.remove(subscription, topicKey));
                }
            } finally {
                sharedIndex.unlock(subscription);
            }
        }
    }

    /** The topic of a durable subscription, or null when there is none of that name. */
    public DestinationKey topicOf(String subscription) {
        String topicKey = durableIndex.get(subscription);
        return topicKey == null ? null : DestinationKey.parse(topicKey);
    }

    /** Deletes a durable subscription by name, wherever its topic is. */
    public UnsubscribeOutcome unsubscribe(String subscription) {
        String topicKey = durableIndex.get(subscription);
        if (topicKey == null) {
            return UnsubscribeOutcome.NOT_FOUND;
        }
        UnsubscribeOutcome outcome = broker.onKey(topicKey, new UnsubscribeProcessor(subscription));
        if (outcome == UnsubscribeOutcome.REMOVED || outcome == UnsubscribeOutcome.NOT_FOUND) {
            broker.calls().callBlocking("unindex durable subscription", subscription,
                    () -> durableIndex.remove(subscription, topicKey));
            DurableStore store = broker.durability().store();
            if (store != null) {
                store.deleteSubscription(subscription);
            }
        }
        return outcome;
    }
}
