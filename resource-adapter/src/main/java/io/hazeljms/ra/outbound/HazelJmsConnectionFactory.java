package io.hazeljms.ra.outbound;

import io.hazeljms.jms.HazelcastConnectionFactory;
import io.hazeljms.jms.client.SessionKind;
import io.hazeljms.jms.client.RuntimeExceptions;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;

import javax.naming.Reference;
import java.io.Serializable;

/**
 * The connection factory applications look up or inject. Connections are cheap handles; sessions are pooled
 * managed connections enlisted in the caller's transaction.
 */
public class HazelJmsConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory,
        Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private final HazelJmsManagedConnectionFactory mcf;
    private final ConnectionManager connectionManager;
    private Reference reference;

    HazelJmsConnectionFactory(HazelJmsManagedConnectionFactory mcf, ConnectionManager connectionManager) {
        this.mcf = mcf;
        this.connectionManager = connectionManager;
    }

    HazelJmsManagedConnectionFactory managedConnectionFactory() {
        return mcf;
    }

    ConnectionManager connectionManager() {
        return connectionManager;
    }

    HazelcastConnectionFactory provider() throws ResourceException {
        return mcf.requireAdapter().provider();
    }

    @Override
    public Connection createConnection() throws JMSException {
        return new ConnectionHandle(this, Credentials.NONE);
    }

    /**
     * A connection whose sessions log in as {@code userName} (application sign-on): the credentials are checked
     * now, and each pooled session is one authenticated with them.
     *
     * @throws JMSSecurityException when the adapter's authenticator refuses them
     *         ({@link io.hazeljms.jms.ProviderError#AUTHENTICATION_FAILED})
     */
    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return connectionFor(SessionKind.GENERAL, userName, password);
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return new ConnectionHandle(this, SessionKind.QUEUE, Credentials.NONE);
    }

    /** As {@link #createConnection(String, String)}. */
    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return connectionFor(SessionKind.QUEUE, userName, password);
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return new ConnectionHandle(this, SessionKind.TOPIC, Credentials.NONE);
    }

    /** As {@link #createConnection(String, String)}. */
    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return connectionFor(SessionKind.TOPIC, userName, password);
    }

    @Override
    public JMSContext createContext() {
        return createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    /** As {@link #createConnection(String, String)}; a refusal is a JMSSecurityRuntimeException. */
    @Override
    public JMSContext createContext(String userName, String password) {
        return createContext(userName, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    /** As {@link #createConnection(String, String)}; a refusal is a JMSSecurityRuntimeException. */
    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        try {
            return ContextOverHandles.create(connectionFor(SessionKind.GENERAL, userName, password), sessionMode);
        } catch (JMSException e) {
            throw RuntimeExceptions.of(e);
        }
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return ContextOverHandles.create(new ConnectionHandle(this, Credentials.NONE), sessionMode);
    }

    /** A handle for these credentials, checked at once (the JMS API refuses bad ones when the connection is made). */
    private ConnectionHandle connectionFor(SessionKind kind, String userName, String password) throws JMSException {
        Credentials credentials = Credentials.of(userName, password);
        if (credentials.given()) {
            try {
                provider().authenticate(credentials.userName(), credentials.password());
            } catch (ResourceException e) {
                throw ConnectionHandle.asJmsException(e);
            }
        }
        return new ConnectionHandle(this, kind, credentials);
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
