package io.hazeljms.store;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import io.hazeljms.store.operation.PartitionOperations;
import io.hazeljms.store.processor.AckProcessor;
import io.hazeljms.store.processor.BrowseProcessor;
import io.hazeljms.store.processor.ClaimProcessor;
import io.hazeljms.store.processor.CreateDestinationProcessor;
import io.hazeljms.store.processor.DetachProcessor;
import io.hazeljms.store.processor.SubscribeProcessor;
import io.hazeljms.store.processor.UnsubscribeProcessor;
import io.hazeljms.store.processor.EnqueueProcessor;
import io.hazeljms.store.processor.PurgeProcessor;
import io.hazeljms.store.processor.ReassignLeaseProcessor;
import io.hazeljms.store.processor.ReleaseOwnerProcessor;
import io.hazeljms.store.processor.ReleaseProcessor;
import io.hazeljms.store.processor.RoomProcessor;
import io.hazeljms.store.processor.SettingsProcessor;
import io.hazeljms.store.processor.StatsProcessor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The store's entry point on one Hazelcast node (member or client): send, claim, acknowledge, release, browse
 * and administer destinations. Every mutation is one entry processor on the destination's partition.
 * Thread-safe; one per node is enough.
 */
public final class Broker {

    private static final Logger LOG = Logger.getLogger(Broker.class.getName());

    private final HazelcastInstance hz;
    private final IMap<String, DestinationState> destinations;
    private final IMap<String, String> clientIds;
    /** Durable subscription name to the key of its topic: unsubscribe names no topic. */
    private final IMap<String, String> durableIndex;
    private final IMap<String, PreparedTransaction> preparedTransactions;
    private volatile String clusterId;
    private final DestinationSettings defaults;
    private final DestinationSignals signals;
    /** The hot path as member operations; null on a client, which uses entry processors throughout. */
    private final PartitionOperations operations;
    /** Queues this node has seen exist: sends to them take the fast path. */
    private final Set<String> knownQueues = ConcurrentHashMap.newKeySet();
    private static final int MAX_KNOWN_QUEUES = 10_000;
    private final String nodeId;
    private final Topology topology = new Topology();
    private final StoreCalls calls = new StoreCalls(StoreCalls.DEFAULT_TIMEOUT_MILLIS, topology);
    private final TransactionCommits commits;
    /**
     * Longest a consumer waits for an event before it asks the store again: events of an owner that was lost
     * may never come, so no wait may depend on them alone.
     */
    static final long RECHECK_MILLIS = 1_000;

    public Broker(HazelcastInstance hz, DestinationSettings defaults) {
        this(hz, defaults, MemberOperations.AUTO);
    }

    public Broker(HazelcastInstance hz, DestinationSettings defaults, MemberOperations memberOperations) {
        this.hz = Objects.requireNonNull(hz, "hz");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.destinations = hz.getMap(StoreConfig.DESTINATIONS_MAP);
        this.clientIds = hz.getMap(StoreConfig.CLIENT_IDS_MAP);
        this.durableIndex = hz.getMap(StoreConfig.DURABLE_SUBSCRIPTIONS_MAP);
        this.preparedTransactions = hz.getMap(StoreConfig.PREPARED_TRANSACTIONS_MAP);
        this.signals = new DestinationSignals(destinations);
        this.operations = memberOperations == MemberOperations.OFF ? null : PartitionOperations.of(hz);
        this.nodeId = hz.getLocalEndpoint().getUuid().toString();
        this.commits = new TransactionCommits(hz, calls, defaults);
        topology.onChange(signals::fireAll);
        topology.listenTo(hz);
        registerDepartureListenerIfMissing();
        warnIfBackupsMaySucceedSilently();
    }

    /** A member handed in without the store's configuration may report a send whose backup never applied it. */
    private void warnIfBackupsMaySucceedSilently() {
        if (hz.getLocalEndpoint() instanceof Member
                && !"true".equals(hz.getConfig().getProperty(StoreConfig.FAIL_ON_INDETERMINATE_STATE))) {
            LOG.warning(StoreError.NOT_FAIL_ON_INDETERMINATE.text(StoreConfig.FAIL_ON_INDETERMINATE_STATE));
        }
    }

    /** One entry processor on one destination, bounded and carried over member departures (see StoreCalls). */
    private <R> R onKey(String key, EntryProcessor<String, DestinationState, R> processor) {
        return calls.call(processor, key, () -> destinations.submitToKey(key, processor));
    }

    /** A member started without {@link StoreConfig#applyTo} still cleans up after departed nodes. */
    private void registerDepartureListenerIfMissing() {
        if (hz.getLocalEndpoint() instanceof Member && !hz.getUserContext().containsKey(NodeDepartureListener.REGISTERED_KEY)) {
            NodeDepartureListener listener = new NodeDepartureListener();
            listener.setHazelcastInstance(hz);
            hz.getCluster().addMembershipListener(listener);
            hz.getClientService().addClientListener(listener);
        }
    }

    public HazelcastInstance hazelcast() {
        return hz;
    }

    /** The identity of this node in leases: the member's or client's UUID. */
    public String nodeId() {
        return nodeId;
    }

    public DestinationSettings defaults() {
        return defaults;
    }

    // --- send ------------------------------------------------------------------------------------------------

    /**
     * Stores messages on a destination, creating it on first use; returns once they are on the primary and
     * its synchronous backups. A destination without room for them all stores none and answers why
     * ({@link DestinationState#isRefused}: its limits, or its member low on memory).
     */
    public int send(String destination, List<StoredMessage> messages) {
        Integer added = enqueueByOperation(destination, messages);
        return added != null ? added : learn(destination,
                onKey(destination, new EnqueueProcessor(messages, defaults)));
    }

    /**
     * The fast path to a queue this node has seen exist, on a member; null when the entry processor must do it
     * (it creates destinations). Only known queues take it, so that sends issued one after another are stored
     * in that order: a fallback after a failed fast path would be issued later than the sends behind it.
     */
    private Integer enqueueByOperation(String destination, List<StoredMessage> messages) {
        if (!fastPath(destination)) {
            return null;
        }
        Integer added = calls.call("send", destination, () -> operations.enqueue(destination, messages));
        if (added == null) {
            forget(destination);
        }
        return added;
    }

    private boolean fastPath(String destination) {
        return operations != null && knownQueues.contains(destination);
    }

    private void forget(String destination) {
        knownQueues.remove(destination);
        if (operations != null) {
            operations.forget(destination);
        }
    }

    /** Records that a queue exists after an entry processor reached it (result >= 0); returns the result. */
    private int learn(String destination, int result) {
        if (operations != null && result >= 0 && !DestinationState.isTopicKey(destination)) {
            if (knownQueues.size() >= MAX_KNOWN_QUEUES) {
                knownQueues.clear(); // temporary queues come and go; forgetting only costs a slower send
            }
            knownQueues.add(destination);
        }
        return result;
    }

    /**
     * As {@link #send(String, List)} to a destination that must exist (a temporary one).
     *
     * @return -1 if it does not exist, or why it was refused ({@link DestinationState#isRefused})
     */
    public int sendToExisting(String destination, List<StoredMessage> messages) {
        Integer added = enqueueByOperation(destination, messages);
        return added != null ? added : learn(destination,
                onKey(destination, new EnqueueProcessor(messages, null)));
    }

    /**
     * Whether {@code messages} messages of {@code bytes} bytes in all ({@link StoredMessage#estimatedSize}) would
     * fit in a destination now, changing nothing: 0 if so, else why not ({@link DestinationState#isRefused}).
     */
    public int room(String destination, int messages, long bytes) {
        return onKey(destination, new RoomProcessor(messages, bytes));
    }

    public int send(String destination, StoredMessage message) {
        return send(destination, List.of(message));
    }

    /** As {@link #send(String, List)}, completing (with -1 if a required destination is missing) when stored. */
    public CompletionStage<Integer> sendAsync(String destination, List<StoredMessage> messages,
                                              boolean createIfMissing) {
        EnqueueProcessor processor = new EnqueueProcessor(messages, createIfMissing ? defaults : null);
        if (!fastPath(destination)) {
            return calls.callAsync(processor, destination, () -> destinations.submitToKey(destination, processor))
                    .thenApply(added -> learn(destination, added));
        }
        return calls.callAsync("send", destination, () -> operations.enqueueAsync(destination, messages))
                .thenCompose(added -> {
                    if (added != null) {
                        return CompletableFuture.completedFuture(added);
                    }
                    forget(destination); // deleted meanwhile: the processor recreates it or says it is gone
                    return calls.callAsync(processor, destination, () -> destinations.submitToKey(destination, processor));
                });
    }

    // --- receive ---------------------------------------------------------------------------------------------

    /** Claims the best eligible message now, or returns a result without one. Moves dead and expired messages. */
    public ClaimResult claim(Address from, String selector, LeaseOwner owner) {
        return claim(from, selector, owner, 1, List.of(), false);
    }

    /**
     * Claims up to {@code max} messages in one call, after acknowledging {@code acks} (messages this owner
     * consumed and has not acknowledged yet) in the same call.
     */
    public ClaimResult claim(Address from, String selector, LeaseOwner owner, int max, List<String> acks) {
        return claim(from, selector, owner, max, acks, false);
    }

    /** @param awaitIfEmpty the caller will wait for an event if nothing is claimed: the next enqueue fires one */
    ClaimResult claim(Address from, String selector, LeaseOwner owner, int max, List<String> acks,
                              boolean awaitIfEmpty) {
        ClaimProcessor processor = new ClaimProcessor(from.subscription(), selector, owner, defaults, max, acks,
                awaitIfEmpty);
        long claimId = newClaimId();
        int[] attempts = {0};
        ClaimResult result = calls.call(processor, from.key(), () -> destinations.submitToKey(from.key(),
                processor.claimId(claimId, attempts[0]++ > 0)));
        move(from, result.moves(), owner);
        return result;
    }

    /** Names one claim call across its attempts; never 0 (unnamed). */
    private static long newClaimId() {
        return ThreadLocalRandom.current().nextLong() | 1;
    }

    public ClaimResult claim(String queue, String selector, LeaseOwner owner) {
        return claim(Address.queue(queue), selector, owner);
    }

    /**
     * Claims a message, waiting for one up to {@code timeoutMillis} (0 = forever, negative = do not wait).
     * Waits on change events of the destination and on the time the next delayed message is due; returns
     * null on timeout or when {@code cancelled} turns true (callers poke the watch to make it check).
     */
    public StoredMessage receive(Watch watch, String selector, LeaseOwner owner, long timeoutMillis,
                                 BooleanSupplier cancelled) throws InterruptedException {
        List<StoredMessage> messages = receive(watch, selector, owner, timeoutMillis, cancelled, 1, List.of());
        return messages.isEmpty() ? null : messages.get(0);
    }

    /**
     * As {@link #receive(Watch, String, LeaseOwner, long, BooleanSupplier)}, claiming up to {@code max} messages
     * at once; {@code acks} are acknowledged by the first claim (so even when it finds nothing), then the
     * receiver waits. Returns the messages in delivery order, empty on timeout or cancellation.
     */
    public List<StoredMessage> receive(Watch watch, String selector, LeaseOwner owner, long timeoutMillis,
                                       BooleanSupplier cancelled, int max, List<String> acks)
            throws InterruptedException {
        long deadline = timeoutMillis == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + Math.max(0, timeoutMillis);
        if (operations != null && watch.address.subscription() == null && (selector == null || selector.isBlank())
                && !DestinationState.isTopicKey(watch.address.key())) {
            return receiveParking(watch, owner, timeoutMillis, deadline, cancelled, max, acks);
        }
        List<String> toAcknowledge = acks;
        while (!cancelled.getAsBoolean() || !toAcknowledge.isEmpty()) {
            long seen = watch.signal.version();
            boolean stopping = cancelled.getAsBoolean();
            if (!stopping && timeoutMillis >= 0 && toAcknowledge.isEmpty() && watch.drainedAt == seen) {
                // our last claim left nothing and marked the queue awaited; the next enqueue's event will say so,
                // so wait for it instead of asking. A no-wait receive always asks: a send that has returned may
                // not have reached us as an event yet, but its message is in the store.
                long now = System.currentTimeMillis();
                if (now >= deadline) {
                    return List.of();
                }
                watch.signal.awaitChange(seen, Math.min(RECHECK_MILLIS, deadline - now));
                watch.drainedAt = -1; // woken, or waited long enough: ask the store, whatever the events said
                continue;
            }
            ClaimResult result = claim(watch.address, selector, owner, stopping ? 0 : max, toAcknowledge,
                    !stopping && timeoutMillis >= 0);
            watch.drainedAt = result.drained() && !stopping && timeoutMillis >= 0 ? seen : -1;
            toAcknowledge = List.of();
            if (!result.messages().isEmpty()) {
                return result.messages();
            }
            long now = System.currentTimeMillis();
            if (timeoutMillis < 0 || now >= deadline || cancelled.getAsBoolean()) {
                return List.of();
            }
            long wakeAt = result.nextAvailableAt() > 0 ? Math.min(deadline, result.nextAvailableAt()) : deadline;
            watch.signal.awaitChange(seen, Math.max(1, Math.min(RECHECK_MILLIS, wakeAt - now)));
        }
        return List.of();
    }

    /**
     * {@link #receive} from a queue without selector on a member: the claim parks on the partition until a
     * message comes (see {@link io.hazeljms.store.operation.ParkingClaimOperation}), no entry events involved.
     */
    private List<StoredMessage> receiveParking(Watch watch, LeaseOwner owner, long timeoutMillis, long deadline,
                                               BooleanSupplier cancelled, int max, List<String> acks)
            throws InterruptedException {
        String key = watch.address.key();
        List<String> toAcknowledge = acks;
        while (!cancelled.getAsBoolean() || !toAcknowledge.isEmpty()) {
            boolean stopping = cancelled.getAsBoolean();
            long now = System.currentTimeMillis();
            // parks at most RECHECK_MILLIS: a claim parked on an owner that is lost must not wait for ever
            long wait = stopping || timeoutMillis < 0 ? 0 : Math.min(RECHECK_MILLIS, Math.max(0, deadline - now));
            int take = stopping ? 0 : max;
            ClaimResult result;
            watch.parking.incrementAndGet();
            try {
                List<String> acksNow = toAcknowledge;
                long claimId = newClaimId();
                int[] attempts = {0};
                result = calls.call("claim", key, wait, () -> operations.claimAsync(key, owner, take, acksNow, wait,
                        watch.waiterId, claimId, attempts[0]++ > 0));
            } finally {
                watch.parking.decrementAndGet();
            }
            if (result == null) { // no such queue yet: the entry processor creates it
                result = claim(watch.address, null, owner, take, toAcknowledge, false);
            } else {
                move(watch.address, result.moves(), owner);
            }
            toAcknowledge = List.of();
            if (!result.messages().isEmpty()) {
                return result.messages();
            }
            if (timeoutMillis < 0 || System.currentTimeMillis() >= deadline) {
                return List.of();
            }
            // else the wait ended early (another waiter's cancellation, a delayed message due): ask again
        }
        return List.of();
    }

    /** Starts watching a queue or subscription for changes; close the watch when its consumer closes. */
    public Watch watch(Address address) {
        return new Watch(address, signals.watch(address.key()));
    }

    public Watch watch(String queue) {
        return watch(Address.queue(queue));
    }

    /** A consumer's subscription to the change events of the entry it consumes from. */
    public final class Watch implements AutoCloseable {
        private final Address address;
        private final DestinationSignals.Signal signal;
        private boolean closed;
        /** Names this watch's parked claims, so they can be cancelled. */
        private final String waiterId = UUID.randomUUID().toString();
        /** Parked claims in flight for this watch. */
        private final AtomicInteger parking = new AtomicInteger();
        /** Signal version read before this watch's last claim, if that claim drained the queue; else -1. */
        private volatile long drainedAt = -1;

        private Watch(Address address, DestinationSignals.Signal signal) {
            this.address = address;
            this.signal = signal;
        }

        public Address address() {
            return address;
        }

        /** Waits (bounded) for the next change of the watched entry, e.g. room in a full topic. */
        public void awaitChange(long seen, long timeoutMillis) throws InterruptedException {
            signal.awaitChange(seen, timeoutMillis);
        }

        public long version() {
            return signal.version();
        }

        /** Wakes every local waiter of this destination so they re-check their cancellation. */
        public void wakeUp() {
            signal.fire();
            if (parking.get() > 0) {
                operations.cancelWait(address.key(), waiterId);
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                signals.unwatch(signal);
            }
        }
    }

    // --- acknowledge and release -----------------------------------------------------------------------------

    /** Acknowledges messages claimed by this owner's session. Returns how many were still held. */
    public int acknowledge(Address from, List<String> messageIds, LeaseOwner owner) {
        if (messageIds.isEmpty()) {
            return 0;
        }
        return onKey(from.key(), new AckProcessor(from.subscription(), messageIds, owner));
    }

    /**
     * As {@link #acknowledge(Address, List, LeaseOwner)} without waiting: completes with the count when done
     * (on the primary and its backups).
     */
    public CompletionStage<Integer> acknowledgeAsync(Address from, List<String> messageIds, LeaseOwner owner) {
        AckProcessor processor = new AckProcessor(from.subscription(), messageIds, owner);
        return calls.callAsync(processor, from.key(), () -> destinations.submitToKey(from.key(), processor));
    }

    public int acknowledge(String queue, List<String> messageIds, LeaseOwner owner) {
        return acknowledge(Address.queue(queue), messageIds, owner);
    }

    /**
     * Returns messages claimed by this owner's session for redelivery; those out of attempts go to the
     * dead-letter queue.
     *
     * @param delivered false for messages that never reached the application (their delivery is not counted)
     */
    public void release(Address from, List<String> messageIds, LeaseOwner owner, boolean delivered) {
        if (messageIds.isEmpty()) {
            return;
        }
        ReleaseResult result = onKey(from.key(),
                new ReleaseProcessor(from.subscription(), messageIds, owner, delivered));
        move(from, result.moves(), owner);
    }

    public void release(String queue, List<String> messageIds, LeaseOwner owner, boolean delivered) {
        release(Address.queue(queue), messageIds, owner, delivered);
    }

    /** Releases every lease a session, connection or node holds on one destination. */
    public void releaseOwner(String destination, LeaseOwner owner, LeaseOwner.Scope scope) {
        onKey(destination, new ReleaseOwnerProcessor(owner, scope));
    }

    /** Releases every lease of a connection or node on all destinations, and deletes its temporary ones. */
    public void releaseEverywhere(LeaseOwner owner, LeaseOwner.Scope scope) {
        ReleaseOwnerProcessor processor = new ReleaseOwnerProcessor(owner, scope);
        calls.call(processor, "every destination", () -> CompletableFuture.supplyAsync(
                () -> destinations.executeOnEntries(processor), Runnable::run));
    }

    /**
     * Moves messages to their dead-letter or expiry queue: stored on the target first (idempotent by
     * message id), then removed from the source, so a crash between the two duplicates, never loses. A target
     * without room refuses them: they stay where they are, leased to {@code owner}, and are moved when that
     * lease ends and a claim meets them again.
     */
    private void move(Address source, List<StoredMessage> moves, LeaseOwner owner) {
        if (moves.isEmpty()) {
            return;
        }
        Map<String, List<StoredMessage>> byTarget = new LinkedHashMap<>();
        for (StoredMessage m : moves) {
            byTarget.computeIfAbsent(m.destination(), t -> new ArrayList<>()).add(m);
        }
        List<String> ids = new ArrayList<>();
        byTarget.forEach((target, messages) -> {
            int stored = send(target, messages);
            if (DestinationState.isRefused(stored)) {
                LOG.warning(StoreError.MOVE_TARGET_FULL.text(target, messages.size(), source.key(), stored));
                return;
            }
            messages.forEach(m -> ids.add(m.messageId()));
        });
        acknowledge(source, ids, owner);
    }

    // --- topic subscriptions ---------------------------------------------------------------------------------

    /**
     * Attaches a consumer to a subscription of a topic. A durable subscription that exists on another topic
     * is deleted first (if unused), as changing a durable subscription's topic replaces it (spec 6.11.1).
     */
    public SubscribeOutcome subscribe(String topicKey, String subscription, SubscriptionSpec spec, String consumerId,
                                      LeaseOwner owner) {
        if (spec.durable()) {
            String previousTopic = durableIndex.get(subscription);
            if (previousTopic != null && !previousTopic.equals(topicKey)) {
                UnsubscribeOutcome removed = onKey(previousTopic,
                        new UnsubscribeProcessor(subscription));
                if (removed == UnsubscribeOutcome.ACTIVE || removed == UnsubscribeOutcome.UNACKNOWLEDGED) {
                    return SubscribeOutcome.IN_USE;
                }
            }
        }
        SubscribeOutcome outcome = onKey(topicKey,
                new SubscribeProcessor(subscription, spec, consumerId, owner, defaults));
        if (spec.durable() && outcome != SubscribeOutcome.IN_USE && outcome != SubscribeOutcome.KIND_MISMATCH
                && outcome != SubscribeOutcome.FILTER_MISMATCH) {
            durableIndex.set(subscription, topicKey);
        }
        return outcome;
    }

    /** Detaches a closing consumer; a non-durable subscription ends with its last consumer. */
    public void detach(String topicKey, String subscription, String consumerId) {
        onKey(topicKey, new DetachProcessor(subscription, consumerId));
    }

    /** Deletes a durable subscription by name, wherever its topic is. */
    public UnsubscribeOutcome unsubscribe(String subscription) {
        String topicKey = durableIndex.get(subscription);
        if (topicKey == null) {
            return UnsubscribeOutcome.NOT_FOUND;
        }
        UnsubscribeOutcome outcome = onKey(topicKey, new UnsubscribeProcessor(subscription));
        if (outcome == UnsubscribeOutcome.REMOVED || outcome == UnsubscribeOutcome.NOT_FOUND) {
            durableIndex.remove(subscription, topicKey);
        }
        return outcome;
    }

    // --- prepared XA branches ---------------------------------------------------------------------------------

    /** Hands leased messages from one owner to another: a session's receives to its prepared XA branch. */
    public void reassignLeases(Address address, List<String> messageIds, LeaseOwner from, LeaseOwner to) {
        if (!messageIds.isEmpty()) {
            onKey(address.key(),
                    new ReassignLeaseProcessor(address.subscription(), messageIds, from, to));
        }
    }

    /**
     * Records a prepared branch in the cluster (with backups). Its received messages must already be leased
     * to {@link PreparedTransaction#owner}; afterwards only commit or rollback end it.
     */
    public void recordPrepared(PreparedTransaction branch) {
        calls.call("record prepared branch", branch.xid(),
                () -> preparedTransactions.setAsync(branch.xid(), branch));
    }

    /** A value shared by every node of this cluster and no other (XAResource.isSameRM). */
    public String clusterId() {
        String id = clusterId;
        if (id == null) {
            IMap<String, String> ids = hz.getMap(StoreConfig.CLUSTER_ID_MAP);
            String mine = java.util.UUID.randomUUID().toString();
            String existing = ids.putIfAbsent("id", mine);
            id = clusterId = existing == null ? mine : existing;
        }
        return id;
    }

    /**
     * Applies a prepared branch, all or nothing: stores its sends, acknowledges its receives. The decision is
     * recorded first, so if this node dies midway a survivor finishes it. False if no such branch.
     */
    public boolean commitPrepared(String xid) {
        PreparedTransaction branch = calls.call("read prepared branch", xid, () -> preparedTransactions.getAsync(xid));
        if (branch == null) {
            return false;
        }
        commits.commit(new CommitRecord(xid, nodeId, branch.sends(), branch.acknowledgements(), true));
        return true;
    }

    /**
     * Commits a transaction's sends (each message's {@code destination()} is its target key) and
     * acknowledgements all or nothing, whatever the destinations' limits (a committed decision may no longer be
     * refused). Work on one destination is one atomic store call; work on several is recorded in the cluster
     * first ({@link CommitRecord}), so if this node dies midway a survivor finishes it. Returns once applied.
     */
    public void commit(List<StoredMessage> sends, List<CommitRecord.Acknowledgement> acks) {
        CommitRecord record = new CommitRecord("tx-" + UUID.randomUUID(), nodeId, sends, acks, false);
        if (record.parts() <= 1) {
            commits.applyParts(record, false);
        } else {
            commits.commit(record);
        }
    }

    /** Discards a prepared branch: its received messages are redelivered. False if no such branch. */
    public boolean rollbackPrepared(String xid) {
        PreparedTransaction branch = preparedTransactions.get(xid);
        if (branch == null) {
            return false;
        }
        LeaseOwner owner = PreparedTransaction.owner(xid);
        branch.acknowledgements().forEach(a -> release(a.address(), a.messageIds(), owner, true));
        preparedTransactions.delete(xid);
        return true;
    }

    /** Encoded Xids of every prepared branch in the cluster (for XAResource.recover). */
    public Set<String> preparedXids() {
        return new TreeSet<>(preparedTransactions.keySet());
    }

    // --- client IDs ------------------------------------------------------------------------------------------

    /** Reserves a JMS client ID cluster-wide for one connection; false when another connection has it. */
    public boolean reserveClientId(String clientId, LeaseOwner connection) {
        String holder = connection.nodeId() + "/" + connection.connectionId();
        String previous = clientIds.putIfAbsent(clientId, holder);
        if (previous == null || previous.equals(holder)) {
            return true;
        }
        // a member that left the cluster holds nothing, even before departure handling has run
        return isDepartedMember(previous.substring(0, previous.indexOf('/')))
                && clientIds.replace(clientId, previous, holder);
    }

    private boolean isDepartedMember(String nodeId) {
        if (!(hz.getLocalEndpoint() instanceof Member)) {
            return false; // a client cannot tell; departure handling on the members frees it
        }
        boolean member = hz.getCluster().getMembers().stream().anyMatch(m -> m.getUuid().toString().equals(nodeId));
        boolean client = hz.getClientService().getConnectedClients().stream()
                .anyMatch(c -> c.getUuid().toString().equals(nodeId));
        return !member && !client;
    }

    public void releaseClientId(String clientId, LeaseOwner connection) {
        clientIds.remove(clientId, connection.nodeId() + "/" + connection.connectionId());
    }

    // --- administration --------------------------------------------------------------------------------------

    /** Creates a destination with the given settings, or applies them to an existing one. True if created. */
    public boolean createDestination(String destination, DestinationSettings settings) {
        return onKey(destination, new CreateDestinationProcessor(settings));
    }

    /** A destination's settings, or null when it does not exist. */
    public DestinationSettings settings(String destination) {
        return onKey(destination, new SettingsProcessor());
    }

    /** Deletes a destination and all its messages. True if it existed. */
    public boolean deleteDestination(String destination) {
        forget(destination);
        return destinations.remove(destination) != null;
    }

    public boolean exists(String destination) {
        return destinations.containsKey(destination);
    }

    /** Deletes pending messages; returns how many. */
    public int purge(String destination) {
        return onKey(destination, new PurgeProcessor());
    }

    /** The destination's counters, or null when it does not exist. */
    public DestinationStats stats(String destination) {
        return onKey(destination, new StatsProcessor(null));
    }

    /** A queue's or one subscription's counters, or null when it does not exist. */
    public DestinationStats stats(Address address) {
        return onKey(address.key(), new StatsProcessor(address.subscription()));
    }

    /** Messages waiting or in flight; 0 for a destination that does not exist. */
    public long depth(String destination) {
        DestinationStats stats = stats(destination);
        return stats == null ? 0 : stats.depth();
    }

    public Set<String> destinationNames() {
        return new TreeSet<>(destinations.keySet());
    }

    /** One page of deliverable messages after {@code afterKey} (start with -1), in delivery order. */
    public List<StoredMessage> browse(String queue, String selector, long afterKey, int limit) {
        return onKey(queue, new BrowseProcessor(null, selector, afterKey, limit));
    }
}
