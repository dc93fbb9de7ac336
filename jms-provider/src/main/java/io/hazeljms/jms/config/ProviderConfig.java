package io.hazeljms.jms.config;

import com.hazelcast.core.HazelcastInstance;
import io.hazeljms.jms.ProviderError;
import io.hazeljms.store.DestinationSettings;
import io.hazeljms.store.MemoryGuard;
import io.hazeljms.store.StoreConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a connection factory reaches the cluster and the store's default policies. Immutable; build with
 * {@link #builder()}. Defaults: an embedded member in cluster {@code hazeljms} on 127.0.0.1 port 5710+, a
 * TCP/IP member list on loopback, one synchronous backup, 10 delivery attempts, dead-letter queue {@code DLQ},
 * NON_PERSISTENT sends stored in the background ({@link Builder#asyncNonPersistentSends(boolean)}).
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

    public static final String DEFAULT_CLUSTER_NAME = "hazeljms";
    public static final String DEFAULT_INTERFACE = "127.0.0.1";
    public static final int DEFAULT_PORT = 5710;
    /** Most messages a queue or one topic subscription holds; see {@link Builder#maxQueueMessages(int)}. */
    public static final int DEFAULT_MAX_QUEUE_MESSAGES = DestinationSettings.DEFAULT_MAX_MESSAGES;
    /** Most bytes a queue or one topic subscription holds (32 MiB); see {@link Builder#maxQueueBytes(long)}. */
    public static final long DEFAULT_MAX_QUEUE_BYTES = DestinationSettings.DEFAULT_MAX_BYTES;
    /** See {@link Builder#memoryLimitPercent(int)}. */
    public static final int DEFAULT_MEMORY_LIMIT_PERCENT = MemoryGuard.DEFAULT_PERCENT;
    /** Messages a consumer claims per store call; see {@link Builder#prefetch(int)}. */
    public static final int DEFAULT_PREFETCH = 16;
    public static final int MAX_PREFETCH = 1_000;

    private final Mode mode;
    private final String clusterName;
    private final String bindInterface;
    private final int port;
    private final List<String> members;
    private final List<String> clientAddresses;
    private final int backupCount;
    private final String hazelcastConfigFile;
    private final HazelcastInstance instance;
    private final int maxDeliveryAttempts;
    private final long redeliveryDelayMillis;
    private final String deadLetterQueue;
    private final String expiryQueue;
    private final String objectMessageAllowList;
    private final int maxQueueMessages;
    private final long maxQueueBytes;
    private final int memoryLimitPercent;
    private final BacklogPolicy backlogPolicy;
    private final long clientConnectTimeoutMillis;
    private final int prefetch;
    private final boolean asyncNonPersistentSends;

    private ProviderConfig(Builder b) {
        mode = b.mode;
        clusterName = b.clusterName;
        bindInterface = b.bindInterface;
        port = b.port;
        members = b.members.isEmpty() ? defaultMembers(b.bindInterface, b.port) : List.copyOf(b.members);
        clientAddresses = b.clientAddresses.isEmpty()
                ? List.of(b.bindInterface + ":" + b.port) : List.copyOf(b.clientAddresses);
        backupCount = b.backupCount;
        hazelcastConfigFile = b.hazelcastConfigFile;
        instance = b.instance;
        maxDeliveryAttempts = b.maxDeliveryAttempts;
        redeliveryDelayMillis = b.redeliveryDelayMillis;
        deadLetterQueue = b.deadLetterQueue;
        expiryQueue = b.expiryQueue;
        objectMessageAllowList = b.objectMessageAllowList;
        maxQueueMessages = b.maxQueueMessages;
        maxQueueBytes = b.maxQueueBytes;
        memoryLimitPercent = b.memoryLimitPercent;
        backlogPolicy = b.backlogPolicy;
        clientConnectTimeoutMillis = b.clientConnectTimeoutMillis;
        prefetch = b.prefetch;
        asyncNonPersistentSends = b.asyncNonPersistentSends;
    }

    /** Ten ports from the base port on the bind interface: enough for a few servers on one machine. */
    private static List<String> defaultMembers(String host, int port) {
        List<String> list = new ArrayList<>();
        for (int p = port; p < port + 10; p++) {
            list.add(host + ":" + p);
        }
        return List.copyOf(list);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.mode = mode;
        b.clusterName = clusterName;
        b.bindInterface = bindInterface;
        b.port = port;
        b.members = new ArrayList<>(members);
        b.clientAddresses = new ArrayList<>(clientAddresses);
        b.backupCount = backupCount;
        b.hazelcastConfigFile = hazelcastConfigFile;
        b.instance = instance;
        b.maxDeliveryAttempts = maxDeliveryAttempts;
        b.redeliveryDelayMillis = redeliveryDelayMillis;
        b.deadLetterQueue = deadLetterQueue;
        b.expiryQueue = expiryQueue;
        b.objectMessageAllowList = objectMessageAllowList;
        b.maxQueueMessages = maxQueueMessages;
        b.maxQueueBytes = maxQueueBytes;
        b.memoryLimitPercent = memoryLimitPercent;
        b.backlogPolicy = backlogPolicy;
        b.clientConnectTimeoutMillis = clientConnectTimeoutMillis;
        b.prefetch = prefetch;
        b.asyncNonPersistentSends = asyncNonPersistentSends;
        return b;
    }

    /** The store's defaults for auto-created destinations; queue names become store names. */
    public DestinationSettings destinationDefaults() {
        return DestinationSettings.defaults()
                .withMaxDeliveryAttempts(maxDeliveryAttempts)
                .withRedeliveryDelayMillis(redeliveryDelayMillis)
                .withDeadLetterQueue(deadLetterQueue == null ? null : "queue:" + deadLetterQueue)
                .withExpiryQueue(expiryQueue == null ? null : "queue:" + expiryQueue)
                .withMaxMessages(maxQueueMessages)
                .withMaxBytes(maxQueueBytes);
    }

    public Mode mode() { return mode; }
    public String clusterName() { return clusterName; }
    public String bindInterface() { return bindInterface; }
    public int port() { return port; }
    public List<String> members() { return members; }
    public List<String> clientAddresses() { return clientAddresses; }
    public int backupCount() { return backupCount; }
    public String hazelcastConfigFile() { return hazelcastConfigFile; }
    public HazelcastInstance instance() { return instance; }
    public int maxDeliveryAttempts() { return maxDeliveryAttempts; }
    public long redeliveryDelayMillis() { return redeliveryDelayMillis; }
    public String deadLetterQueue() { return deadLetterQueue; }
    public String expiryQueue() { return expiryQueue; }
    public String objectMessageAllowList() { return objectMessageAllowList; }
    public int maxQueueMessages() { return maxQueueMessages; }
    public long maxQueueBytes() { return maxQueueBytes; }
    public int memoryLimitPercent() { return memoryLimitPercent; }
    public BacklogPolicy backlogPolicy() { return backlogPolicy; }
    public long clientConnectTimeoutMillis() { return clientConnectTimeoutMillis; }
    public int prefetch() { return prefetch; }
    public boolean asyncNonPersistentSends() { return asyncNonPersistentSends; }

    @Override
    public String toString() {
        return "ProviderConfig{mode=" + mode + ", clusterName=" + clusterName + ", interface=" + bindInterface
                + ", port=" + port + ", members=" + members + ", backupCount=" + backupCount
                + ", maxQueueMessages=" + maxQueueMessages + ", maxQueueBytes=" + maxQueueBytes
                + ", memoryLimitPercent=" + memoryLimitPercent + ", backlogPolicy=" + backlogPolicy + "}";
    }

    /** Validates each setting as it is given, naming the setting and the accepted range. */
    public static final class Builder {
        private Mode mode = Mode.EMBEDDED;
        private String clusterName = DEFAULT_CLUSTER_NAME;
        private String bindInterface = DEFAULT_INTERFACE;
        private int port = DEFAULT_PORT;
        private List<String> members = new ArrayList<>();
        private List<String> clientAddresses = new ArrayList<>();
        private int backupCount = StoreConfig.DEFAULT_BACKUP_COUNT;
        private String hazelcastConfigFile;
        private HazelcastInstance instance;
        private int maxDeliveryAttempts = DestinationSettings.DEFAULT_MAX_DELIVERY_ATTEMPTS;
        private long redeliveryDelayMillis;
        private String deadLetterQueue = DestinationSettings.DEFAULT_DEAD_LETTER_QUEUE;
        private String expiryQueue;
        private String objectMessageAllowList = "";
        private int maxQueueMessages = DEFAULT_MAX_QUEUE_MESSAGES;
        private long maxQueueBytes = DEFAULT_MAX_QUEUE_BYTES;
        private int memoryLimitPercent = DEFAULT_MEMORY_LIMIT_PERCENT;
        private BacklogPolicy backlogPolicy = BacklogPolicy.defaults();
        private long clientConnectTimeoutMillis = 20_000;
        private int prefetch = DEFAULT_PREFETCH;
        private boolean asyncNonPersistentSends = true;

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
        public Builder asyncNonPersistentSends(boolean async) {
            asyncNonPersistentSends = async;
            return this;
        }

        /**
         * How many messages a consumer claims in one store call (1 = one at a time). Claimed messages wait in
         * the consumer, leased to its session, until the application takes them; closing the consumer, or
         * recover/rollback of its session, returns those never delivered, uncounted. Higher values cost fewer
         * store calls per message; 1 gives competing consumers and later higher-priority messages their turn
         * soonest.
         */
        public Builder prefetch(int messages) {
            if (messages < 1 || messages > MAX_PREFETCH) {
                throw new IllegalArgumentException(ProviderError.PREFETCH_OUT_OF_RANGE.text(MAX_PREFETCH, messages));
            }
            prefetch = messages;
            return this;
        }

        /** Client mode: how long to try to reach the cluster before giving up (and after losing it). */
        public Builder clientConnectTimeoutMillis(long ms) {
            if (ms < 1) {
                throw new IllegalArgumentException(ProviderError.CLIENT_CONNECT_TIMEOUT_NOT_POSITIVE.text(ms));
            }
            clientConnectTimeoutMillis = ms;
            return this;
        }

        /**
         * Most messages (pending and in flight) a queue, or each topic subscription, may hold (default 100,000;
         * 0 = unlimited). A send that would pass it stores nothing and is handled by the {@link BacklogPolicy}.
         * The default of destinations created from this node; one created with other settings keeps them.
         */
        public Builder maxQueueMessages(int messages) {
            if (messages < 0) {
                throw new IllegalArgumentException(ProviderError.MAX_QUEUE_MESSAGES_NEGATIVE.text(messages));
            }
            maxQueueMessages = messages;
            return this;
        }

        /** @deprecated the former name of {@link #maxQueueMessages(int)}, which now applies to queues too */
        @Deprecated
        public Builder maxBacklog(int messages) {
            return maxQueueMessages(messages);
        }

        /**
         * Most bytes a queue, or each topic subscription, may hold: bodies plus an estimate of headers and
         * properties, about 200 bytes more per message (default 32 MiB; 0 = unlimited). Handled like
         * {@link #maxQueueMessages(int)}.
         */
        public Builder maxQueueBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException(ProviderError.MAX_QUEUE_BYTES_NEGATIVE.text(bytes));
            }
            maxQueueBytes = bytes;
            return this;
        }

        /**
         * Embedded member only: it refuses new messages for the destinations it owns while more than this share of
         * its heap is in use after a garbage collection (default 75; 0 = never), so many destinations together
         * cannot exhaust it. Refused sends are handled by the {@link BacklogPolicy}.
         */
        public Builder memoryLimitPercent(int percent) {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException(ProviderError.MEMORY_LIMIT_OUT_OF_RANGE.text(percent));
            }
            memoryLimitPercent = percent;
            return this;
        }

        public Builder backlogPolicy(BacklogPolicy policy) {
            backlogPolicy = java.util.Objects.requireNonNull(policy, "backlogPolicy");
            return this;
        }

        public Builder embedded() { mode = Mode.EMBEDDED; return this; }

        public Builder client(List<String> addresses) {
            mode = Mode.CLIENT;
            clientAddresses = new ArrayList<>(addresses);
            return this;
        }

        public Builder instance(HazelcastInstance hz) {
            mode = Mode.INSTANCE;
            instance = Objects.requireNonNull(hz, "instance");
            return this;
        }

        public Builder mode(Mode m) { mode = Objects.requireNonNull(m, "mode"); return this; }

        public Builder clusterName(String name) {
            clusterName = requireText(name, "clusterName");
            return this;
        }

        public Builder bindInterface(String address) {
            bindInterface = requireText(address, "interface");
            return this;
        }

        public Builder port(int p) {
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException(ProviderError.PORT_OUT_OF_RANGE.text(p));
            }
            port = p;
            return this;
        }

        public Builder members(List<String> list) { members = new ArrayList<>(list); return this; }

        public Builder clientAddresses(List<String> list) { clientAddresses = new ArrayList<>(list); return this; }

        public Builder backupCount(int n) {
            if (n < 0 || n > 6) {
                throw new IllegalArgumentException(ProviderError.BACKUP_COUNT_OUT_OF_RANGE.text(n));
            }
            backupCount = n;
            return this;
        }

        public Builder hazelcastConfigFile(String path) {
            hazelcastConfigFile = path == null || path.isBlank() ? null : path;
            return this;
        }

        public Builder maxDeliveryAttempts(int n) {
            if (n < 1) {
                throw new IllegalArgumentException(ProviderError.DELIVERY_ATTEMPTS_TOO_LOW.text(n));
            }
            maxDeliveryAttempts = n;
            return this;
        }

        public Builder redeliveryDelayMillis(long ms) {
            if (ms < 0) {
                throw new IllegalArgumentException(ProviderError.REDELIVERY_DELAY_NEGATIVE.text(ms));
            }
            redeliveryDelayMillis = ms;
            return this;
        }

        /** Null or blank: messages that run out of attempts are dropped. */
        public Builder deadLetterQueue(String name) {
            deadLetterQueue = name == null || name.isBlank() ? null : name.trim();
            return this;
        }

        /** Null or blank (default): expired messages are dropped. */
        public Builder expiryQueue(String name) {
            expiryQueue = name == null || name.isBlank() ? null : name.trim();
            return this;
        }

        /** Comma-separated packages (ending in '.') and classes ObjectMessage may deserialize, beyond java.*. */
        public Builder objectMessageAllowList(String list) {
            objectMessageAllowList = list == null ? "" : list;
            return this;
        }

        public ProviderConfig build() {
            return new ProviderConfig(this);
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(ProviderError.SETTING_EMPTY.text(name));
            }
            return value.trim();
        }
    }
}
