package io.hazeljms.ra;

import io.hazeljms.jms.HazelcastConnectionFactory;
import io.hazeljms.jms.config.ConfigProblem;
import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.jms.config.Scope;
import io.hazeljms.jms.config.SettingChecks;
import io.hazeljms.jms.config.SettingValues;
import io.hazeljms.jms.config.Settings;
import io.hazeljms.ra.inbound.HazelJmsActivation;
import io.hazeljms.ra.inbound.HazelJmsActivationSpec;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import javax.transaction.xa.XAResource;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import static io.hazeljms.jms.config.Settings.*;

/**
 * The resource adapter: owns the HazelJMS provider of this server (an embedded Hazelcast member, or a client),
 * started in {@link #start} and stopped in {@link #stop}, and the message-endpoint activations. Its config
 * properties are the settings of {@link Settings} that the resource adapter may set; {@code ra.xml} lists them.
 */
public class HazelJmsResourceAdapter implements ResourceAdapter, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(HazelJmsResourceAdapter.class.getName());

    /** The config properties given by the container; names, types, defaults and rules are in {@link Settings}. */
    private final SettingValues settings = new SettingValues(Scope.RESOURCE_ADAPTER);

    private transient volatile HazelcastConnectionFactory provider;
    private transient BootstrapContext bootstrap;
    private final transient Map<HazelJmsActivationSpec, HazelJmsActivation> activations = new ConcurrentHashMap<>();

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        this.bootstrap = context;
        try {
            validate();
            HazelcastConnectionFactory started = new HazelcastConnectionFactory(providerConfig());
            started.node(); // join the cluster now, not on the first request
            provider = started;
            LOG.info(AdapterError.STARTED.text(started.config()));
        } catch (InvalidPropertyException e) {
            throw new ResourceAdapterInternalException(e.getMessage(), e); // start() may throw no other kind
        } catch (RuntimeException e) {
            throw new ResourceAdapterInternalException(AdapterError.START_FAILED.text(e.getMessage()), e);
        }
    }

    /** Checks every property at once: one exception names them all (also in its invalid property descriptors). */
    public void validate() throws InvalidPropertyException {
        List<ConfigProblem> problems = SettingChecks.problems(settings);
        if (!problems.isEmpty()) {
            throw InvalidProperties.of(AdapterError.PROPERTIES_INVALID, problems, getClass());
        }
    }

    /** The provider configuration these properties describe; every bad value is named at once. */
    public ProviderConfig providerConfig() {
        ProviderConfig config = ProviderConfig.from(settings);
        String dataSource = config.durableStoreDataSourceName();
        if (dataSource == null) {
            return config;
        }
        try {
            Object found = new InitialContext().lookup(dataSource);
            if (!(found instanceof DataSource source)) {
                throw new IllegalArgumentException(AdapterError.DATA_SOURCE_NOT_FOUND.text(dataSource,
                        found == null ? "nothing" : found.getClass().getName()));
            }
            return config.toBuilder().durableStoreDataSource(source, dataSource).build();
        } catch (NamingException e) {
            throw new IllegalArgumentException(AdapterError.DATA_SOURCE_NOT_FOUND.text(dataSource, e.getMessage()), e);
        }
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

    // --- bean properties: one per setting of Scope.RESOURCE_ADAPTER (ConfigurationCatalogTest checks) -----------

    public String getMode() { return settings.get(MODE); }
    public void setMode(String v) { settings.set(MODE, v); }
    public String getClusterName() { return settings.get(CLUSTER_NAME); }
    public void setClusterName(String v) { settings.set(CLUSTER_NAME, v); }
    public String getBindInterface() { return settings.get(BIND_INTERFACE); }
    public void setBindInterface(String v) { settings.set(BIND_INTERFACE, v); }
    public Integer getPort() { return settings.get(PORT); }
    public void setPort(Integer v) { settings.set(PORT, v); }
    public String getMembers() { return settings.get(MEMBERS); }
    public void setMembers(String v) { settings.set(MEMBERS, v); }
    public String getClientAddresses() { return settings.get(CLIENT_ADDRESSES); }
    public void setClientAddresses(String v) { settings.set(CLIENT_ADDRESSES, v); }
    public Long getClientConnectTimeoutMillis() { return settings.get(CLIENT_CONNECT_TIMEOUT_MILLIS); }
    public void setClientConnectTimeoutMillis(Long v) { settings.set(CLIENT_CONNECT_TIMEOUT_MILLIS, v); }
    public Integer getBackupCount() { return settings.get(BACKUP_COUNT); }
    public void setBackupCount(Integer v) { settings.set(BACKUP_COUNT, v); }
    public String getHazelcastConfigFile() { return settings.get(HAZELCAST_CONFIG_FILE); }
    public void setHazelcastConfigFile(String v) { settings.set(HAZELCAST_CONFIG_FILE, v); }
    public String getMemberOperations() { return settings.get(MEMBER_OPERATIONS); }
    /** Blank (an empty ra.xml value) leaves it unset: the store's JVM default. */
    public void setMemberOperations(String v) { settings.set(MEMBER_OPERATIONS, v == null || v.isBlank() ? null : v); }
    public String getDurableStore() { return settings.get(DURABLE_STORE); }
    /** Blank (an empty ra.xml value) leaves it unset: the JVM default, else embedded. */
    public void setDurableStore(String v) { settings.set(DURABLE_STORE, v == null || v.isBlank() ? null : v); }
    public String getDurableStoreDirectory() { return settings.get(DURABLE_STORE_DIRECTORY); }
    public void setDurableStoreDirectory(String v) { settings.set(DURABLE_STORE_DIRECTORY, v); }
    public String getDurableStoreDataSource() { return settings.get(DURABLE_STORE_DATA_SOURCE); }
    public void setDurableStoreDataSource(String v) { settings.set(DURABLE_STORE_DATA_SOURCE, v); }
    public String getAuthenticator() { return settings.get(AUTHENTICATOR); }
    public void setAuthenticator(String v) { settings.set(AUTHENTICATOR, v); }
    public String getUsers() { return settings.get(USERS); }
    public void setUsers(String v) { settings.set(USERS, v); }
    public String getUsersFile() { return settings.get(USERS_FILE); }
    public void setUsersFile(String v) { settings.set(USERS_FILE, v); }
    public String getJaasConfiguration() { return settings.get(JAAS_CONFIGURATION); }
    public void setJaasConfiguration(String v) { settings.set(JAAS_CONFIGURATION, v); }
    public String getJaasRealm() { return settings.get(JAAS_REALM); }
    public void setJaasRealm(String v) { settings.set(JAAS_REALM, v); }
    public String getDefaultUser() { return settings.get(DEFAULT_USER); }
    public void setDefaultUser(String v) { settings.set(DEFAULT_USER, v); }
    public String getDefaultRoles() { return settings.get(DEFAULT_ROLES); }
    public void setDefaultRoles(String v) { settings.set(DEFAULT_ROLES, v); }
    public String getPermissions() { return settings.get(PERMISSIONS); }
    public void setPermissions(String v) { settings.set(PERMISSIONS, v); }
    public String getPermissionsFile() { return settings.get(PERMISSIONS_FILE); }
    public void setPermissionsFile(String v) { settings.set(PERMISSIONS_FILE, v); }
    public Integer getMaxDeliveryAttempts() { return settings.get(MAX_DELIVERY_ATTEMPTS); }
    public void setMaxDeliveryAttempts(Integer v) { settings.set(MAX_DELIVERY_ATTEMPTS, v); }
    public Long getRedeliveryDelayMillis() { return settings.get(REDELIVERY_DELAY_MILLIS); }
    public void setRedeliveryDelayMillis(Long v) { settings.set(REDELIVERY_DELAY_MILLIS, v); }
    /** @deprecated former name of redeliveryDelayMillis; when given, it wins */
    @Deprecated
    public Long getRedeliveryDelay() { return settings.get(REDELIVERY_DELAY_MILLIS); }
    /** @deprecated former name of redeliveryDelayMillis; when given, it wins */
    @Deprecated
    public void setRedeliveryDelay(Long v) { settings.setViaAlias(REDELIVERY_DELAY_MILLIS, v); }
    public String getDeadLetterQueue() { return settings.get(DEAD_LETTER_QUEUE); }
    public void setDeadLetterQueue(String v) { settings.set(DEAD_LETTER_QUEUE, v); }
    public String getExpiryQueue() { return settings.get(EXPIRY_QUEUE); }
    public void setExpiryQueue(String v) { settings.set(EXPIRY_QUEUE, v); }
    public Integer getMaxQueueMessages() { return settings.get(MAX_QUEUE_MESSAGES); }
    public void setMaxQueueMessages(Integer v) { settings.set(MAX_QUEUE_MESSAGES, v); }
    /** @deprecated former name of maxQueueMessages; when given, it wins */
    @Deprecated
    public Integer getMaxBacklog() { return settings.get(MAX_QUEUE_MESSAGES); }
    /** @deprecated former name of maxQueueMessages; when given, it wins */
    @Deprecated
    public void setMaxBacklog(Integer v) { settings.setViaAlias(MAX_QUEUE_MESSAGES, v); }
    public Long getLeaseTimeoutMillis() { return settings.get(LEASE_TIMEOUT_MILLIS); }
    public void setLeaseTimeoutMillis(Long v) { settings.set(LEASE_TIMEOUT_MILLIS, v); }
    public Integer getDuplicateIdCacheSize() { return settings.get(DUPLICATE_ID_CACHE_SIZE); }
    public void setDuplicateIdCacheSize(Integer v) { settings.set(DUPLICATE_ID_CACHE_SIZE, v); }
    public Long getMaxQueueBytes() { return settings.get(MAX_QUEUE_BYTES); }
    public void setMaxQueueBytes(Long v) { settings.set(MAX_QUEUE_BYTES, v); }
    public Integer getMemoryLimitPercent() { return settings.get(MEMORY_LIMIT_PERCENT); }
    public void setMemoryLimitPercent(Integer v) { settings.set(MEMORY_LIMIT_PERCENT, v); }
    public String getBacklogPolicy() { return settings.get(BACKLOG_POLICY); }
    public void setBacklogPolicy(String v) { settings.set(BACKLOG_POLICY, v); }
    public Long getBacklogBlockMillis() { return settings.get(BACKLOG_BLOCK_MILLIS); }
    public void setBacklogBlockMillis(Long v) { settings.set(BACKLOG_BLOCK_MILLIS, v); }
    public Integer getPrefetch() { return settings.get(PREFETCH); }
    public void setPrefetch(Integer v) { settings.set(PREFETCH, v); }
    public Boolean getAsyncNonPersistentSends() { return settings.get(ASYNC_NON_PERSISTENT_SENDS); }
    public void setAsyncNonPersistentSends(Boolean v) { settings.set(ASYNC_NON_PERSISTENT_SENDS, v); }
    public Boolean getJmx() { return settings.get(JMX); }
    public void setJmx(Boolean v) { settings.set(JMX, v); }
    public String getObjectMessageAllowList() { return settings.get(OBJECT_MESSAGE_ALLOW_LIST); }
    public void setObjectMessageAllowList(String v) { settings.set(OBJECT_MESSAGE_ALLOW_LIST, v); }

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
