package io.hazeljms.store;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import io.hazeljms.store.hazelcastinternal.MemberOperationSerializers;

import java.util.List;

/**
 * The Hazelcast configuration the store needs: its maps (object in-memory format, so entry processors work on
 * live state without deserializing it; synchronous backups), its serialization factory, and the listener that
 * releases leases of departed nodes. Applied to members we start, to members of a cluster clients join, and
 * to clients.
 */
public final class StoreConfig {

    /** One entry per destination: key is the destination's store name, value its {@link DestinationState}. */
    public static final String DESTINATIONS_MAP = "hazeljms.destinations";
    /** JMS client identifiers in use, cluster-wide: clientID to owning node and connection. */
    public static final String CLIENT_IDS_MAP = "hazeljms.client-ids";
    /** Durable subscription name to its topic's key (unsubscribe names no topic). */
    public static final String DURABLE_SUBSCRIPTIONS_MAP = "hazeljms.durable-subscriptions";
    /**
     * Shared non-durable subscription name to its topic's key: the name may be on one topic at a time while it
     * has consumers (spec 8.3). Changed under the map's lock on the name; an entry whose subscription ended
     * without a detach (its node left) is replaced at the name's next use.
     */
    public static final String SHARED_SUBSCRIPTIONS_MAP = "hazeljms.shared-subscriptions";
    /** Nodes whose departure has been handled (node id to time): listen on it to know a node's leases are free. */
    public static final String DEPARTURES_MAP = "hazeljms.departures";
    /** Prepared XA branches by encoded Xid, until the transaction manager completes them. */
    public static final String PREPARED_TRANSACTIONS_MAP = "hazeljms.xa-prepared";
    /** Decisions of multi-destination commits being applied, by committing node and shard (see NodeCommits). */
    public static final String COMMITS_MAP = "hazeljms.commits";
    /** One entry: an id shared by the whole cluster. */
    public static final String CLUSTER_ID_MAP = "hazeljms.cluster-id";
    /**
     * Whether the durable store was loaded into this cluster, or who is loading it (see Recovery); and which durable
     * store the cluster runs on, or off (see StoreIdentityCheck). Both live as long as the cluster.
     */
    public static final String RECOVERY_MAP = "hazeljms.recovery";
    /** Node id to the number of consumers it has per queue or subscription ({@link Consumers}). */
    public static final String CONSUMERS_MAP = "hazeljms.consumers";
    public static final int DEFAULT_BACKUP_COUNT = 1;
    /** Hazelcast's switch that turns a call whose backups never confirmed into a failure (member, client). */
    public static final String FAIL_ON_INDETERMINATE_STATE = "hazelcast.operation.fail.on.indeterminate.state";
    static final String CLIENT_FAIL_ON_INDETERMINATE_STATE = "hazelcast.client.operation.fail.on.indeterminate.state";

    /**
     * The logger of Hazelcast's CP subsystem, whose one line is a warning at every member start that CP structures
     * run in "UNSAFE mode". The store uses no CP structure, so the line only alarms operators; this logger is
     * raised to SEVERE unless a level was configured for it. Held here: JUL keeps loggers only weakly.
     */
    private static final java.util.logging.Logger CP_SUBSYSTEM_LOG =
            java.util.logging.Logger.getLogger("com.hazelcast.cp.CPSubsystem");

    private StoreConfig() {
    }

    /** See {@link #CP_SUBSYSTEM_LOG}; JUL only (Hazelcast's default logging, and Payara's). */
    private static void quietUnusedCpSubsystem() {
        if (CP_SUBSYSTEM_LOG.getLevel() == null) {
            CP_SUBSYSTEM_LOG.setLevel(java.util.logging.Level.SEVERE);
        }
    }

    /** Adds the store's maps, serialization and departure listener to a member configuration. */
    public static Config applyTo(Config config, int backupCount) {
        return applyTo(config, backupCount, MemoryGuard.DEFAULT_PERCENT);
    }

    /**
     * As {@link #applyTo(Config, int)}, with the member's {@link MemoryGuard}: its primaries refuse new messages
     * while more than {@code memoryLimitPercent} of the heap is in use after a collection (0 = never). A guard
     * already in the configuration's user context is kept.
     */
    public static Config applyTo(Config config, int backupCount, int memoryLimitPercent) {
        quietUnusedCpSubsystem();
        config.getUserContext().putIfAbsent(MemoryGuard.USER_CONTEXT_KEY, new MemoryGuard(memoryLimitPercent));
        if (backupCount < 0 || backupCount > 6) {
            throw new IllegalArgumentException(StoreError.BACKUP_COUNT_OUT_OF_RANGE.text(backupCount));
        }
        config.addMapConfig(new MapConfig(DESTINATIONS_MAP)
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                .setBackupCount(backupCount)
                .setAsyncBackupCount(0)
                .setStatisticsEnabled(false)
                .setPerEntryStatsEnabled(false));
        config.addMapConfig(new MapConfig(CLIENT_IDS_MAP).setBackupCount(backupCount));
        config.addMapConfig(new MapConfig(DURABLE_SUBSCRIPTIONS_MAP).setBackupCount(backupCount));
        config.addMapConfig(new MapConfig(SHARED_SUBSCRIPTIONS_MAP).setBackupCount(backupCount));
        config.addMapConfig(new MapConfig(PREPARED_TRANSACTIONS_MAP).setBackupCount(backupCount));
        config.addMapConfig(new MapConfig(CLUSTER_ID_MAP).setBackupCount(backupCount));
        config.addMapConfig(new MapConfig(RECOVERY_MAP).setBackupCount(backupCount));
        config.addMapConfig(new MapConfig(CONSUMERS_MAP).setBackupCount(backupCount));
        // OBJECT: a node's records are changed in place, not deserialized with every commit
        config.addMapConfig(new MapConfig(COMMITS_MAP).setInMemoryFormat(InMemoryFormat.OBJECT)
                .setBackupCount(backupCount).setAsyncBackupCount(0));
        config.addMapConfig(new MapConfig(DEPARTURES_MAP).setBackupCount(backupCount).setTimeToLiveSeconds(3600));
        config.getSerializationConfig().addDataSerializableFactory(StoreSerializers.FACTORY_ID, new StoreSerializers());
        // members only: a client never sends, receives or loads a member operation
        config.getSerializationConfig().addDataSerializableFactory(StoreSerializers.MEMBER_OPERATIONS_FACTORY_ID,
                new MemberOperationSerializers());
        config.addListenerConfig(new ListenerConfig(new NodeDepartureListener()));
        config.addListenerConfig(new ListenerConfig(new ClusterEventsLog()));
        // a call whose backup never confirmed fails instead of succeeding: the store retries it idempotently
        config.setProperty(FAIL_ON_INDETERMINATE_STATE, "true");
        return config;
    }

    /** Registers the store's serialization on a client configuration (without the member operations'). */
    public static ClientConfig applyTo(ClientConfig config) {
        config.getSerializationConfig().addDataSerializableFactory(StoreSerializers.FACTORY_ID, new StoreSerializers());
        config.setProperty(CLIENT_FAIL_ON_INDETERMINATE_STATE, "true");
        return config;
    }

    /**
     * A member configuration that binds and joins on the given interface only: multicast and auto-detection
     * off, TCP/IP join to the listed members. Store settings applied.
     *
     * @param members "host" or "host:port" entries of the TCP/IP member list
     */
    public static Config embeddedMember(String clusterName, String bindInterface, int port, List<String> members,
                                        int backupCount, ClassLoader classLoader) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setClassLoader(classLoader);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        // start quickly: we list members explicitly, there is no discovery round to wait for
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(true).setPortCount(20);
        network.getInterfaces().setEnabled(true).addInterface(bindInterface);
        network.setPublicAddress(null);
        config.setProperty("hazelcast.local.localAddress", bindInterface);
        // without this Hazelcast binds the wildcard address even when an interface is given
        config.setProperty("hazelcast.socket.bind.any", "false");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members);
        config.addListenerConfig(new ListenerConfig(new LoneMemberStart(join.getTcpIpConfig())));
        return applyTo(config, backupCount);
    }
}
