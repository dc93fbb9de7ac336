package io.hazeljms.jms.config;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.client.MessageSelectors;
import io.hazeljms.store.DestinationSettings;
import io.hazeljms.store.MemoryGuard;
import io.hazeljms.store.StoreConfig;
import io.hazeljms.store.policy.DuplicatePolicy;
import io.hazeljms.store.policy.LeasePolicy;
import jakarta.jms.InvalidSelectorException;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.hazeljms.jms.config.Scope.ACTIVATION_SPEC;
import static io.hazeljms.jms.config.Scope.CONNECTION_FACTORY;
import static io.hazeljms.jms.config.Scope.JAVA;
import static io.hazeljms.jms.config.Scope.RESOURCE_ADAPTER;

/**
 * The catalog: every configuration property of HazelJMS, declared once. {@link ProviderConfig}, the resource
 * adapter, the managed connection factory and the activation spec store their values under these settings;
 * a test compares {@code ra.xml}, the README tables and the JavaBean setters with this list.
 */
public final class Settings {

    private Settings() {
    }

    // --- a message-driven bean: what it consumes and how ---------------------------------------------------

    public static final Setting<String> DESTINATION = Setting.text("destination", null).in(ACTIVATION_SPEC)
            .describe("queue or topic name (or destinationLookup)");

    public static final Setting<String> DESTINATION_LOOKUP = Setting.text("destinationLookup", null)
            .in(ACTIVATION_SPEC).describe("JNDI name of a HazelJMS Queue or Topic admin object (instead of destination)");

    public static final Setting<String> DESTINATION_TYPE = Setting.text("destinationType", "jakarta.jms.Queue")
            .in(ACTIVATION_SPEC).rule(ProviderError.DESTINATION_TYPE_INVALID, v -> {
                String type = v.replace("javax.jms.", "jakarta.jms.");
                return type.equals("jakarta.jms.Queue") || type.equals("jakarta.jms.Topic") ? null
                        : "must be jakarta.jms.Queue or jakarta.jms.Topic";
            })
            .describe("jakarta.jms.Queue or jakarta.jms.Topic");

    public static final Setting<String> MESSAGE_SELECTOR = Setting.text("messageSelector", null).in(ACTIVATION_SPEC)
            .rule(ProviderError.MESSAGE_SELECTOR_INVALID, Settings::selectorViolation).describe("message selector");

    public static final Setting<String> ACKNOWLEDGE_MODE = Setting.text("acknowledgeMode", "Auto-acknowledge")
            .in(ACTIVATION_SPEC).rule(ProviderError.ACKNOWLEDGE_MODE_INVALID,
                    Rule.oneOf(List.of("Auto-acknowledge", "Dups-ok-acknowledge")))
            .describe("Auto-acknowledge or Dups-ok-acknowledge (non-transacted delivery)");

    public static final Setting<String> SUBSCRIPTION_DURABILITY = Setting.text("subscriptionDurability", "NonDurable")
            .in(ACTIVATION_SPEC).rule(ProviderError.SUBSCRIPTION_DURABILITY_INVALID,
                    Rule.oneOf(List.of("Durable", "NonDurable")))
            .describe("Durable or NonDurable (topics)");

    public static final Setting<String> SUBSCRIPTION_NAME = Setting.text("subscriptionName", null)
            .in(ACTIVATION_SPEC).describe("durable or shared subscription name");

    public static final Setting<Boolean> SHARE_SUBSCRIPTIONS = Setting.bool("shareSubscriptions", false)
            .in(ACTIVATION_SPEC).describe("consume a topic through a shared subscription");

    public static final Setting<Integer> MAX_SESSION = Setting.integer("maxSession", 15).in(ACTIVATION_SPEC)
            .rule(ProviderError.MAX_SESSION_INVALID, Rule.atLeast(1))
            .describe("concurrent deliveries; on a topic, more than one session means a shared subscription");

    // --- where the Hazelcast node comes from -----------------------------------------------------------------

    public static final Setting<String> MODE = Setting.text("mode", "embedded").in(JAVA, RESOURCE_ADAPTER)
            .rule(ProviderError.MODE_INVALID, Rule.oneOf(List.of("embedded", "client", "instance")))
            .describe("embedded: start a Hazelcast member in this JVM; client: connect to an existing cluster "
                    + "(clientAddresses); instance (plain Java): use a HazelcastInstance handed in");

    public static final Setting<String> CLUSTER_NAME = Setting.text("clusterName", "hazeljms")
            .in(JAVA, RESOURCE_ADAPTER).rule(ProviderError.CLUSTER_NAME_INVALID, Rule.notBlank())
            .describe("Hazelcast cluster name (embedded and client)");

    public static final Setting<String> BIND_INTERFACE = Setting.text("bindInterface", "127.0.0.1")
            .in(JAVA, RESOURCE_ADAPTER).rule(ProviderError.BIND_INTERFACE_INVALID, Rule.notBlank())
            .describe("interface the embedded member binds and joins on");

    public static final Setting<Integer> PORT = Setting.integer("port", 5710).in(JAVA, RESOURCE_ADAPTER)
            .rule(ProviderError.PORT_INVALID, Rule.range(1, 65535))
            .describe("first port of the embedded member (auto-increments)");

    public static final Setting<String> MEMBERS = Setting.text("members", "").in(JAVA, RESOURCE_ADAPTER)
            .defaultText("bindInterface:port … port+9")
            .describe("comma-separated TCP/IP member list host[:port]; multicast and auto-detection are always off");

    public static final Setting<String> CLIENT_ADDRESSES = Setting.text("clientAddresses", "")
            .in(JAVA, RESOURCE_ADAPTER).defaultText("bindInterface:port")
            .describe("client mode: comma-separated cluster addresses host[:port]");

    public static final Setting<Long> CLIENT_CONNECT_TIMEOUT_MILLIS = Setting.longValue("clientConnectTimeoutMillis",
                    20_000L).in(JAVA, RESOURCE_ADAPTER)
            .rule(ProviderError.CLIENT_CONNECT_TIMEOUT_INVALID, Rule.atLeast(1L))
            .describe("client mode: how long to try to reach the cluster (at start and after losing it), ms");

    public static final Setting<Integer> BACKUP_COUNT = Setting.integer("backupCount", StoreConfig.DEFAULT_BACKUP_COUNT)
            .in(JAVA, RESOURCE_ADAPTER).rule(ProviderError.BACKUP_COUNT_INVALID, Rule.range(0, 6))
            .describe("synchronous backups of every destination");

    public static final Setting<String> HAZELCAST_CONFIG_FILE = Setting.text("hazelcastConfigFile", "")
            .in(JAVA, RESOURCE_ADAPTER)
            .describe("a Hazelcast member XML/YAML configuration to use instead of the generated one");

    public static final Setting<String> MEMBER_OPERATIONS = Setting.text("memberOperations", null)
            .in(JAVA, RESOURCE_ADAPTER)
            .rule(ProviderError.MEMBER_OPERATIONS_INVALID, Rule.oneOf(List.of("auto", "off")))
            .defaultText("the store's JVM default")
            .describe("a member's hot path: auto runs it as the store's partition operations (Hazelcast internals) "
                    + "on a Hazelcast version they are tested on, off uses the public API only; unset: the store's "
                    + "JVM-wide default");

    // --- durability: where PERSISTENT messages survive a restart of the whole cluster ----------------------------

    /** JVM-wide default of {@link #DURABLE_STORE} when a configuration leaves it unset. */
    public static final String DURABLE_STORE_PROPERTY = "hazeljms.durableStore";

    public static final Setting<String> DURABLE_STORE = Setting.text("durableStore", null).in(JAVA, RESOURCE_ADAPTER)
            .rule(ProviderError.DURABLE_STORE_INVALID, Settings::durableStoreViolation)
            .defaultText("embedded (or the JVM's -D" + DURABLE_STORE_PROPERTY + ")")
            .describe("where PERSISTENT messages, durable subscriptions and prepared XA branches are written through "
                    + "so they survive a restart of the whole cluster: embedded (a file database in "
                    + "durableStoreDirectory, shared by the servers of one machine), a jdbc:postgresql://host/db?user=… "
                    + "URL (or jdbc:h2:…), or off (memory and backups only)");

    public static final Setting<String> DURABLE_STORE_DIRECTORY = Setting.text("durableStoreDirectory", "")
            .in(JAVA, RESOURCE_ADAPTER).defaultText("~/.hazeljms/store")
            .describe("durableStore=embedded: the directory of its file database, one file per cluster name");

    public static final Setting<String> DURABLE_STORE_DATA_SOURCE = Setting.text("durableStoreDataSource", "")
            .in(RESOURCE_ADAPTER)
            .describe("JNDI name of a container DataSource (a PostgreSQL or H2 pool) for the durable store; when set "
                    + "it is used instead of durableStore");

    static String durableStoreViolation(String value) {
        String v = value.trim();
        return v.equalsIgnoreCase("embedded") || v.equalsIgnoreCase("off") || v.startsWith("jdbc:postgresql:")
                || v.startsWith("jdbc:h2:") ? null
                : "must be 'embedded', 'off' or a jdbc:postgresql: or jdbc:h2: URL";
    }

    // --- security: who may connect, and what they may touch (README, Security) -------------------------------------

    public static final Setting<String> AUTHENTICATOR = Setting.text("authenticator", "none").in(JAVA, RESOURCE_ADAPTER)
            .rule(ProviderError.AUTHENTICATOR_INVALID, v -> v.trim().matches("none|users|jaas|[\\p{L}_$][\\p{L}\\p{N}_$.]*")
                    ? null : "must be none, users, jaas or a class name")
            .describe("who may connect: none (security off: every connection may do everything), users (the users "
                    + "and usersFile lists), jaas (the JAAS login configuration entry jaasConfiguration), or the class "
                    + "name of an io.hazeljms.jms.security.Authenticator");

    public static final Setting<String> USERS = Setting.text("users", "").in(JAVA, RESOURCE_ADAPTER)
            .describe("authenticator users: user:passwordHash:role,role entries separated by ';' (hash a password "
                    + "with java -cp hazeljms-jms-provider.jar io.hazeljms.jms.security.PasswordHash)");

    public static final Setting<String> USERS_FILE = Setting.text("usersFile", "").in(JAVA, RESOURCE_ADAPTER)
            .describe("authenticator users: a file of user:passwordHash:role,role lines (# comments), read at start, "
                    + "in addition to users");

    public static final Setting<String> JAAS_CONFIGURATION = Setting.text("jaasConfiguration", "hazeljms")
            .in(JAVA, RESOURCE_ADAPTER)
            .describe("authenticator jaas: the entry of the JVM's JAAS login configuration to log in with; roles are "
                    + "the names of the subject's other principals");

    public static final Setting<String> JAAS_REALM = Setting.text("jaasRealm", "").in(JAVA, RESOURCE_ADAPTER)
            .describe("authenticator jaas on Payara: the realm (file, jdbc, ldap, …) of the realm login module that "
                    + "jaasConfiguration names (fileRealm: file), which reads the password as Payara's own credential; "
                    + "blank for ordinary JAAS login modules");

    public static final Setting<String> DEFAULT_USER = Setting.text("defaultUser", "").in(JAVA, RESOURCE_ADAPTER)
            .describe("with an authenticator: the user a connection made without credentials acts as (not "
                    + "authenticated); blank: such connections are refused with JMSSecurityException");

    public static final Setting<String> DEFAULT_ROLES = Setting.text("defaultRoles", "").in(JAVA, RESOURCE_ADAPTER)
            .describe("comma-separated roles of defaultUser");

    public static final Setting<String> PERMISSIONS = Setting.text("permissions", "").in(JAVA, RESOURCE_ADAPTER)
            .describe("with an authenticator: grants 'permission,permission pattern role,role' (send orders.# "
                    + "writers) separated by ';'; "
                    + "patterns are destination names with * (one word) and # (any words), optionally prefixed "
                    + "queue: or topic:; permissions send, consume, browse, createDestination, deleteDestination, "
                    + "createDurable, deleteDurable, manage or *; what no grant allows is refused. No grants at all: "
                    + "every connection that got in may do everything");

    public static final Setting<String> PERMISSIONS_FILE = Setting.text("permissionsFile", "").in(JAVA, RESOURCE_ADAPTER)
            .describe("grants as in permissions, one per line (# comments), read at start, in addition to "
                    + "permissions");

    /**
     * Named as the JMS API names it ({@code createConnection(userName, password)}) and as Payara sets it: a
     * {@code @JMSConnectionFactoryDefinition}'s {@code user} becomes the pool property {@code UserName}, which the
     * container hands to {@code setUserName}.
     */
    public static final Setting<String> USER_NAME = Setting.text("userName", "").in(CONNECTION_FACTORY, ACTIVATION_SPEC)
            .describe("the user connections of this factory, or this MDB's connection, log in as when the "
                    + "application and the container give no credentials");

    public static final Setting<String> PASSWORD = Setting.text("password", "").in(CONNECTION_FACTORY, ACTIVATION_SPEC)
            .secret().describe("the password of userName (never shown: toString and messages mask it)");

    // --- destination policy: defaults of destinations created from this node, or one MDB's destination ---------

    public static final Setting<Integer> MAX_DELIVERY_ATTEMPTS = Setting.integer("maxDeliveryAttempts",
                    DestinationSettings.DEFAULT_MAX_DELIVERY_ATTEMPTS).perDestination()
            .rule(ProviderError.MAX_DELIVERY_ATTEMPTS_INVALID, Rule.atLeast(1))
            .describe("deliveries before a message moves to the dead-letter queue");

    public static final Setting<Long> REDELIVERY_DELAY_MILLIS = Setting.longValue("redeliveryDelayMillis", 0L)
            .perDestination().alias("redeliveryDelay", RESOURCE_ADAPTER, ACTIVATION_SPEC)
            .rule(ProviderError.REDELIVERY_DELAY_INVALID, Rule.notNegative())
            .describe("wait before a rolled-back or recovered message is delivered again, ms");

    public static final Setting<Long> LEASE_TIMEOUT_MILLIS = Setting.longValue("leaseTimeoutMillis",
                    LeasePolicy.DEFAULT_TIMEOUT_MILLIS).perDestination()
            .rule(ProviderError.LEASE_TIMEOUT_INVALID, Rule.notNegative())
            .describe("how long a consumer may hold a received message unacknowledged: then it is delivered again "
                    + "(JMSRedelivered, counted toward maxDeliveryAttempts) and the late acknowledge or commit "
                    + "fails; XA sessions and MDBs follow their transaction timeout instead, ms (0 = never; "
                    + "default 30 min)");

    public static final Setting<Integer> DUPLICATE_ID_CACHE_SIZE = Setting.integer("duplicateIdCacheSize",
                    DuplicatePolicy.DEFAULT_ID_CACHE_SIZE).perDestination()
            .rule(ProviderError.DUPLICATE_ID_CACHE_INVALID, Rule.notNegative())
            .describe("how many send ids a destination remembers to drop a message sent again with the same "
                    + "duplicate id (message property HJMS_DuplicateId, or Artemis' _AMQ_DUPL_ID); the store's own "
                    + "retries of in-doubt sends use the same window (0 = remember none; default 20000, Artemis' "
                    + "id-cache-size)");

    public static final Setting<String> DEAD_LETTER_QUEUE = Setting.text("deadLetterQueue",
                    DestinationSettings.DEFAULT_DEAD_LETTER_QUEUE).perDestination()
            .describe("queue for messages out of delivery attempts (blank: drop them)");

    public static final Setting<String> EXPIRY_QUEUE = Setting.text("expiryQueue", "").perDestination()
            .describe("queue for expired messages (blank: drop them)");

    public static final Setting<Integer> MAX_QUEUE_MESSAGES = Setting.integer("maxQueueMessages",
                    DestinationSettings.DEFAULT_MAX_MESSAGES).perDestination().alias("maxBacklog", JAVA, RESOURCE_ADAPTER)
            .rule(ProviderError.MAX_QUEUE_MESSAGES_INVALID, Rule.notNegative())
            .describe("most messages (pending and in flight) a queue, or each topic subscription, may hold "
                    + "(0 = unlimited)");

    public static final Setting<Long> MAX_QUEUE_BYTES = Setting.longValue("maxQueueBytes",
                    DestinationSettings.DEFAULT_MAX_BYTES).perDestination()
            .rule(ProviderError.MAX_QUEUE_BYTES_INVALID, Rule.notNegative())
            .describe("most bytes a queue, or each topic subscription, may hold: bodies plus an estimate of headers "
                    + "and properties, about 200 bytes a message (0 = unlimited; default 32 MiB)");

    // --- sending and receiving ------------------------------------------------------------------------------

    public static final Setting<Integer> MEMORY_LIMIT_PERCENT = Setting.integer("memoryLimitPercent",
                    MemoryGuard.DEFAULT_PERCENT).in(JAVA, RESOURCE_ADAPTER)
            .rule(ProviderError.MEMORY_LIMIT_PERCENT_INVALID, Rule.range(0, 100))
            .describe("embedded member: its destinations refuse new messages while more than this share of its "
                    + "heap is in use after a garbage collection (0 = never)");

    public static final Setting<String> BACKLOG_POLICY = Setting.text("backlogPolicy", "BLOCK")
            .in(JAVA, RESOURCE_ADAPTER).rule(ProviderError.BACKLOG_POLICY_INVALID, Rule.oneOf(List.of("BLOCK", "FAIL")))
            .describe("a send to a destination without room (a limit above, or its member low on memory): BLOCK "
                    + "waits up to backlogBlockMillis, FAIL fails at once; both end in ResourceAllocationException "
                    + "naming the destination and the limit, and nothing of the send is stored");

    public static final Setting<Long> BACKLOG_BLOCK_MILLIS = Setting.longValue("backlogBlockMillis", 30_000L)
            .in(JAVA, RESOURCE_ADAPTER).rule(ProviderError.BACKLOG_BLOCK_MILLIS_INVALID, Rule.notNegative())
            .describe("how long backlogPolicy BLOCK waits for room, ms");

    public static final Setting<Integer> PREFETCH = Setting.integer("prefetch", 16).in(JAVA, RESOURCE_ADAPTER)
            .defaultIn(RESOURCE_ADAPTER, 1).defaultText("16 (RA: 1)")
            .rule(ProviderError.PREFETCH_INVALID, Rule.range(1, 1_000))
            .describe("messages a consumer claims per store call; those not yet delivered wait in the consumer and "
                    + "go back uncounted on close, recover and rollback (1: competing consumers, MDB sessions and "
                    + "later higher-priority messages get their turn soonest)");

    public static final Setting<Boolean> ASYNC_NON_PERSISTENT_SENDS = Setting.bool("asyncNonPersistentSends", true)
            .in(JAVA, RESOURCE_ADAPTER)
            .describe("a NON_PERSISTENT send without a CompletionListener, outside a transaction, returns before the "
                    + "message is stored (at most once; failures go to the ExceptionListener as "
                    + ProviderError.NON_PERSISTENT_LOST.id() + ", "
                    + "logged for pooled connections); false: every send returns once stored");

    public static final Setting<Boolean> JMX = Setting.bool("jmx", true)
            .in(JAVA, RESOURCE_ADAPTER)
            .describe("register MBeans for the broker and each destination (io.hazeljms:type=Broker or Destination,"
                    + "cluster=...) in the platform MBean server of every JVM running the provider; false: none");

    public static final Setting<String> OBJECT_MESSAGE_ALLOW_LIST = Setting.text("objectMessageAllowList", "")
            .in(JAVA, RESOURCE_ADAPTER)
            .describe("comma-separated packages (com.acme.) and classes ObjectMessage may deserialize, beyond "
                    + "java.* value types; * allows all");

    // --- a client ID: of a connection factory's connections, or of an MDB's -----------------------------------

    public static final Setting<String> CLIENT_ID = Setting.text("clientId", "").in(CONNECTION_FACTORY, ACTIVATION_SPEC)
            .describe("client ID: of a connection factory's pooled connections (must be unique, rarely wanted), or "
                    + "of an MDB's connection (required for an unshared durable subscription)");

    private static final List<Setting<?>> ALL = collect();

    /** Every setting, in declaration order. */
    public static List<Setting<?>> all() {
        return ALL;
    }

    /** The settings that may be given in {@code scope}, in declaration order. */
    public static List<Setting<?>> in(Scope scope) {
        return ALL.stream().filter(s -> s.in(scope)).toList();
    }

    /** The setting of this name or deprecated alias. */
    public static Optional<Setting<?>> named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name) || s.deprecatedAliases().contains(name)).findFirst();
    }

    private static String selectorViolation(String selector) {
        try {
            MessageSelectors.validate(selector);
            return null;
        } catch (InvalidSelectorException e) {
            return "is not a valid selector (" + e.getMessage() + ")";
        }
    }

    private static List<Setting<?>> collect() {
        List<Setting<?>> list = new ArrayList<>();
        for (Field field : Settings.class.getDeclaredFields()) {
            if (field.getType() == Setting.class && Modifier.isStatic(field.getModifiers())) {
                try {
                    list.add((Setting<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(list);
    }
}
