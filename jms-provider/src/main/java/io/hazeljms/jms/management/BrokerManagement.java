package io.hazeljms.jms.management;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.client.MessageSelectors;
import io.hazeljms.jms.config.DestinationPolicy;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.jms.security.Permission;
import io.hazeljms.store.Administration;
import io.hazeljms.store.Broker;
import io.hazeljms.store.DestinationKey;
import io.hazeljms.store.DestinationStats;
import io.hazeljms.store.MoveOutcome;
import io.hazeljms.store.StoredMessage;
import io.hazeljms.store.SubscriptionStats;
import io.hazeljms.store.UnsubscribeOutcome;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Topic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The management API of a HazelJMS cluster, in plain Java: its members; its destinations and subscriptions with
 * their figures; browsing, purging, moving and redriving messages; deleting destinations and durable
 * subscriptions. JMX ({@link ManagementBeans}) and other front ends are built on it.
 *
 * <p>Two ways in. {@code HazelcastConnection.management()} acts as the connection's user: reading figures,
 * browsing, purging, moving and redriving need the {@code manage} permission on each destination involved (a
 * listing shows only those), deleting a destination {@code deleteDestination}, deleting a durable subscription
 * {@code deleteDurable}. {@code HazelcastConnectionFactory.management()} checks nothing: it is the operator of the
 * JVM, who could read and change the cluster's maps anyway (a member holds them all); JMX uses it, so whoever
 * reaches the JVM's MBean server manages the cluster — secure JMX as the JVM (remote JMX needs its own
 * authentication).
 *
 * <p>Figures are cluster-wide and the same from every member or client: each is read from the partition that owns
 * the destination (consumer counts from a cluster map each node keeps up to date). Rates are computed here from
 * two samples of those totals ({@link #RATE_INTERVAL_MILLIS}). Thread-safe.
 */
public final class BrokerManagement {

    /** Shortest time between the two samples a rate is computed from. */
    public static final long RATE_INTERVAL_MILLIS = 1_000;
    /** Characters of a text body shown by {@link #browse}. */
    public static final int PREVIEW_CHARS = 256;
    /** Bytes of a bytes body shown (in hex) by {@link #browse}. */
    public static final int PREVIEW_BYTES = 64;
    /** Most messages one {@link #browse} answers. */
    public static final int MAX_BROWSE = 1_000;

    private final Broker broker;
    private final ManagementGuard guard;
    private final Rates rates = new Rates(RATE_INTERVAL_MILLIS);

    /**
     * @param guard what the caller may do: {@link ManagementGuard#OPERATOR} for everything, or a connection's
     *              identity
     */
    public BrokerManagement(Broker broker, ManagementGuard guard) {
        this.broker = broker;
        this.guard = guard;
    }

    /** The Hazelcast cluster's name. */
    public String clusterName() {
        HazelcastInstance hz = broker.hazelcast();
        return hz.getConfig().getClusterName();
    }

    /**
     * The cluster's members, oldest first. Topology is what any member or client knows: no permission is needed,
     * only an open connection.
     */
    public List<MemberInfo> members() throws JMSException {
        guard.requireOpen();
        List<MemberInfo> members = new ArrayList<>();
        for (Member m : broker.hazelcast().getCluster().getMembers()) {
            members.add(new MemberInfo(m.getUuid().toString(), m.getAddress().getHost() + ":" + m.getAddress().getPort(),
                    m.isLiteMember(), m.getVersion().toString()));
        }
        return members;
    }

    /**
     * Every queue and topic with its figures, in name order (temporary ones only for the operator); with a user,
     * only those it may manage. One store call per destination.
     */
    public List<DestinationInfo> destinations() throws JMSException {
        guard.requireOpen();
        try {
            Administration admin = broker.administration();
            Map<String, Integer> consumers = admin.consumers();
            List<DestinationInfo> list = new ArrayList<>();
            for (DestinationKey key : admin.destinationNames()) {
                if (key.isTemporary() && guard != ManagementGuard.OPERATOR) {
                    continue;
                }
                if (!guard.allows(Permission.MANAGE, HazelcastDestination.decode(key.encode()))) {
                    continue;
                }
                DestinationInfo info = info(key, consumers);
                if (info != null) {
                    list.add(info);
                }
            }
            return list;
        } catch (RuntimeException e) {
            throw failed("listing destinations", e);
        }
    }

    /** Names of every queue and topic as the store keys them ({@code queue:orders}); for the operator only. */
    Set<DestinationKey> destinationKeys() {
        return broker.administration().destinationNames();
    }

    /** A destination's figures, or null when it does not exist. Needs {@code manage}. */
    public DestinationInfo destination(Destination destination) throws JMSException {
        HazelcastDestination d = HazelcastDestination.of(destination);
        guard.require(Permission.MANAGE, d);
        try {
            return info(d.key(), broker.administration().consumers());
        } catch (RuntimeException e) {
            throw failed("reading the figures of " + d, e);
        }
    }

    DestinationInfo info(DestinationKey key, Map<String, Integer> consumers) {
        DestinationStats s = broker.administration().stats(key);
        if (s == null) {
            rates.forget(key.encode());
            return null;
        }
        double[] rate = rates.offer(key.encode(), System.currentTimeMillis(), s.enqueued(), s.acknowledged());
        int subscriptions = key.isTopic() ? broker.administration().subscriptions(key).size() : 0;
        int consumerCount = key.isTopic() ? s.subscriptionConsumers() : consumers.getOrDefault(key.encode(), 0);
        return new DestinationInfo(key.isQueue() ? "queue" : "topic", key.name(), key.isTemporary(), s.depth(),
                s.pending(), s.inFlight(), s.scheduled(), consumerCount, subscriptions, s.enqueued(),
                s.acknowledged(), s.expired(), s.deadLettered(), s.duplicatesDropped(), s.bytes(), s.maxMessages(), s.maxBytes(),
                rate[0], rate[1]);
    }

    /** A topic's subscriptions with their figures; empty for a topic that does not exist. Needs {@code manage}. */
    public List<SubscriptionInfo> subscriptions(Topic topic) throws JMSException {
        HazelcastDestination d = HazelcastDestination.of(topic);
        guard.require(Permission.MANAGE, d);
        try {
            List<SubscriptionInfo> list = new ArrayList<>();
            for (SubscriptionStats s : broker.administration().subscriptions(d.key())) {
                DestinationStats q = s.stats();
                list.add(new SubscriptionInfo(s.name(), s.durable(), s.shared(), s.selector(), s.consumers(),
                        q.pending(), q.inFlight(), q.scheduled(), q.acknowledged(), q.expired(), q.deadLettered()));
            }
            return list;
        } catch (RuntimeException e) {
            throw failed("listing the subscriptions of " + d, e);
        }
    }

    /**
     * Up to {@code max} (at most {@link #MAX_BROWSE}) deliverable messages of a queue matching {@code selector}
     * (null: all), in delivery order, changing nothing. Needs {@code manage}.
     */
    public List<MessageView> browse(Queue queue, String selector, int max) throws JMSException {
        HazelcastDestination d = HazelcastDestination.of(queue);
        guard.require(Permission.MANAGE, d);
        String checked = MessageSelectors.validate(selector);
        int limit = Math.max(0, Math.min(max, MAX_BROWSE));
        try {
            List<MessageView> views = new ArrayList<>();
            for (StoredMessage m : broker.administration().browse(d.key(), checked, -1, limit)) {
                views.add(view(m));
            }
            return views;
        } catch (RuntimeException e) {
            throw failed("browsing " + d, e);
        }
    }

    /** Deletes the messages waiting on a queue (not those in flight); returns how many. Needs {@code manage}. */
    public int purge(Queue queue) throws JMSException {
        HazelcastDestination d = HazelcastDestination.of(queue);
        guard.require(Permission.MANAGE, d);
        try {
            return broker.administration().purge(d.key());
        } catch (RuntimeException e) {
            throw failed("purging " + d, e);
        }
    }

    /**
     * Gives a destination the settings {@code policy} names, keeping its others (or creating it). Needs
     * {@code manage}.
     */
    public DestinationPolicy.Update applyPolicy(Destination destination, DestinationPolicy policy) throws JMSException {
        HazelcastDestination d = HazelcastDestination.of(destination);
        guard.require(Permission.MANAGE, d);
        try {
            return policy.applyOn(broker, d.key());
        } catch (RuntimeException e) {
            throw failed("applying a policy to " + d, e);
        }
    }

    /**
     * Moves the pending messages of {@code source} that match {@code selector} (null: all) to {@code target},
     * keeping id, headers, properties and body, with a fresh delivery count. Stored on the target before removed
     * from the source, so a crash in between duplicates, never loses. Needs {@code manage} on both.
     *
     * @throws ResourceAllocationException when the target is full: the refused batch stays on the source, the
     *                                     message says how many moved before
     */
    public MoveResult move(Queue source, Queue target, String selector) throws JMSException {
        HazelcastDestination from = queueOf(source);
        HazelcastDestination to = queueOf(target);
        guard.require(Permission.MANAGE, from);
        guard.require(Permission.MANAGE, to);
        return move(from, MessageSelectors.validate(selector), to.key(), Integer.MAX_VALUE);
    }

    /**
     * Sends one message of a dead-letter (or expiry) queue back to the queue, or the topic subscription, it came
     * from (its {@code HJMS_OriginalDestination}), with a fresh delivery count and without the {@code HJMS_Reason}
     * and {@code HJMS_OriginalDestination} properties. Needs {@code manage} on the source and on the original queue
     * or topic; a message whose origin the user may not manage, or whose subscription no longer exists, stays.
     *
     * @return {@code moved} 1, or 0 when no pending message has that id
     */
    public MoveResult redrive(Queue source, String messageId) throws JMSException {
        HazelcastDestination from = queueOf(source);
        guard.require(Permission.MANAGE, from);
        if (messageId == null || messageId.isEmpty()) {
            throw new InvalidDestinationException(ProviderError.MANAGEMENT_MESSAGE_ID_MISSING.text(from));
        }
        String selector = "JMSMessageID = '" + messageId.replace("'", "''") + "'";
        return move(from, selector, null, 1);
    }

    /** As {@link #redrive(Queue, String)} for the pending messages matching {@code selector}. */
    public MoveResult redriveSelected(Queue source, String selector) throws JMSException {
        HazelcastDestination from = queueOf(source);
        guard.require(Permission.MANAGE, from);
        return move(from, MessageSelectors.validate(selector), null, Integer.MAX_VALUE);
    }

    /** As {@link #redrive(Queue, String)} for every pending message. */
    public MoveResult redriveAll(Queue source) throws JMSException {
        return redriveSelected(source, null);
    }

    private MoveResult move(HazelcastDestination from, String selector, DestinationKey target, int max)
            throws JMSException {
        Set<String> denied = Collections.synchronizedSet(new LinkedHashSet<>());
        Predicate<DestinationKey> allowed = key -> {
            if (guard.allows(Permission.MANAGE, HazelcastDestination.decode(key.encode()))) {
                return true;
            }
            denied.add(key.encode());
            return false;
        };
        MoveOutcome outcome;
        try {
            outcome = broker.administration().move(from.key(), selector, target, max, allowed);
        } catch (RuntimeException e) {
            throw failed("moving messages from " + from, e);
        }
        if (outcome.isRefused()) {
            throw new ResourceAllocationException(ProviderError.MANAGEMENT_TARGET_FULL.text(
                    outcome.refusedBy().name(), outcome.refusal(), from.getName(), outcome.moved()),
                    ProviderError.MANAGEMENT_TARGET_FULL.id());
        }
        return new MoveResult(outcome.moved(), outcome.skipped(), List.copyOf(denied));
    }

    /**
     * Deletes a queue or topic with every message and subscription it holds; true if it existed. Needs
     * {@code deleteDestination}; temporary destinations are deleted by their connection.
     */
    public boolean deleteDestination(Destination destination) throws JMSException {
        HazelcastDestination d = HazelcastDestination.of(destination);
        if (d.isTemporary()) {
            throw new InvalidDestinationException(ProviderError.DELETE_TEMPORARY_BY_NAME.text(d.getName()));
        }
        guard.require(Permission.DELETE_DESTINATION, d);
        try {
            rates.forget(d.key().encode());
            return broker.administration().deleteDestination(d.key());
        } catch (RuntimeException e) {
            throw failed("deleting " + d, e);
        }
    }

    /**
     * Deletes a durable subscription of a topic, named as {@link SubscriptionInfo#name} gives it. Needs
     * {@code deleteDurable} on the topic.
     *
     * @throws InvalidDestinationException when the topic has no durable subscription of that name
     * @throws IllegalStateException       when a consumer is attached or a message of it is unacknowledged
     */
    public void deleteDurableSubscription(Topic topic, String subscription) throws JMSException {
        HazelcastDestination d = HazelcastDestination.of(topic);
        guard.require(Permission.DELETE_DURABLE, d);
        UnsubscribeOutcome outcome;
        try {
            DestinationKey holder = broker.subscriptions().topicOf(subscription);
            if (holder == null || !holder.equals(d.key())) {
                throw new InvalidDestinationException(
                        ProviderError.MANAGEMENT_NO_SUCH_SUBSCRIPTION.text(d.getName(), subscription));
            }
            outcome = broker.subscriptions().unsubscribe(subscription);
        } catch (RuntimeException e) {
            throw failed("deleting subscription " + subscription + " of " + d, e);
        }
        switch (outcome) {
            case NOT_FOUND -> throw new InvalidDestinationException(
                    ProviderError.MANAGEMENT_NO_SUCH_SUBSCRIPTION.text(d.getName(), subscription));
            case ACTIVE -> throw new IllegalStateException(ProviderError.UNSUBSCRIBE_ACTIVE.text(subscription));
            case UNACKNOWLEDGED -> throw new IllegalStateException(
                    ProviderError.UNSUBSCRIBE_UNACKNOWLEDGED.text(subscription));
            default -> { }
        }
    }

    private static HazelcastDestination queueOf(Queue queue) throws JMSException {
        HazelcastDestination d = HazelcastDestination.of(queue);
        if (!d.isQueue() || d.isTemporary()) {
            throw new InvalidDestinationException(ProviderError.MANAGEMENT_NOT_A_QUEUE.text(d));
        }
        return d;
    }

    static MessageView view(StoredMessage m) {
        byte[] body = m.body();
        int size = body == null ? 0 : body.length;
        String type;
        String preview = null;
        switch (m.bodyType()) {
            case StoredMessage.BODY_TEXT -> {
                type = "text";
                if (body != null) {
                    String text = new String(body, StandardCharsets.UTF_8);
                    preview = text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS) + "…";
                }
            }
            case StoredMessage.BODY_BYTES -> {
                type = "bytes";
                if (body != null) {
                    StringBuilder hex = new StringBuilder();
                    for (int i = 0; i < Math.min(size, PREVIEW_BYTES); i++) {
                        hex.append(String.format("%02x", body[i]));
                    }
                    preview = size > PREVIEW_BYTES ? hex + "…" : hex.toString();
                }
            }
            case StoredMessage.BODY_MAP -> type = "map";
            case StoredMessage.BODY_OBJECT -> type = "object";
            case StoredMessage.BODY_STREAM -> type = "stream";
            default -> type = "none";
        }
        return new MessageView(m.messageId(), m.timestamp(), m.priority(), m.persistent(), m.expiration(),
                m.deliveryTime(), m.correlationId(), m.type(), m.replyTo(), m.deliveryCount(),
                Collections.unmodifiableMap(new LinkedHashMap<>(m.properties())), type, size, preview);
    }

    private static JMSException failed(String what, RuntimeException e) {
        JMSException jms = new JMSException(ProviderError.STORE_CALL_FAILED.text(what, e));
        jms.setLinkedException(e);
        jms.initCause(e);
        return jms;
    }
}
