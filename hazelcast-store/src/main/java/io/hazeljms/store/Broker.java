package io.hazeljms.store;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;

import io.hazeljms.store.durable.DurableStore;

import java.util.Objects;
import java.util.logging.Logger;

/**
 * The store's entry point on one Hazelcast node (member or client): its identity in leases, its defaults, and
 * the store's parts. Every mutation is one entry processor on the destination's partition, except on the hot
 * path (send, receive), which goes through the {@link HotPath} chosen at construction. Messages, topic
 * subscriptions, transactions, administration and client IDs are the parts
 * ({@link #messages()}, {@link #subscriptions()}, {@link #transactions()}, {@link #administration()},
 * {@link #clientIds()}).
 * Thread-safe; one per node is enough.
 */
public final class Broker {

    private static final Logger LOG = Logger.getLogger(Broker.class.getName());

    private final HazelcastInstance hz;
    private final IMap<String, DestinationState> destinations;
    private final DestinationSettings defaults;
    private final DestinationSignals signals;
    /** Send, claim with wait, cancel a wait: the public API or, on a member, the member operations. */
    private final HotPath hotPath;
    private final String nodeId;
    private final Topology topology = new Topology();
    private final StoreCalls calls = new StoreCalls(StoreCalls.DEFAULT_TIMEOUT_MILLIS, topology);
    private final Subscriptions subscriptions;
    private final Transactions transactions;
    private final Administration administration;
    private final Messages messages;
    private final ClientIds clientIds;
    private final Durability durability;
    /** A client's watch for its reconnections (its cluster may have restarted); null on a member. */
    private final java.util.UUID reconnects;
    private final Consumers consumers;

    /** With the JVM's default for member operations ({@link MemberOperations#PROPERTY}). */
    public Broker(HazelcastInstance hz, DestinationSettings defaults) {
        this(hz, defaults, MemberOperations.jvmDefault());
    }

    public Broker(HazelcastInstance hz, DestinationSettings defaults, MemberOperations memberOperations) {
        this(hz, defaults, memberOperations, null);
    }

    /**
     * @param durable where PERSISTENT messages, durable subscriptions and prepared branches are written through
     *                to survive a restart of the whole cluster; null for none. The broker closes it
     *                ({@link #close}). With one, the first broker of a starting cluster loads what it holds back
     *                into the cluster before any broker returns from its constructor ({@link Recovery}).
     * @throws DurableStoreMismatchException when the cluster runs on another durable store (or none, or this node
     *                has none and the cluster has one); the caller closes {@code durable}
     */
    public Broker(HazelcastInstance hz, DestinationSettings defaults, MemberOperations memberOperations,
                  DurableStore durable) {
        this.hz = Objects.requireNonNull(hz, "hz");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        // first, before this node registers, writes or recovers anything: a node on another store changes nothing
        StoreIdentityCheck.verify(hz, durable, calls);
        this.destinations = hz.getMap(StoreConfig.DESTINATIONS_MAP);
        this.signals = new DestinationSignals(destinations, hz);
        // entry processors and events: what every node can do, and the non-waiting claims of everyone
        PublicApiHotPath publicApi = new PublicApiHotPath(destinations, calls, defaults);
        this.hotPath = HotPaths.choose(hz, Objects.requireNonNull(memberOperations, "memberOperations"), publicApi,
                calls);
        this.nodeId = hz.getLocalEndpoint().getUuid().toString();
        RestartGate gate = new RestartGate();
        this.durability = new Durability(durable, nodeId, this::onKey, gate);
        this.consumers = new Consumers(hz.getMap(StoreConfig.CONSUMERS_MAP), nodeId);
        this.messages = new Messages(this, destinations, signals, publicApi, hotPath, calls);
        this.subscriptions = new Subscriptions(this);
        this.transactions = new Transactions(this, calls);
        this.administration = new Administration(this, destinations);
        this.clientIds = new ClientIds(hz, calls);
        topology.onChange(signals::fireAll);
        topology.listenTo(hz);
        registerDepartureListenerIfMissing();
        warnIfBackupsMaySucceedSilently();
        if (durable != null) {
            DurableStores.register(hz, durable);
            Recovery.ensure(this, durable);
            durable.nodeStarted(nodeId);
        }
        this.reconnects = ClientReconnects.watch(this, durable, calls, gate);
    }

    /**
     * Stops writing through: what is queued for the durable store is written, and this node is recorded as
     * stopped cleanly. Call it after the node's connections closed. The Hazelcast instance is left running.
     */
    public void close() {
        if (reconnects != null && hz.getLifecycleService().isRunning()) {
            try {
                hz.getLifecycleService().removeLifecycleListener(reconnects);
            } catch (HazelcastInstanceNotActiveException e) {
                // shut down meanwhile: it has no listeners left
            }
        }
        consumers.forget();
        DurableStore store = durability.store();
        if (store != null) {
            try {
                store.nodesGone(java.util.Set.of(nodeId));
            } finally {
                DurableStores.unregister(hz, store);
                store.close();
            }
        }
    }

    /** Bounds a call of this node and carries it over member departures (idempotent calls only). */
    StoreCalls calls() {
        return calls;
    }

    Durability durability() {
        return durability;
    }

    Consumers consumers() {
        return consumers;
    }

    /** A member handed in without the store's configuration may report a send whose backup never applied it. */
    private void warnIfBackupsMaySucceedSilently() {
        if (hz.getLocalEndpoint() instanceof Member
                && !"true".equals(hz.getConfig().getProperty(StoreConfig.FAIL_ON_INDETERMINATE_STATE))) {
            LOG.warning(StoreError.NOT_FAIL_ON_INDETERMINATE.text(StoreConfig.FAIL_ON_INDETERMINATE_STATE));
        }
    }

    /** One entry processor on one destination, bounded and carried over member departures (see StoreCalls). */
    <R> R onKey(String key, EntryProcessor<String, DestinationState, R> processor) {
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
        if (hz.getLocalEndpoint() instanceof Member && !hz.getUserContext().containsKey(ClusterEventsLog.REGISTERED_KEY)) {
            ClusterEventsLog log = new ClusterEventsLog();
            log.setHazelcastInstance(hz);
            hz.getCluster().addMembershipListener(log);
            hz.getPartitionService().addMigrationListener(log);
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

    /** Sending, claiming, receiving, acknowledging and releasing messages of queues and subscriptions. */
    public Messages messages() {
        return messages;
    }

    /** Attaching to, detaching from and deleting topic subscriptions. */
    public Subscriptions subscriptions() {
        return subscriptions;
    }

    /** Commits, and prepared XA branches. */
    public Transactions transactions() {
        return transactions;
    }

    /** Creating, configuring, inspecting, purging, deleting and browsing destinations. */
    public Administration administration() {
        return administration;
    }

    /** JMS client IDs, each held by one connection cluster-wide. */
    public ClientIds clientIds() {
        return clientIds;
    }

    /** The hot path chosen at construction (for tests). */
    HotPath hotPath() {
        return hotPath;
    }
}
