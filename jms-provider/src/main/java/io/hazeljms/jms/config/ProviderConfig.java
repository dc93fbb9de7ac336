package io.hazeljms.jms.config;

import com.hazelcast.core.HazelcastInstance;
import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.security.Authenticator;
import io.hazeljms.store.DestinationSettings;
import io.hazeljms.store.MemberOperations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static io.hazeljms.jms.config.Settings.*;

/**
 * How a connection factory reaches the cluster and the store's default policies. Immutable; build with
 * {@link #builder()}, or {@link #from(SettingValues)} for values given to the resource adapter. The settings,
 * their defaults and rules are declared in {@link Settings}; {@link Builder#build()} reports every bad one at
 * once in an {@link InvalidConfigurationException}.
 */
public final class ProviderConfig {

    /** Where the Hazelcast node comes from. */
    public enum Mode {
        /** Start a member of our own in this JVM. */
        EMBEDDED,
        /** Connect as a client to an existing cluster whose members carry the store jar. */
        CLIENT,
        /** Use a {@link HazelcastInstance} the application hands in (member or client). */
        INSTANCE
    }

    private final SettingValues values;
    private final HazelcastInstance instance;
    private final javax.sql.DataSource dataSource;
    private final Authenticator authenticator;

    private ProviderConfig(SettingValues values, HazelcastInstance instance, javax.sql.DataSource dataSource,
                           Authenticator authenticator) {
        this.values = values;
        this.instance = instance;
        this.dataSource = dataSource;
        this.authenticator = authenticator;
    }

    public static Builder builder() {
        return new Builder(new SettingValues(Scope.JAVA));
    }

    /** The configuration these values describe (e.g. the resource adapter's); every bad value is named at once. */
    public static ProviderConfig from(SettingValues values) {
        return new Builder(values.copy()).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(values.copy());
        b.instance = instance;
        b.dataSource = dataSource;
        b.authenticator = authenticator;
        return b;
    }

    /** The store's defaults for auto-created destinations; queue names become store names. */
    public DestinationSettings destinationDefaults() {
        return DestinationPolicy.of(values).applyTo(DestinationSettings.defaults());
    }

    /** The settings as given (and their scope), for what is not a typed accessor here. */
    public SettingValues values() {
        return values.copy();
    }

    public Mode mode() { return Mode.valueOf(values.get(MODE).trim().toUpperCase(Locale.ROOT)); }
    public String clusterName() { return values.get(CLUSTER_NAME).trim(); }
    public String bindInterface() { return values.get(BIND_INTERFACE).trim(); }
    public int port() { return values.get(PORT); }

    /** The TCP/IP member list; by default ten ports from the base port on the bind interface. */
    public List<String> members() {
        List<String> given = list(values.get(MEMBERS));
        if (!given.isEmpty()) {
            return given;
        }
        List<String> list = new ArrayList<>();
        for (int p = port(); p < port() + 10; p++) {
            list.add(bindInterface() + ":" + p);
        }
        return List.copyOf(list);
    }

    public List<String> clientAddresses() {
        List<String> given = list(values.get(CLIENT_ADDRESSES));
        return given.isEmpty() ? List.of(bindInterface() + ":" + port()) : given;
    }

    public int backupCount() { return values.get(BACKUP_COUNT); }
    public String hazelcastConfigFile() { return blankToNull(values.get(HAZELCAST_CONFIG_FILE)); }
    public HazelcastInstance instance() { return instance; }
    public int maxDeliveryAttempts() { return values.get(MAX_DELIVERY_ATTEMPTS); }
    public long redeliveryDelayMillis() { return values.get(REDELIVERY_DELAY_MILLIS); }
    public long leaseTimeoutMillis() { return values.get(LEASE_TIMEOUT_MILLIS); }
    public int duplicateIdCacheSize() { return values.get(DUPLICATE_ID_CACHE_SIZE); }
    public String deadLetterQueue() { return blankToNull(values.get(DEAD_LETTER_QUEUE)); }
    public String expiryQueue() { return blankToNull(values.get(EXPIRY_QUEUE)); }
    public String objectMessageAllowList() { return values.get(OBJECT_MESSAGE_ALLOW_LIST); }
    public int maxQueueMessages() { return values.get(MAX_QUEUE_MESSAGES); }
    public long maxQueueBytes() { return values.get(MAX_QUEUE_BYTES); }
    public int memoryLimitPercent() { return values.get(MEMORY_LIMIT_PERCENT); }
    public long clientConnectTimeoutMillis() { return values.get(CLIENT_CONNECT_TIMEOUT_MILLIS); }
    public int prefetch() { return values.get(PREFETCH); }
    public boolean asyncNonPersistentSends() { return values.get(ASYNC_NON_PERSISTENT_SENDS); }
    public boolean jmx() { return values.get(JMX); }

    public BacklogPolicy backlogPolicy() {
        return new BacklogPolicy(BacklogPolicy.Mode.valueOf(values.get(BACKLOG_POLICY).trim().toUpperCase(Locale.ROOT)),
                values.get(BACKLOG_BLOCK_MILLIS));
    }

    /** embedded, off or a JDBC URL: the setting, else the JVM's default, else embedded. */
    public String durableStore() {
        String value = values.get(DURABLE_STORE);
        if (value == null || value.isBlank()) {
            value = System.getProperty(Settings.DURABLE_STORE_PROPERTY, "embedded");
        }
        return value.trim();
    }

    public java.nio.file.Path durableStoreDirectory() {
        String dir = blankToNull(values.get(DURABLE_STORE_DIRECTORY));
        return dir != null ? java.nio.file.Path.of(dir)
                : java.nio.file.Path.of(System.getProperty("user.home"), ".hazeljms", "store");
    }

    /** A container's data source for the durable store (resource adapter), or null. */
    public javax.sql.DataSource durableStoreDataSource() { return dataSource; }

    /** What the data source was looked up as, for messages. */
    public String durableStoreDataSourceName() { return blankToNull(values.get(DURABLE_STORE_DATA_SOURCE)); }

    /** An authenticator handed in (plain Java), used instead of {@link Settings#AUTHENTICATOR}; or null. */
    public Authenticator authenticator() { return authenticator; }

    /** The member hot path chosen; null when unset, so the store's JVM default applies. */
    public MemberOperations memberOperations() {
        String value = values.get(MEMBER_OPERATIONS);
        return value == null ? null : MemberOperations.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    private static List<String> list(String csv) {
        return csv == null ? List.of()
                : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "ProviderConfig{mode=" + mode() + ", clusterName=" + clusterName() + ", bindInterface="
                + bindInterface() + ", port=" + port() + ", members=" + members() + ", backupCount=" + backupCount()
                + ", maxQueueMessages=" + maxQueueMessages() + ", maxQueueBytes=" + maxQueueBytes()
                + ", memoryLimitPercent=" + memoryLimitPercent() + ", backlogPolicy=" + backlogPolicy()
                + ", memberOperations=" + (memberOperations() == null ? "default" : memberOperations()) + "}";
    }

    /**
     * One method per setting of {@link Scope#JAVA}, named like it (a test checks that); values are checked together
     * by {@link #build()}.
     */
    public static final class Builder {
        private final SettingValues values;
        private HazelcastInstance instance;
        private javax.sql.DataSource dataSource;
        private Authenticator authenticator;

        private Builder(SettingValues values) {
            this.values = values;
        }

        private <T> Builder with(Setting<T> setting, T value) {
            values.set(setting, value);
            return this;
        }

        /**
         * Whether a NON_PERSISTENT send without a CompletionListener, in a session that is not transacted,
         * returns before the message is stored (default {@code true}, like Artemis's
         * {@code blockOnNonDurableSend=false}). Such messages are stored in the background, batched: at most one
         * store call per session is outstanding, and what is sent meanwhile goes with the next call, in send
         * order; a sender 1,000 messages or 1 MiB of bodies ahead of the store waits.
         *
         * <p>The price is the one the spec allows this delivery mode (at most once): a member failure, or a store
         * that fails (a deleted temporary destination, a topic subscription still full when the
         * {@link BacklogPolicy} gives up), loses the message, and the failure goes to the connection's
         * ExceptionListener ({@link ProviderError#NON_PERSISTENT_LOST}), not to the sender. Closing the producer,
         * session or connection, stopping the connection, {@code recover}, and every PERSISTENT or
         * CompletionListener send of the same session first wait until the messages sent before are stored.
         *
         * <p>{@code false}: every send returns only once its message is stored, as PERSISTENT sends do.
         */
        public Builder asyncNonPersistentSends(boolean async) { return with(ASYNC_NON_PERSISTENT_SENDS, async); }

        /** See {@link Settings#JMX}: false registers no MBeans (for example with several factories in tests). */
        public Builder jmx(boolean register) { return with(JMX, register); }

        /** See {@link Settings#PREFETCH}. */
        public Builder prefetch(int messages) { return with(PREFETCH, messages); }

        /** See {@link Settings#CLIENT_CONNECT_TIMEOUT_MILLIS}. */
        public Builder clientConnectTimeoutMillis(long ms) { return with(CLIENT_CONNECT_TIMEOUT_MILLIS, ms); }

        /**
         * Most messages (pending and in flight) a queue, or each topic subscription, may hold (0 = unlimited).
         * A send that would pass it stores nothing and is handled by the {@link BacklogPolicy}. The default of
         * destinations created from this node; one created with other settings keeps them.
         */
        public Builder maxQueueMessages(int messages) { return with(MAX_QUEUE_MESSAGES, messages); }

        /** @deprecated the former name of {@link #maxQueueMessages(int)}, which now applies to queues too */
        @Deprecated
        public Builder maxBacklog(int messages) { return maxQueueMessages(messages); }

        /** See {@link Settings#LEASE_TIMEOUT_MILLIS}: the default of destinations created from this node (0: never). */
        public Builder leaseTimeoutMillis(long ms) { return with(LEASE_TIMEOUT_MILLIS, ms); }

        /** See {@link Settings#DUPLICATE_ID_CACHE_SIZE}: the default of destinations created from this node. */
        public Builder duplicateIdCacheSize(int ids) { return with(DUPLICATE_ID_CACHE_SIZE, ids); }

        /** See {@link Settings#MAX_QUEUE_BYTES}; handled like {@link #maxQueueMessages(int)}. */
        public Builder maxQueueBytes(long bytes) { return with(MAX_QUEUE_BYTES, bytes); }

        /** See {@link Settings#MEMORY_LIMIT_PERCENT}; refused sends are handled by the {@link BacklogPolicy}. */
        public Builder memoryLimitPercent(int percent) { return with(MEMORY_LIMIT_PERCENT, percent); }

        /** Sets {@link Settings#BACKLOG_POLICY} and {@link Settings#BACKLOG_BLOCK_MILLIS} together. */
        public Builder backlogPolicy(BacklogPolicy policy) {
            Objects.requireNonNull(policy, "backlogPolicy");
            with(BACKLOG_POLICY, policy.mode().name());
            return with(BACKLOG_BLOCK_MILLIS, policy.blockMillis());
        }

        public Builder backlogBlockMillis(long ms) { return with(BACKLOG_BLOCK_MILLIS, ms); }

        /** See {@link Settings#MEMBER_OPERATIONS}; null: the store's JVM default. */
        public Builder memberOperations(MemberOperations choice) {
            return with(MEMBER_OPERATIONS, choice == null ? null : choice.name().toLowerCase(Locale.ROOT));
        }

        /** See {@link Settings#DURABLE_STORE}: embedded, off, or a JDBC URL; null: the JVM's default. */
        public Builder durableStore(String choice) { return with(DURABLE_STORE, choice); }

        public Builder durableStoreDirectory(String directory) {
            return with(DURABLE_STORE_DIRECTORY, Objects.requireNonNullElse(directory, ""));
        }

        /**
         * A container's data source for the durable store, used instead of {@link #durableStore}; {@code name} is
         * what it was looked up as (for messages and {@link Settings#DURABLE_STORE_DATA_SOURCE}).
         */
        public Builder durableStoreDataSource(javax.sql.DataSource source, String name) {
            dataSource = source;
            return with(DURABLE_STORE_DATA_SOURCE, Objects.requireNonNullElse(name, ""));
        }

        /** See {@link Settings#AUTHENTICATOR}: none, users, jaas or a class name. */
        public Builder authenticator(String choice) { return with(AUTHENTICATOR, Objects.requireNonNullElse(choice, "none")); }

        /** An authenticator of the application's own, used instead of {@link Settings#AUTHENTICATOR}. */
        public Builder authenticator(Authenticator custom) {
            authenticator = Objects.requireNonNull(custom, "authenticator");
            return this;
        }

        /** See {@link Settings#USERS}: {@code user:passwordHash:role,role} entries separated by ';'. */
        public Builder users(String entries) { return with(USERS, Objects.requireNonNullElse(entries, "")); }

        public Builder usersFile(String path) { return with(USERS_FILE, Objects.requireNonNullElse(path, "")); }

        public Builder jaasConfiguration(String entry) { return with(JAAS_CONFIGURATION, entry); }

        /** See {@link Settings#JAAS_REALM}: Payara's realm behind the JAAS entry, or blank. */
        public Builder jaasRealm(String realm) { return with(JAAS_REALM, Objects.requireNonNullElse(realm, "")); }

        /** See {@link Settings#DEFAULT_USER}; blank: connections without credentials are refused. */
        public Builder defaultUser(String user) { return with(DEFAULT_USER, Objects.requireNonNullElse(user, "")); }

        public Builder defaultRoles(String roles) { return with(DEFAULT_ROLES, Objects.requireNonNullElse(roles, "")); }

        /** See {@link Settings#PERMISSIONS}: {@code permission,permission pattern role,role} grants separated by ';'. */
        public Builder permissions(String grants) { return with(PERMISSIONS, Objects.requireNonNullElse(grants, "")); }

        public Builder permissionsFile(String path) { return with(PERMISSIONS_FILE, Objects.requireNonNullElse(path, "")); }

        public Builder embedded() { return mode(Mode.EMBEDDED); }

        public Builder client(List<String> addresses) {
            mode(Mode.CLIENT);
            return clientAddresses(addresses);
        }

        public Builder instance(HazelcastInstance hz) {
            instance = Objects.requireNonNull(hz, "instance");
            return mode(Mode.INSTANCE);
        }

        public Builder mode(Mode m) { return with(MODE, Objects.requireNonNull(m, "mode").name().toLowerCase(Locale.ROOT)); }

        public Builder clusterName(String name) { return with(CLUSTER_NAME, Objects.requireNonNullElse(name, "")); }

        public Builder bindInterface(String address) { return with(BIND_INTERFACE, Objects.requireNonNullElse(address, "")); }

        public Builder port(int p) { return with(PORT, p); }

        public Builder members(List<String> list) { return with(MEMBERS, String.join(",", list)); }

        public Builder clientAddresses(List<String> list) { return with(CLIENT_ADDRESSES, String.join(",", list)); }

        public Builder backupCount(int n) { return with(BACKUP_COUNT, n); }

        public Builder hazelcastConfigFile(String path) { return with(HAZELCAST_CONFIG_FILE, path); }

        public Builder maxDeliveryAttempts(int n) { return with(MAX_DELIVERY_ATTEMPTS, n); }

        public Builder redeliveryDelayMillis(long ms) { return with(REDELIVERY_DELAY_MILLIS, ms); }

        /** Blank: messages that run out of attempts are dropped. */
        public Builder deadLetterQueue(String name) { return with(DEAD_LETTER_QUEUE, Objects.requireNonNullElse(name, "")); }

        /** Null or blank (default): expired messages are dropped. */
        public Builder expiryQueue(String name) { return with(EXPIRY_QUEUE, name); }

        /** Comma-separated packages (ending in '.') and classes ObjectMessage may deserialize, beyond java.*. */
        public Builder objectMessageAllowList(String list) { return with(OBJECT_MESSAGE_ALLOW_LIST, list); }

        /** Checks every setting and throws one {@link InvalidConfigurationException} naming all bad ones. */
        public ProviderConfig build() {
            List<ConfigProblem> problems = new ArrayList<>(SettingChecks.problems(values));
            if (instance == null && "instance".equalsIgnoreCase(String.valueOf(values.get(MODE)).trim())) {
                problems.add(new ConfigProblem(MODE.name(), ProviderError.INSTANCE_MODE_WITHOUT_INSTANCE.text()));
            }
            if (!problems.isEmpty()) {
                throw new InvalidConfigurationException(problems);
            }
            return new ProviderConfig(values.copy(), instance, dataSource, authenticator);
        }
    }
}
