package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.hazeljms.store.policy.ExpiryPolicy;
import io.hazeljms.store.selector.Selector;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * All of one destination's messages, kept as one map entry so every mutation is one entry processor on the
 * partition that owns the destination: pending messages in delivery order (priority, then arrival) and
 * in-flight messages under lease. Only partition threads touch an instance.
 *
 * <p>Methods that depend on the clock or on a selector are split into a decision (primary only) and its
 * application (primary and backups), so backups replay exactly what the primary did.
 */
public final class DestinationState implements IdentifiedDataSerializable {

    /** Property set on a message moved to the dead-letter or expiry queue: why it moved. */
    public static final String REASON_PROPERTY = "HJMS_Reason";
    /** Property set on a moved message: the destination it came from. */
    public static final String ORIGIN_PROPERTY = "HJMS_OriginalDestination";

    private static final Logger LOG = Logger.getLogger(DestinationState.class.getName());
    /** How many timed-out leases a destination remembers, so their holders' late acknowledgements are refused. */
    static final int TIMED_OUT_REMEMBERED = 1024;

    private String name;
    private DestinationSettings settings;
    private long nextSequence;
    /** Order key (priority desc, then sequence) to message. */
    private final TreeMap<Long, StoredMessage> pending = new TreeMap<>();
    private final Map<String, Long> pendingKeys = new HashMap<>();
    private final Map<String, Lease> inFlight = new LinkedHashMap<>();
    /**
     * Messages whose lease timed out, with the owner that held it (the latest {@link #TIMED_OUT_REMEMBERED}):
     * that owner's late acknowledgement is refused, even after the next holder acknowledged the message.
     */
    private final LinkedHashMap<String, LeaseOwner> timedOut = new LinkedHashMap<>();
    /** Which consumer each message group (JMSXGroupID) is bound to: the claim scan consults it. */
    private final MessageGroups groups = new MessageGroups();
    /** Where each selector's claims may start scanning {@link #pending} (derived, not serialized). */
    private final transient SelectorScans scans = new SelectorScans();
    /** No lease times out before this (derived, not serialized; 0: look at the next claim). */
    private transient long leaseCheckAt;
    private long enqueuedCount;
    private long acknowledgedCount;
    private long expiredCount;
    private long deadLetteredCount;
    /** Sends dropped because this destination had them already (a duplicate id, or a send made again). */
    private long duplicatesDroppedCount;
    /** Ids of the messages sent here last: a send made again (its outcome was in doubt) adds nothing. */
    private final RecentIds recent = new RecentIds();
    /** Sum of {@link StoredMessage#estimatedSize} over pending and in-flight messages (derived, not serialized). */
    private long bytes;
    /**
     * A consumer found this queue empty and waits for the next enqueue's entry event. Only then does an
     * enqueue fire one: an event costs about as much as the enqueue itself, and a consumer that is busy or
     * behind needs none. Primary and backups change it in step (the claim's backup replays it), and a state
     * that was migrated or copied starts with it set, so no waiting consumer can miss a message.
     */
    private transient boolean awaited = true;

    /** Non-null when this entry is a topic: its subscriptions, each with a queue of its own. */
    private Map<String, Subscription> subscriptions;

    /** An enqueue refused by {@link #admit}, nothing stored: the queue or a subscription holds its most messages. */
    public static final int FULL_MESSAGES = -2;
    /** An enqueue refused, nothing stored: the queue or a subscription holds its most bytes. */
    public static final int FULL_BYTES = -3;
    /** An enqueue refused, nothing stored: the member that owns the destination is low on heap ({@link MemoryGuard}). */
    public static final int LOW_MEMORY = -4;

    /** Whether an enqueue's result says it was refused for lack of room (and stored nothing). */
    public static boolean isRefused(int result) {
        return result == FULL_MESSAGES || result == FULL_BYTES || result == LOW_MEMORY;
    }

    public DestinationState() {
    }

    public DestinationState(String name, DestinationSettings settings) {
        this.name = name;
        this.settings = settings;
        if (isTopicKey(name)) {
            subscriptions = new LinkedHashMap<>();
        }
    }

    /** Topics (and temporary topics) are keyed {@code topic:NAME}; everything else is a queue. */
    public static boolean isTopicKey(String key) {
        return key.startsWith("topic:") || key.startsWith("temp-topic:");
    }

    public boolean isTopic() {
        return subscriptions != null;
    }

    /** A consumer is about to wait for this queue's next enqueue. Returns true if that changed anything. */
    public boolean markAwaited() {
        boolean changed = !awaited;
        awaited = true;
        return changed;
    }

    /** Whether an enqueue must announce itself (someone waits); clears the mark, as the announcement wakes all. */
    public boolean takeAwaited() {
        boolean was = awaited;
        awaited = false;
        return was;
    }

    /**
     * For a claim without selector that would wait: 0 when something is to be done now (a message to take,
     * or expired or dead ones to move), else when the next delayed message is due ({@link Long#MAX_VALUE}: none).
     */
    public long nothingToClaimUntil(long now) {
        return nothingToClaimUntil(now, Selector.ALL, null);
    }

    /**
     * As {@link #nothingToClaimUntil(long)} for one consumer's claim with {@code selector}: messages of groups
     * held by other consumers are not for it.
     */
    public long nothingToClaimUntil(long now, Selector selector, Claimer claimer) {
        ClaimDecision d = decideClaim(selector, now, 1, claimer);
        if (d.changesState() || !leasesDue(now).isEmpty()) {
            return 0;
        }
        long delayed = d.nextAvailableAt == 0 ? Long.MAX_VALUE : d.nextAvailableAt;
        return Math.min(delayed, leaseCheckAt); // a lease that times out makes its message deliverable
    }

    /**
     * Whether a waiting consumer with {@code selector} should claim now (public-API path, {@code SelectorWakes}):
     * true when its claim would take a message or move an expired or dead one, when a lease is due (its message
     * comes back for anyone), or when a delayed message for it waits (the claim tells it when). Message groups
     * are not looked at: a group held for another consumer only costs a claim that finds nothing. A superset
     * of what {@link #decideClaim} finds, so a consumer it leaves asleep had nothing to take; it moves the
     * selector's scan start as a claim does ({@link SelectorScans}), so nothing rejected is evaluated again.
     */
    public boolean worthClaiming(Selector selector, long now) {
        ClaimDecision d = decideClaim(selector, now, 1, null);
        return d.changesState() || d.nextAvailableAt != 0 || !leasesDue(now).isEmpty();
    }

    /** The queue messages are consumed from: this one, or a subscription's; null for an unknown subscription. */
    public DestinationState queueFor(String subscription) {
        if (subscription == null) {
            return this;
        }
        Subscription s = subscriptions == null ? null : subscriptions.get(subscription);
        return s == null ? null : s.queue();
    }

    /** Higher priority first, then arrival order ({@link StoredMessage#orderKey}). */
    public static long orderKey(StoredMessage m) {
        return m.orderKey();
    }

    public String name() {
        return name;
    }

    public DestinationSettings settings() {
        return settings;
    }

    public void replaceSettings(DestinationSettings settings) {
        this.settings = settings;
        recent.trimTo(settings.duplicates().idCacheSize());
        scans.forget(); // what is dead may have changed
    }

    public int pendingCount() {
        return pending.size();
    }

    public int inFlightCount() {
        return inFlight.size();
    }

    // --- enqueue ---------------------------------------------------------------------------------------------

    /**
     * Adds a message at the end of its priority. A message id this queue holds, or was sent lately (even if
     * consumed since), is ignored: moves, retried sends and completed commits are idempotent.
     */
    public boolean enqueue(StoredMessage m) {
        String id = m.messageId();
        String sendId = m.sendId();
        if (pendingKeys.containsKey(id) || inFlight.containsKey(id) || recent.contains(sendId)) {
            duplicatesDroppedCount++;
            return false; // a duplicate: the sender is told it was sent, as it was, once
        }
        recent.add(sendId, settings.duplicates().idCacheSize());
        store(m);
        return true;
    }

    /**
     * Puts back a message the durable store kept (recovery): skipped if held, never dropped for its send id (it
     * was accepted before the restart), which is remembered again, so a send made again after the restart is
     * still dropped while the message is stored.
     */
    public boolean restore(StoredMessage m) {
        String id = m.messageId();
        if (pendingKeys.containsKey(id) || inFlight.containsKey(id)) {
            return false;
        }
        recent.add(m.sendId(), settings.duplicates().idCacheSize());
        store(m);
        return true;
    }

    /**
     * Remembers send ids the durable store kept (recovery, before the restored messages and before any new send),
     * oldest first, as hashes ({@link StoredMessage#sendIdHash}); the window applies as to any send.
     */
    public void restoreSendIds(long[] hashes) {
        for (long h : hashes) {
            recent.addHash(h, settings.duplicates().idCacheSize());
        }
    }

    /** Whether a send id, as {@link StoredMessage#sendIdHash}, is in this destination's window now. */
    public boolean remembersSendId(long hash) {
        return recent.containsHash(hash);
    }

    /** Whether this queue holds the message (pending or in flight). */
    public boolean holds(String messageId) {
        return pendingKeys.containsKey(messageId) || inFlight.containsKey(messageId);
    }

    /**
     * Stores a message moved here by an operator ({@code Administration.move}): as {@link #enqueue}, but a message
     * id this queue saw lately does not stop it (a redriven message comes back to the queue it was first sent to);
     * one it holds now (pending or in flight) does, so a move made again adds nothing.
     */
    public boolean enqueueMoved(StoredMessage m) {
        String id = m.messageId();
        if (pendingKeys.containsKey(id) || inFlight.containsKey(id)) {
            return false;
        }
        recent.add(id, settings.duplicates().idCacheSize()); // by message id: a move keeps no duplicate id
        store(m);
        return true;
    }

    private void store(StoredMessage m) {
        m.sequence(nextSequence++);
        m.destination(name);
        long key = orderKey(m);
        pending.put(key, m);
        pendingKeys.put(m.messageId(), key);
        scans.added(key);
        enqueuedCount++;
        bytes += m.estimatedSize();
    }

    /**
     * The primary's decision whether messages fit: 0 if they do, else {@link #FULL_MESSAGES} or
     * {@link #FULL_BYTES}. A queue counts its pending and in-flight messages; a topic checks each subscription the
     * messages would reach, and one that is full refuses them all. A batch fits whole or not at all. Backups
     * never ask: they replay what the primary accepted.
     */
    public int admit(List<StoredMessage> messages) {
        int maxMessages = settings.maxMessages();
        long maxBytes = settings.maxBytes();
        if (maxMessages <= 0 && maxBytes <= 0) {
            return 0;
        }
        if (subscriptions == null) {
            long size = 0;
            for (StoredMessage m : messages) {
                size += m.estimatedSize();
            }
            return fits(messages.size(), size, maxMessages, maxBytes);
        }
        for (Subscription s : subscriptions.values()) {
            int n = 0;
            long size = 0;
            for (StoredMessage m : messages) {
                if (s.accepts(m)) {
                    n++;
                    size += m.estimatedSize();
                }
            }
            int verdict = n == 0 ? 0 : s.queue().fits(n, size, maxMessages, maxBytes);
            if (verdict != 0) {
                return verdict;
            }
        }
        return 0;
    }

    /**
     * As {@link #admit(List)} for {@code n} messages of {@code size} bytes in all, without the messages: a topic
     * counts them against every subscription, as if each would receive them all.
     */
    public int admit(int n, long size) {
        int maxMessages = settings.maxMessages();
        long maxBytes = settings.maxBytes();
        if (subscriptions == null) {
            return fits(n, size, maxMessages, maxBytes);
        }
        for (Subscription s : subscriptions.values()) {
            int verdict = s.queue().fits(n, size, maxMessages, maxBytes);
            if (verdict != 0) {
                return verdict;
            }
        }
        return 0;
    }

    private int fits(int n, long size, int maxMessages, long maxBytes) {
        if (maxMessages > 0 && (long) pending.size() + inFlight.size() + n > maxMessages) {
            return FULL_MESSAGES;
        }
        if (maxBytes > 0 && bytes + size > maxBytes) {
            return FULL_BYTES;
        }
        return 0;
    }

    /** Estimated bytes held (pending and in flight); for a topic, its subscriptions' added up. */
    public long bytes() {
        long total = bytes;
        for (Subscription s : subscriptions().values()) {
            total += s.queue().bytes();
        }
        return total;
    }

    // --- claim -----------------------------------------------------------------------------------------------

    /**
     * Primary-side decision, changing nothing: the best deliverable messages matching the selector (at most
     * {@code max}, best first), plus the expired and dead messages met on the way (to move or drop), and when
     * the next delayed message becomes available. A claim with a selector starts where that selector's last
     * scan found only messages it rejects ({@link SelectorScans}), and moves that start on.
     */
    public ClaimDecision decideClaim(Selector selector, long now, int max) {
        return decideClaim(selector, now, max, null);
    }

    /**
     * As {@link #decideClaim(Selector, long, int)} for one consumer: a message of a group it may not take now
     * ({@link MessageGroups}) is passed over. Null {@code claimer}: groups are not looked at (would anything be
     * there for someone). Notes whether the claimer could take grouped messages, which spreads groups over consumers.
     */
    public ClaimDecision decideClaim(Selector selector, long now, int max, Claimer claimer) {
        ClaimDecision d = new ClaimDecision();
        d.decidedAt = now;
        d.leaseExpiresAt = settings.lease().expiresAt(now);
        if (max <= 0) {
            return d; // a call that only acknowledges
        }
        MessageGroups.Scan groupScan = null;
        if (claimer != null) {
            groupScan = groups.scan(claimer, inFlight.values());
        }
        boolean selective = selector != Selector.ALL;
        // still on a run of rejected messages from where the scan began: the selector's start may follow it
        boolean skipping = selective;
        for (Map.Entry<Long, StoredMessage> e : (selective ? pending.tailMap(scans.from(selector), true)
                : pending).entrySet()) {
            StoredMessage m = e.getValue();
            if (m.isExpired(now)) {
                d.expired.add(m.messageId());
                skipping = false;
                continue;
            }
            if (settings.deadLetter().isDead(m, name)) {
                d.dead.add(m.messageId());
                skipping = false;
                continue;
            }
            long at = m.availableAt();
            if (at > now) {
                d.nextAvailableAt = d.nextAvailableAt == 0 ? at : Math.min(d.nextAvailableAt, at);
                if (groupScan != null && m.redeliverAfter() > now) {
                    groupScan.hold(m); // its group waits for it: a redelivery delay does not reorder a group
                }
                skipping = false;
                continue;
            }
            if (!selector.matches(m::selectorValue)) {
                if (groupScan != null) {
                    groupScan.refused(m);
                }
                if (skipping && m.expiration() == 0) {
                    scans.rejectedThrough(selector, e.getKey()); // an expiring message stays for this scan to move
                } else {
                    skipping = false;
                }
                continue;
            }
            skipping = false; // a match, even one its group holds back for another consumer, ends the run
            if (groupScan == null || groupScan.mayTake(m)) {
                d.claimed.add(m.messageId());
                if (d.claimed.size() >= max) {
                    break;
                }
            }
        }
        if (groupScan != null) {
            groupScan.done(now);
        }
        return d;
    }

    /**
     * Applies a claim decision: the claimed message and any messages to move go under the owner's lease.
     * Returns the claimed message (a copy) and the moves, each a copy addressed to its target queue.
     */
    public ClaimResult applyClaim(ClaimDecision d, LeaseOwner owner) {
        return applyClaim(d, new Claimer(owner, ""));
    }

    /** As {@link #applyClaim(ClaimDecision, LeaseOwner)}; the groups of the claimed messages bind to {@code claimer}. */
    public ClaimResult applyClaim(ClaimDecision d, Claimer claimer) {
        LeaseOwner owner = claimer.owner();
        expireLeases(d.timedOut, d.decidedAt); // on the primary they were released before the decision
        List<StoredMessage> moves = new ArrayList<>();
        for (String id : d.expired) {
            StoredMessage m = removePending(id);
            expiredCount++;
            if (settings.expiry().queue() != null) {
                inFlight.put(id, new Lease(m, owner));
                moves.add(moveCopy(m, settings.expiry().queue(), ExpiryPolicy.REASON));
            } else {
                bytes -= m.estimatedSize();
            }
        }
        for (String id : d.dead) {
            StoredMessage m = removePending(id);
            deadLetteredCount++;
            if (settings.deadLetter().queue() != null) {
                inFlight.put(id, new Lease(m, owner));
                moves.add(moveCopy(m, settings.deadLetter().queue(), settings.deadLetter().reason()));
            } else {
                bytes -= m.estimatedSize();
            }
        }
        List<StoredMessage> claimed = new ArrayList<>(d.claimed.size());
        long expiresAt = owner.isTransactionTimed() ? 0 : d.leaseExpiresAt;
        if (expiresAt != 0 && !d.claimed.isEmpty()) {
            leaseCheckAt = leaseCheckAt == 0 ? 0 : Math.min(leaseCheckAt, expiresAt);
        }
        for (String id : d.claimed) {
            StoredMessage m = removePending(id);
            m.deliveryCount(m.deliveryCount() + 1);
            inFlight.put(id, new Lease(m, owner, d.claimId, expiresAt));
            StoredMessage delivered = m.copy();
            groups.claimed(m, claimer, delivered);
            claimed.add(delivered);
        }
        return new ClaimResult(claimed, d.nextAvailableAt, moves);
    }

    /**
     * What an earlier attempt of the same claim call took for this owner, as copies in delivery order; empty
     * when it took nothing (or the attempt never ran). Scans the in-flight messages: only for claims made again.
     */
    public ClaimResult claimedBy(long claimId, LeaseOwner owner) {
        List<StoredMessage> taken = new ArrayList<>();
        for (Lease lease : inFlight.values()) {
            if (lease.claimId() == claimId && lease.owner().equals(owner)) {
                taken.add(lease.message().copy());
            }
        }
        taken.sort(Comparator.comparingLong(DestinationState::orderKey));
        return new ClaimResult(taken, 0, new ArrayList<>());
    }

    /**
     * Puts pending messages under a lease without delivering them (a prepared XA branch's received messages,
     * restored from the durable store). Returns how many were pending.
     */
    public int lease(List<String> ids, LeaseOwner owner) {
        int n = 0;
        for (String id : ids) {
            if (pendingKeys.containsKey(id)) {
                inFlight.put(id, new Lease(removePending(id), owner));
                n++;
            }
        }
        return n;
    }

    private StoredMessage removePending(String id) {
        Long key = pendingKeys.remove(id);
        return pending.remove(key);
    }

    private StoredMessage moveCopy(StoredMessage m, String target, String reason) {
        StoredMessage c = m.copy();
        c.properties().put(REASON_PROPERTY, reason);
        c.properties().put(ORIGIN_PROPERTY, name);
        // a fresh life on the target: not expired again, new count
        c.destination(target).deliveryCount(0).redeliverAfter(0).expiration(0);
        return c;
    }

    // --- lease timeout ---------------------------------------------------------------------------------------

    /**
     * The primary's decision, changing nothing but a cached bound: the messages whose lease timed out by
     * {@code now}, in lease order. Cheap while no lease can be due (one comparison); else one pass over the
     * leases, which also finds when the next one is due.
     */
    public List<String> leasesDue(long now) {
        if (now < leaseCheckAt) {
            return List.of();
        }
        List<String> due = new ArrayList<>();
        long next = Long.MAX_VALUE;
        for (Lease lease : inFlight.values()) {
            if (lease.expiredBy(now)) {
                due.add(lease.message().messageId());
            } else if (lease.expiresAt() != 0) {
                next = Math.min(next, lease.expiresAt());
            }
        }
        leaseCheckAt = due.isEmpty() ? next : 0;
        return due;
    }

    /**
     * Primary: releases the leases that timed out by {@code now} ({@link #leasesDue}) and logs them; returns
     * their ids, for the backups to replay with {@link #expireLeases}.
     */
    public List<String> expireDueLeases(long now) {
        List<String> due = leasesDue(now);
        if (!due.isEmpty()) {
            LeaseOwner holder = inFlight.get(due.get(0)).owner();
            LOG.info(() -> StoreError.LEASES_TIMED_OUT.text(name, due.size(), holder,
                    settings.lease().timeoutMillis(), due.get(0)));
            expireLeases(due, now);
            leasesDue(now); // finds when the next lease is due
        }
        return due;
    }

    /**
     * Releases these leases (they timed out) for redelivery, counted as delivered ({@code JMSRedelivered}, the
     * delivery count stays incremented, so the dead-letter limit applies at the next claim), after the
     * redelivery delay; their holders are remembered, so their late acknowledgements are refused. Ids no
     * longer leased are skipped.
     */
    public void expireLeases(List<String> ids, long now) {
        for (String id : ids) {
            Lease lease = inFlight.remove(id);
            if (lease == null) {
                continue;
            }
            timedOut.put(id, lease.owner());
            groups.leaseTimedOut(lease.message(), lease.owner());
            if (timedOut.size() > TIMED_OUT_REMEMBERED) {
                Iterator<String> eldest = timedOut.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
            requeue(lease.message(), true, now);
        }
    }

    // --- acknowledge and release -----------------------------------------------------------------------------

    /** Removes leased messages held by this owner's session, whatever their lease timeout. Returns how many. */
    public int acknowledge(List<String> ids, LeaseOwner owner) {
        return acknowledge(ids, owner, 0);
    }

    /**
     * Removes leased messages held by this owner's session, all or none: at {@code now} (the primary's clock,
     * replayed on backups; 0: no clock, acknowledge what is held), a message whose lease timed out — still
     * leased to the owner past its time, or released already ({@link #expireLeases}) — refuses the whole call,
     * and the leases past their time are released now.
     *
     * @return how many were removed, or minus how many leases had timed out (then nothing was removed)
     */
    public int acknowledge(List<String> ids, LeaseOwner owner, long now) {
        if (now != 0) {
            List<String> expired = new ArrayList<>();
            int late = 0;
            for (String id : ids) {
                Lease lease = inFlight.get(id);
                boolean held = lease != null && lease.owner().equals(owner);
                if (held && lease.expiredBy(now)) {
                    expired.add(id);
                    late++;
                } else if (!held && owner.equals(timedOut.get(id))) {
                    late++;
                }
            }
            if (late > 0) {
                expireLeases(expired, now);
                return -late;
            }
        }
        int n = 0;
        for (String id : ids) {
            Lease lease = inFlight.get(id);
            if (lease != null && lease.owner().equals(owner)) {
                inFlight.remove(id);
                bytes -= lease.message().estimatedSize();
                acknowledgedCount++;
                n++;
            }
        }
        return n;
    }

    /** Moves leases of the given messages from one owner to another. Returns how many moved. */
    public int reassign(List<String> ids, LeaseOwner from, LeaseOwner to) {
        int n = 0;
        for (String id : ids) {
            Lease lease = inFlight.get(id);
            if (lease != null && lease.owner().equals(from)) {
                inFlight.put(id, new Lease(lease.message(), to));
                n++;
            }
        }
        return n;
    }

    /**
     * Returns leased messages of this owner's session to the queue for redelivery (after the redelivery
     * delay). Messages out of attempts stay leased and come back as moves to the dead-letter queue.
     *
     * @param delivered false when the messages never reached the application (their count is restored)
     */
    public List<StoredMessage> release(List<String> ids, LeaseOwner owner, boolean delivered, long now) {
        List<StoredMessage> moves = new ArrayList<>();
        for (String id : ids) {
            Lease lease = inFlight.get(id);
            if (lease == null || !lease.owner().equals(owner)) {
                continue;
            }
            StoredMessage m = lease.message();
            if (!delivered) {
                m.deliveryCount(m.deliveryCount() - 1);
            } else if (settings.deadLetter().isDead(m, name) && settings.deadLetter().queue() != null) {
                deadLetteredCount++;
                moves.add(moveCopy(m, settings.deadLetter().queue(), settings.deadLetter().reason()));
                continue;
            }
            inFlight.remove(id);
            requeue(m, delivered, now);
        }
        return moves;
    }

    /** Releases every lease of a session, connection or node (close, or the node left the cluster). */
    public int releaseOwner(LeaseOwner owner, LeaseOwner.Scope scope, long now) {
        int n = 0;
        if (subscriptions != null) {
            for (Iterator<Subscription> it = subscriptions.values().iterator(); it.hasNext(); ) {
                Subscription s = it.next();
                n += s.queue().releaseOwner(owner, scope, now);
                if (scope != LeaseOwner.Scope.SESSION
                        && s.consumers().values().removeIf(c -> c.matches(owner, scope))) {
                    n++;
                    if (!s.durable() && s.consumers().isEmpty()) {
                        it.remove();
                    }
                }
            }
        }
        for (Iterator<Lease> it = inFlight.values().iterator(); it.hasNext(); ) {
            Lease lease = it.next();
            if (lease.owner().matches(owner, scope)) {
                it.remove();
                requeue(lease.message(), true, now);
                n++;
            }
        }
        return n + groups.unbind(owner, scope);
    }

    /** The message groups of this queue: which consumer each is bound to. */
    public MessageGroups groups() {
        return groups;
    }

    private void requeue(StoredMessage m, boolean delivered, long now) {
        long redeliverAt = delivered ? settings.redelivery().redeliverAt(now) : 0;
        if (redeliverAt > 0) {
            m.redeliverAfter(redeliverAt);
        }
        long key = orderKey(m); // original position: a redelivered message keeps its place in line
        pending.put(key, m);
        pendingKeys.put(m.messageId(), key);
        scans.added(key); // visible again to the selectors that scanned past its place
    }

    /** True when this temporary destination belongs to the given connection (or to any connection of the node). */
    public boolean isOwnedBy(LeaseOwner owner, LeaseOwner.Scope scope) {
        if (!settings.isTemporary()) {
            return false;
        }
        return scope == LeaseOwner.Scope.NODE
                ? owner.nodeId().equals(settings.temporaryOwnerNode())
                : owner.connectionId().equals(settings.temporaryOwnerConnection());
    }

    // --- topics ----------------------------------------------------------------------------------------------

    /**
     * Fans messages out to the subscriptions that exist now, applying each one's selector and noLocal. The
     * primary asked {@link #admit} first, so all or nothing: a full subscription refuses the whole publish.
     *
     * @return how many subscription copies were stored
     */
    public int publish(List<StoredMessage> messages) {
        int copies = 0;
        for (StoredMessage m : messages) {
            String sendId = m.sendId();
            if (recent.contains(sendId)) {
                duplicatesDroppedCount++;
                continue; // published already: a duplicate, or a send made again after an in-doubt outcome
            }
            recent.add(sendId, settings.duplicates().idCacheSize());
            enqueuedCount++;
            for (Subscription s : subscriptions.values()) {
                if (s.accepts(m)) {
                    s.queue().store(m.copy());
                    copies++;
                }
            }
        }
        return copies;
    }

    /**
     * Which durable subscriptions would receive each PERSISTENT message if it were published now, changing
     * nothing: subscription name to the ids of the messages it accepts (the durable store writes those copies).
     */
    public HashMap<String, ArrayList<String>> durableReceivers(List<StoredMessage> messages) {
        HashMap<String, ArrayList<String>> receivers = new HashMap<>();
        for (Subscription s : subscriptions().values()) {
            if (!s.durable()) {
                continue;
            }
            for (StoredMessage m : messages) {
                if (m.persistent() && s.accepts(m)) {
                    receivers.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(m.messageId());
                }
            }
        }
        return receivers;
    }

    /** Attaches a consumer to a subscription, creating or replacing it as the spec says (6.11, 8.3). */
    public SubscribeOutcome subscribe(String subscription, SubscriptionSpec spec, String consumerId, LeaseOwner owner) {
        Subscription s = subscriptions.get(subscription);
        SubscribeOutcome outcome;
        if (s == null) {
            outcome = SubscribeOutcome.CREATED;
        } else if (s.consumers().containsKey(consumerId)) {
            return SubscribeOutcome.JOINED; // the same attach made again (its first outcome was in doubt)
        } else if (s.shared() != spec.shared()) {
            return SubscribeOutcome.KIND_MISMATCH;
        } else if (!s.shared() && !s.consumers().isEmpty()) {
            return SubscribeOutcome.IN_USE;
        } else if (!s.sameFilter(spec)) {
            if (!s.consumers().isEmpty()) {
                return SubscribeOutcome.FILTER_MISMATCH;
            }
            outcome = SubscribeOutcome.REPLACED;
        } else {
            outcome = SubscribeOutcome.JOINED;
        }
        if (outcome != SubscribeOutcome.JOINED) {
            s = new Subscription(subscription, spec, name, settings);
            subscriptions.put(subscription, s);
        }
        s.attach(consumerId, owner);
        return outcome;
    }

    /** Detaches a consumer; a non-durable subscription ends with its last consumer. True if anything changed. */
    public boolean detach(String subscription, String consumerId) {
        Subscription s = subscriptions == null ? null : subscriptions.get(subscription);
        if (s == null || s.consumers().remove(consumerId) == null) {
            return false;
        }
        if (!s.durable() && s.consumers().isEmpty()) {
            subscriptions.remove(subscription);
        }
        return true;
    }

    /** Deletes a durable subscription, unless a consumer is attached or one of its messages is unacknowledged. */
    public UnsubscribeOutcome unsubscribe(String subscription) {
        Subscription s = subscriptions == null ? null : subscriptions.get(subscription);
        if (s == null) {
            return UnsubscribeOutcome.NOT_FOUND;
        }
        if (!s.consumers().isEmpty()) {
            return UnsubscribeOutcome.ACTIVE;
        }
        if (s.queue().inFlightCount() > 0) {
            return UnsubscribeOutcome.UNACKNOWLEDGED;
        }
        subscriptions.remove(subscription);
        return UnsubscribeOutcome.REMOVED;
    }

    public Map<String, Subscription> subscriptions() {
        return subscriptions == null ? Map.of() : subscriptions;
    }

    // --- administration --------------------------------------------------------------------------------------

    /** Deletes pending messages (in-flight ones stay with their consumers); returns their ids. */
    public ArrayList<String> purge() {
        ArrayList<String> ids = new ArrayList<>(pendingKeys.keySet());
        for (StoredMessage m : pending.values()) {
            bytes -= m.estimatedSize();
        }
        pending.clear();
        pendingKeys.clear();
        return ids;
    }

    /** Up to {@code limit} deliverable messages after {@code afterKey} in delivery order, as copies. */
    public List<StoredMessage> browse(Selector selector, long afterKey, int limit, long now) {
        List<StoredMessage> page = new ArrayList<>();
        for (StoredMessage m : pending.tailMap(afterKey, false).values()) {
            if (page.size() >= limit) {
                break;
            }
            if (!m.isExpired(now) && m.availableAt() <= now && !settings.deadLetter().isDead(m, name) && selector.matches(m::selectorValue)) {
                StoredMessage c = m.copy();
                c.deliveryCount(c.deliveryCount() + 1); // as it would be delivered
                page.add(c);
            }
        }
        return page;
    }

    /** Counters of a queue or subscription; for a topic, its subscriptions' messages added up. */
    public DestinationStats stats() {
        return stats(System.currentTimeMillis());
    }

    /** As {@link #stats()}; messages pending with a delivery time (or redelivery delay) after {@code now} count as scheduled. */
    public DestinationStats stats(long now) {
        long pendingTotal = pending.size();
        long scheduledTotal = 0;
        for (StoredMessage m : pending.values()) {
            if (m.availableAt() > now) {
                scheduledTotal++;
            }
        }
        int consumersTotal = 0;
        long inFlightTotal = inFlight.size();
        long acked = acknowledgedCount;
        long expired = expiredCount;
        long dead = deadLetteredCount;
        for (Subscription s : subscriptions().values()) {
            DestinationStats sub = s.queue().stats(now);
            pendingTotal += sub.pending();
            scheduledTotal += sub.scheduled();
            consumersTotal += s.consumers().size();
            inFlightTotal += sub.inFlight();
            acked += sub.acknowledged();
            expired += sub.expired();
            dead += sub.deadLettered();
        }
        return new DestinationStats(name, pendingTotal, inFlightTotal, enqueuedCount, acked, expired, dead,
                settings.isTemporary(), bytes(), settings.maxMessages(), settings.maxBytes(), scheduledTotal,
                consumersTotal, duplicatesDroppedCount);
    }

    // --- serialization (migration and backup sync of the whole state) ---------------------------------------

    @Override
    public int getFactoryId() {
        return StoreSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.DESTINATION_STATE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(name);
        out.writeObject(settings);
        out.writeLong(nextSequence);
        out.writeInt(pending.size());
        for (StoredMessage m : pending.values()) {
            out.writeObject(m);
        }
        out.writeInt(inFlight.size());
        for (Lease lease : inFlight.values()) {
            out.writeObject(lease);
        }
        out.writeLong(enqueuedCount);
        out.writeLong(acknowledgedCount);
        out.writeLong(expiredCount);
        out.writeLong(deadLetteredCount);
        out.writeLong(duplicatesDroppedCount);
        recent.write(out);
        out.writeInt(timedOut.size());
        for (Map.Entry<String, LeaseOwner> e : timedOut.entrySet()) {
            out.writeString(e.getKey());
            LeaseOwner.write(out, e.getValue());
        }
        out.writeBoolean(subscriptions != null);
        if (subscriptions != null) {
            out.writeInt(subscriptions.size());
            for (Subscription sub : subscriptions.values()) {
                out.writeObject(sub);
            }
        }
        groups.write(out);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        name = in.readString();
        settings = in.readObject();
        nextSequence = in.readLong();
        int pendingSize = in.readInt();
        for (int i = 0; i < pendingSize; i++) {
            StoredMessage m = in.readObject();
            long key = orderKey(m);
            pending.put(key, m);
            scans.added(key);
            pendingKeys.put(m.messageId(), key);
            bytes += m.estimatedSize();
        }
        int inFlightSize = in.readInt();
        for (int i = 0; i < inFlightSize; i++) {
            Lease lease = in.readObject();
            inFlight.put(lease.message().messageId(), lease);
            bytes += lease.message().estimatedSize();
        }
        enqueuedCount = in.readLong();
        acknowledgedCount = in.readLong();
        expiredCount = in.readLong();
        deadLetteredCount = in.readLong();
        duplicatesDroppedCount = in.readLong();
        recent.read(in);
        int timedOutSize = in.readInt();
        for (int i = 0; i < timedOutSize; i++) {
            timedOut.put(in.readString(), LeaseOwner.read(in));
        }
        if (in.readBoolean()) {
            int n = in.readInt();
            subscriptions = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                Subscription sub = in.readObject();
                subscriptions.put(sub.name(), sub);
            }
        }
        groups.read(in);
    }
}
