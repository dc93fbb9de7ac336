package io.hazeljms.jms;

import com.hazelcast.core.HazelcastInstance;
import io.hazeljms.jms.client.HazelcastConnection;
import io.hazeljms.jms.client.HazelcastJMSContext;
import io.hazeljms.jms.client.HazelcastNode;
import io.hazeljms.jms.client.HazelcastXAJMSContext;
import io.hazeljms.jms.client.RuntimeExceptions;
import io.hazeljms.jms.client.SessionKind;
import io.hazeljms.jms.config.DestinationPolicy;
import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.jms.message.DeserializationPolicy;
import io.hazeljms.jms.security.Identity;
import io.hazeljms.jms.security.Security;
import io.hazeljms.store.DurableStoreMismatchException;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.jms.XAConnection;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XAJMSContext;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueConnectionFactory;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicConnectionFactory;

import java.util.Objects;

/**
 * The entry point from plain Java: a connection factory on an embedded member, a Hazelcast client, or an
 * instance the application hands in. The node is started on the first connection and shut down by
 * {@link #close()} (only if this factory started it).
 *
 * <p>It is also the XA connection factory: every connection it makes is an {@link XAConnection} whose
 * {@code createXASession()} gives sessions with an XAResource, and {@link #createXAContext()} gives an
 * {@link XAJMSContext} for a transaction manager to drive.
 *
 * <pre>{@code
 * try (HazelcastConnectionFactory factory = new HazelcastConnectionFactory(ProviderConfig.builder().build());
 *      Connection connection = factory.createConnection()) { ... }
 * }</pre>
 */
public class HazelcastConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory,
        XAConnectionFactory, XAQueueConnectionFactory, XATopicConnectionFactory, AutoCloseable {

    private final ProviderConfig config;
    private final DeserializationPolicy deserialization;
    private final Security security;
    private HazelcastNode node;

    /**
     * @throws io.hazeljms.jms.config.InvalidConfigurationException when the security settings, or the user and
     *         grant files they name, are bad
     */
    public HazelcastConnectionFactory(ProviderConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.deserialization = DeserializationPolicy.parse(config.objectMessageAllowList());
        this.security = Security.of(config);
    }

    /** A factory on an instance the application owns (member or client): left running on {@link #close()}. */
    public HazelcastConnectionFactory(HazelcastInstance instance) {
        this(ProviderConfig.builder().instance(instance).build());
    }

    public ProviderConfig config() {
        return config;
    }

    /**
     * Gives a destination the per-destination settings {@code policy} names, keeping the others it has (or this
     * node's defaults when it does not exist yet, then it is created). Cluster-wide: every node's consumers of
     * the destination see the change.
     *
     * @return what changed, one "setting old → new" each; empty when the destination already had the policy
     */
    public DestinationPolicy.Update applyPolicy(HazelcastDestination destination, DestinationPolicy policy) {
        return policy.applyOn(node().broker(), destination.key());
    }

    /**
     * The cluster's management as the operator of this JVM: figures, browse, purge, move, redrive and delete,
     * without identity checks (JMX uses it; whoever holds the factory object runs in this JVM anyway). A user's
     * management, checked against its grants, is {@code HazelcastConnection.management()}. Starts the node if
     * needed.
     */
    public io.hazeljms.jms.management.BrokerManagement management() {
        return node().management();
    }

    /** The node connections use, started on first need. */
    public synchronized HazelcastNode node() {
        if (node == null) {
            node = HazelcastNode.start(config);
        }
        return node;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return connect(null, null, null);
    }

    /**
     * A connection acting for {@code userName}, once the configured authenticator accepts the password.
     *
     * @throws JMSSecurityException when it does not (or, without a user, when no defaultUser is configured)
     */
    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return connect(null, userName, password);
    }

    /**
     * Checks credentials as {@link #createConnection(String, String)} does, without making a connection (a
     * resource adapter checks an application's credentials when it hands out a connection handle, before any
     * pooled connection is made for them).
     *
     * @return the identity a connection made with them acts as
     * @throws JMSSecurityException when they are refused (or, without a user, when no defaultUser is configured)
     */
    public Identity authenticate(String userName, String password) throws JMSSecurityException {
        return security.login(userName, password);
    }

    /** Creates a connection with a preset client ID (it cannot be changed afterwards). */
    public Connection createConnection(String clientId) throws JMSException {
        return connect(clientId, null, null);
    }

    /** Creates a connection for {@code userName} with a preset client ID (it cannot be changed afterwards). */
    public Connection createConnection(String userName, String password, String clientId) throws JMSException {
        return connect(clientId, userName, password);
    }

    private HazelcastConnection connect(String clientId, String userName, String password) throws JMSException {
        return connect(clientId, userName, password, SessionKind.GENERAL);
    }

    /** {@code kind}: QUEUE or TOPIC for the legacy connections, which refuse the other domain's methods. */
    private HazelcastConnection connect(String clientId, String userName, String password, SessionKind kind)
            throws JMSException {
        Identity identity = security.login(userName, password);
        HazelcastNode current;
        try {
            current = node();
        } catch (DurableStoreMismatchException e) { // the cluster answered: its store is not this factory's
            JMSException jms = new JMSException(e.getMessage(), e.errorCode());
            jms.setLinkedException(e);
            jms.initCause(e);
            throw jms;
        } catch (RuntimeException e) {
            JMSException jms = new JMSException(ProviderError.CLUSTER_UNREACHABLE.text(config, e));
            jms.setLinkedException(e);
            jms.initCause(e);
            throw jms;
        }
        return new HazelcastConnection(current.broker(), deserialization, config.backlogPolicy(), config.prefetch(),
                config.asyncNonPersistentSends(), clientId, kind, security, identity);
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return connect(null, null, null, SessionKind.QUEUE);
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return connect(null, userName, password, SessionKind.QUEUE);
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return connect(null, null, null, SessionKind.TOPIC);
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return connect(null, userName, password, SessionKind.TOPIC);
    }

    @Override
    public JMSContext createContext() {
        return createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return createContext(userName, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    /** @throws jakarta.jms.JMSSecurityRuntimeException when the credentials are refused */
    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        HazelcastJMSContext.validSessionMode(sessionMode);
        try {
            return new HazelcastJMSContext(connect(null, userName, password), sessionMode);
        } catch (JMSException e) {
            throw RuntimeExceptions.of(e);
        }
    }

    /**
     * A context on a new connection of its own. The connection is not started until the first consumer is
     * created (autoStart) or {@link JMSContext#start()} is called.
     *
     * @throws JMSRuntimeException for an invalid session mode or when the cluster cannot be reached
     */
    @Override
    public JMSContext createContext(int sessionMode) {
        return createContext(null, null, sessionMode);
    }

    // --- XA ---------------------------------------------------------------------------------------------------

    /** A connection whose {@code createXASession()} makes XA sessions (it makes ordinary sessions too). */
    @Override
    public XAConnection createXAConnection() throws JMSException {
        return connect(null, null, null);
    }

    /** Authenticated as {@link #createConnection(String, String)}. */
    @Override
    public XAConnection createXAConnection(String userName, String password) throws JMSException {
        return connect(null, userName, password);
    }

    @Override
    public XAQueueConnection createXAQueueConnection() throws JMSException {
        return connect(null, null, null, SessionKind.QUEUE);
    }

    @Override
    public XAQueueConnection createXAQueueConnection(String userName, String password) throws JMSException {
        return connect(null, userName, password, SessionKind.QUEUE);
    }

    @Override
    public XATopicConnection createXATopicConnection() throws JMSException {
        return connect(null, null, null, SessionKind.TOPIC);
    }

    @Override
    public XATopicConnection createXATopicConnection(String userName, String password) throws JMSException {
        return connect(null, userName, password, SessionKind.TOPIC);
    }

    /**
     * An XA context on a new connection of its own: session mode SESSION_TRANSACTED, work driven through its
     * {@code getXAResource()}, commit and rollback refused. Like {@link #createContext(int)}, the connection
     * starts with the first consumer (autoStart) or {@link JMSContext#start()}.
     *
     * @throws JMSRuntimeException when the cluster cannot be reached
     */
    @Override
    public XAJMSContext createXAContext() {
        return createXAContext(null, null);
    }

    /** Authenticated as {@link #createContext(String, String)}. */
    @Override
    public XAJMSContext createXAContext(String userName, String password) {
        try {
            return new HazelcastXAJMSContext(connect(null, userName, password));
        } catch (JMSException e) {
            throw RuntimeExceptions.of(e);
        }
    }

    /** Shuts down the node if this factory started it. Open connections stop working. */
    @Override
    public synchronized void close() {
        if (node != null) {
            node.close();
            node = null;
        }
    }

}
