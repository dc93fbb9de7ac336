package io.hazeljms.ra.outbound;

import io.hazeljms.jms.HazelcastConnectionFactory;
import io.hazeljms.jms.client.SessionKind;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
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
        return new ConnectionHandle(this);
    }

    /** Credentials are not checked (see README, limits). */
    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return createConnection();
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return new ConnectionHandle(this, SessionKind.QUEUE);
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return createQueueConnection();
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return new ConnectionHandle(this, SessionKind.TOPIC);
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return createTopicConnection();
    }

    @Override
    public JMSContext createContext() {
        return createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return createContext();
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return createContext(sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return ContextOverHandles.create(new ConnectionHandle(this), sessionMode);
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
