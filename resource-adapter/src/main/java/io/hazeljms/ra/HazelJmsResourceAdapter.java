package io.hazeljms.ra;

import io.hazeljms.jms.HazelcastConnectionFactory;
import io.hazeljms.jms.config.BacklogPolicy;
import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.ra.inbound.HazelJmsActivation;
import io.hazeljms.ra.inbound.HazelJmsActivationSpec;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import javax.transaction.xa.XAResource;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The resource adapter: owns the HazelJMS provider of this server (an embedded Hazelcast member, or a client),
 * started in {@link #start} and stopped in {@link #stop}, and the message-endpoint activations. Its config
 * properties are declared in {@code ra.xml}; each maps onto {@link ProviderConfig}.
 */
public class HazelJmsResourceAdapter implements ResourceAdapter, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(HazelJmsResourceAdapter.class.getName());

    // --- configuration (defaults as in ra.xml and README) ----------------------------------------------------
    private String mode = "embedded";
    private String clusterName = ProviderConfig.DEFAULT_CLUSTER_NAME;
    private String bindInterface = ProviderConfig.DEFAULT_INTERFACE;
    private Integer port = ProviderConfig.DEFAULT_PORT;
    private String members = "";
    private String clientAddresses = "";
    private Integer backupCount = 1;
    private Integer maxDeliveryAttempts = 10;
    private Long redeliveryDelay = 0L;
    private String deadLetterQueue = "DLQ";
    private String expiryQueue = "";
    private String objectMessageAllowList = "";
    private String hazelcastConfigFile = "";
    private Integer maxQueueMessages = ProviderConfig.DEFAULT_MAX_QUEUE_MESSAGES;
    private Long maxQueueBytes = ProviderConfig.DEFAULT_MAX_QUEUE_BYTES;
    /** Former name of maxQueueMessages: when set, it is used instead (documented alias, unset by default). */
    private Integer maxBacklog;
    private Integer memoryLimitPercent = ProviderConfig.DEFAULT_MEMORY_LIMIT_PERCENT;
    private String backlogPolicy = BacklogPolicy.Mode.BLOCK.name();
    private Long backlogBlockMillis = BacklogPolicy.DEFAULT_BLOCK_MILLIS;
    /**
     * One message per claim by default: an MDB session holds nothing ahead, so every session and every server
     * of the cluster gets the next message as soon as it is free, and a higher-priority message is next.
     */
    private Integer prefetch = 1;
    /**
     * NON_PERSISTENT sends outside a transaction return before the message is stored, as in plain Java: at most
     * once, failures go to the connection's exception listener (logged, as pooled connections have none).
     */
    private Boolean asyncNonPersistentSends = true;

    private transient volatile HazelcastConnectionFactory provider;
    private transient BootstrapContext bootstrap;
    private final transient Map<HazelJmsActivationSpec, HazelJmsActivation> activations = new ConcurrentHashMap<>();

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        this.bootstrap = context;
        try {
            HazelcastConnectionFactory started = new HazelcastConnectionFactory(providerConfig());
            started.node(); // join the cluster now, not on the first request
            provider = started;
            LOG.info(AdapterError.STARTED.text(started.config()));
        } catch (RuntimeException e) {
            throw new ResourceAdapterInternalException(AdapterError.START_FAILED.text(e.getMessage()), e);
        }
    }

    /** The provider configuration these properties describe; each bad value is named by the builder. */
    public ProviderConfig providerConfig() {
        ProviderConfig.Builder b = ProviderConfig.builder()
                .mode(parseMode(mode))
                .clusterName(clusterName)
                .bindInterface(bindInterface)
                .port(port)
                .backupCount(backupCount)
                .maxDeliveryAttempts(maxDeliveryAttempts)
                .redeliveryDelayMillis(redeliveryDelay)
                .deadLetterQueue(deadLetterQueue)
                .expiryQueue(expiryQueue)
                .objectMessageAllowList(objectMessageAllowList)
                .hazelcastConfigFile(hazelcastConfigFile)
                .maxQueueMessages(maxBacklog != null ? maxBacklog : maxQueueMessages)
                .maxQueueBytes(maxQueueBytes)
                .memoryLimitPercent(memoryLimitPercent)
                .backlogPolicy(new BacklogPolicy(parsePolicy(backlogPolicy), backlogBlockMillis))
                .prefetch(prefetch)
                .asyncNonPersistentSends(asyncNonPersistentSends);
        if (!list(members).isEmpty()) {
            b.members(list(members));
        }
        if (!list(clientAddresses).isEmpty()) {
            b.clientAddresses(list(clientAddresses));
        }
        return b.build();
    }

    private static ProviderConfig.Mode parseMode(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
        switch (v) {
            case "embedded": return ProviderConfig.Mode.EMBEDDED;
            case "client": return ProviderConfig.Mode.CLIENT;
            default: throw new IllegalArgumentException(AdapterError.MODE_INVALID.text(value));
        }
    }

    private static BacklogPolicy.Mode parsePolicy(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(java.util.Locale.ROOT);
        try {
            return BacklogPolicy.Mode.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(AdapterError.BACKLOG_POLICY_INVALID.text(value));
        }
    }

    private static List<String> list(String csv) {
        return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public void stop() {
        for (HazelJmsActivationSpec spec : List.copyOf(activations.keySet())) {
            HazelJmsActivation activation = activations.remove(spec);
            if (activation != null) {
                activation.stop();
            }
        }
        HazelcastConnectionFactory current = provider;
        provider = null;
        if (current != null) {
            try {
                current.close(); // the member leaves the cluster gracefully: its partitions migrate first
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, AdapterError.STOP_FAILED.text(), e);
            }
        }
    }

    /** The provider of this server; outbound factories and inbound activations connect through it. */
    public HazelcastConnectionFactory provider() throws ResourceException {
        HazelcastConnectionFactory current = provider;
        if (current == null) {
            throw new ResourceException(AdapterError.NOT_STARTED.text());
        }
        return current;
    }

    BootstrapContext bootstrap() {
        return bootstrap;
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof HazelJmsActivationSpec hazelSpec)) {
            throw new NotSupportedException(AdapterError.UNEXPECTED_ACTIVATION_SPEC.text(spec.getClass().getName()));
        }
        hazelSpec.validate();
        HazelJmsActivation activation = new HazelJmsActivation(this, bootstrap.getWorkManager(), factory, hazelSpec);
        activation.start();
        activations.put(hazelSpec, activation);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        HazelJmsActivation activation = activations.remove(spec);
        if (activation != null) {
            activation.stop();
        }
    }

    /** Prepared branches live in the cluster, so any XA resource of it lists them all. */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) throws ResourceException {
        return new XAResource[] {RecoveryResource.open(provider())};
    }

    // --- bean properties -------------------------------------------------------------------------------------

    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public String getClusterName() { return clusterName; }
    public void setClusterName(String clusterName) { this.clusterName = clusterName; }
    public String getBindInterface() { return bindInterface; }
    public void setBindInterface(String bindInterface) { this.bindInterface = bindInterface; }
    public Integer getPort() { return port; }
    public void setPort(Integer port) { this.port = port; }
    public String getMembers() { return members; }
    public void setMembers(String members) { this.members = members; }
    public String getClientAddresses() { return clientAddresses; }
    public void setClientAddresses(String clientAddresses) { this.clientAddresses = clientAddresses; }
    public Integer getBackupCount() { return backupCount; }
    public void setBackupCount(Integer backupCount) { this.backupCount = backupCount; }
    public Integer getMaxDeliveryAttempts() { return maxDeliveryAttempts; }
    public void setMaxDeliveryAttempts(Integer maxDeliveryAttempts) { this.maxDeliveryAttempts = maxDeliveryAttempts; }
    public Long getRedeliveryDelay() { return redeliveryDelay; }
    public void setRedeliveryDelay(Long redeliveryDelay) { this.redeliveryDelay = redeliveryDelay; }
    public String getDeadLetterQueue() { return deadLetterQueue; }
    public void setDeadLetterQueue(String deadLetterQueue) { this.deadLetterQueue = deadLetterQueue; }
    public String getExpiryQueue() { return expiryQueue; }
    public void setExpiryQueue(String expiryQueue) { this.expiryQueue = expiryQueue; }
    public String getObjectMessageAllowList() { return objectMessageAllowList; }
    public void setObjectMessageAllowList(String list) { this.objectMessageAllowList = list; }
    public String getHazelcastConfigFile() { return hazelcastConfigFile; }
    public void setHazelcastConfigFile(String file) { this.hazelcastConfigFile = file; }
    public Integer getPrefetch() { return prefetch; }
    public void setPrefetch(Integer prefetch) { this.prefetch = prefetch; }
    public Boolean getAsyncNonPersistentSends() { return asyncNonPersistentSends; }
    public void setAsyncNonPersistentSends(Boolean async) { this.asyncNonPersistentSends = async; }
    public Integer getMaxQueueMessages() { return maxQueueMessages; }
    public void setMaxQueueMessages(Integer messages) { this.maxQueueMessages = messages; }
    public Long getMaxQueueBytes() { return maxQueueBytes; }
    public void setMaxQueueBytes(Long bytes) { this.maxQueueBytes = bytes; }
    public Integer getMaxBacklog() { return maxBacklog; }
    public void setMaxBacklog(Integer maxBacklog) { this.maxBacklog = maxBacklog; }
    public Integer getMemoryLimitPercent() { return memoryLimitPercent; }
    public void setMemoryLimitPercent(Integer percent) { this.memoryLimitPercent = percent; }
    public String getBacklogPolicy() { return backlogPolicy; }
    public void setBacklogPolicy(String policy) { this.backlogPolicy = policy; }
    public Long getBacklogBlockMillis() { return backlogBlockMillis; }
    public void setBacklogBlockMillis(Long millis) { this.backlogBlockMillis = millis; }

    // JCA 2.1 §5.3.7: equals/hashCode by identity are required to stay consistent; we keep the default.
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(System.identityHashCode(this));
    }
}
