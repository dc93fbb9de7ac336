package io.hazeljms.ra.outbound;

import io.hazeljms.jms.client.SessionKind;
import io.hazeljms.jms.client.ProviderMetaData;
import io.hazeljms.ra.AdapterError;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import jakarta.resource.ResourceException;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The connection an application gets from the resource adapter's factory. It owns no physical resources:
 * each session it creates is a handle on a pooled managed connection, allocated through the container's
 * connection manager (which enlists it in the current transaction). One session per connection and no
 * client-ID, exception-listener or stop calls in EE components (spec 12.2).
 */
class ConnectionHandle implements QueueConnection, TopicConnection {

    private final HazelJmsConnectionFactory factory;
    /** QUEUE or TOPIC when made by createQueueConnection/createTopicConnection. */
    private final SessionKind kind;
    /** What the application gave to createConnection(user, password); {@link Credentials#NONE} when nothing. */
    private final Credentials credentials;
    private final List<SessionHandle> sessions = new CopyOnWriteArrayList<>();
    private final List<Destination> temporaries = new CopyOnWriteArrayList<>();
    private volatile boolean started;
    private volatile boolean closed;

    ConnectionHandle(HazelJmsConnectionFactory factory, Credentials credentials) {
        this(factory, SessionKind.GENERAL, credentials);
    }

    ConnectionHandle(HazelJmsConnectionFactory factory, SessionKind kind, Credentials credentials) {
        this.factory = factory;
        this.kind = kind;
        this.credentials = credentials;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException(AdapterError.CONNECTION_CLOSED.text());
        }
    }

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted, acknowledgeMode, SessionKind.GENERAL);
    }

    private SessionHandle createSession(boolean transacted, int acknowledgeMode, SessionKind sessionKind)
            throws JMSException {
        checkOpen();
        if (!sessions.isEmpty()) {
            throw new IllegalStateException(AdapterError.ONE_SESSION_PER_CONNECTION.text());
        }
        try {
            SessionHandle session = (SessionHandle) factory.connectionManager()
                    .allocateConnection(factory.managedConnectionFactory(),
                            new SessionRequest(transacted, acknowledgeMode, credentials));
            session.ownedBy(this, sessionKind);
            sessions.add(session);
            return session;
        } catch (ResourceException e) {
            throw asJmsException(e);
        }
    }

    /**
     * A failed allocation as the application expects it: a refused login stays a JMSSecurityException with the
     * provider's message and error code, whatever the container wrapped it in; anything else is a
     * JMSException saying no pooled session could be had.
     */
    static JMSException asJmsException(ResourceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JMSSecurityException refused) {
                return linked(new JMSSecurityException(refused.getMessage(), refused.getErrorCode()), e);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.resource.spi.SecurityException refused) {
                return linked(new JMSSecurityException(refused.getMessage(), refused.getErrorCode()), e);
            }
        }
        return linked(new JMSException(AdapterError.NO_POOLED_SESSION.text(e.getMessage())), e);
    }

    private static JMSException linked(JMSException jms, ResourceException cause) {
        jms.setLinkedException(cause);
        jms.initCause(cause);
        return jms;
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        return createSession(sessionMode == Session.SESSION_TRANSACTED, sessionMode);
    }

    @Override
    public Session createSession() throws JMSException {
        return createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted, acknowledgeMode, SessionKind.QUEUE);
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted, acknowledgeMode, SessionKind.TOPIC);
    }

    void sessionClosed(SessionHandle session) {
        sessions.remove(session);
    }

    void temporaryCreated(Destination destination) {
        temporaries.add(destination);
    }

    // --- start: receive waits for it, like on any connection -------------------------------------------------

    @Override
    public synchronized void start() throws JMSException {
        checkOpen();
        started = true;
        notifyAll();
    }

    boolean isStarted() {
        return started;
    }

    /**
     * Waits until started, at most {@code timeout} ms (0 = forever). Returns the time left for the receive
     * (0 = forever), or -1 when it ran out.
     */
    synchronized long awaitStarted(long timeout) throws JMSException {
        long deadline = timeout <= 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeout;
        try {
            while (!started && !closed) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return -1;
                }
                wait(Math.min(left, 60_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JMSException(AdapterError.START_INTERRUPTED.text());
        }
        if (closed) {
            return -1;
        }
        return deadline == Long.MAX_VALUE ? 0 : Math.max(1, deadline - System.currentTimeMillis());
    }

    // --- not allowed in EE components (spec 12.2) ------------------------------------------------------------

    @Override
    public void stop() throws JMSException {
        throw SessionHandle.notInEe("Connection.stop");
    }

    @Override
    public void setClientID(String clientID) throws JMSException {
        throw SessionHandle.notInEe("Connection.setClientID");
    }

    @Override
    public String getClientID() throws JMSException {
        checkOpen();
        String id = factory.managedConnectionFactory().getClientId();
        return id.isEmpty() ? null : id;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        throw SessionHandle.notInEe("Connection.setExceptionListener");
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        return null;
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        try {
            factory.provider(); // the adapter must be up; no connection (nor login) is needed for the answer
            return new ProviderMetaData();
        } catch (ResourceException e) {
            throw new JMSException(AdapterError.METADATA_UNAVAILABLE.text(e.getMessage()));
        }
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination d, String s, ServerSessionPool p, int m)
            throws JMSException {
        throw SessionHandle.notInEe("createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue q, String s, ServerSessionPool p, int m)
            throws JMSException {
        throw SessionHandle.notInEe("createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic t, String s, ServerSessionPool p, int m)
            throws JMSException {
        throw SessionHandle.notInEe("createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic t, String n, String s, ServerSessionPool p, int m)
            throws JMSException {
        throw SessionHandle.notInEe("createSharedConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic t, String n, String s, ServerSessionPool p, int m)
            throws JMSException {
        kind.checkConnection("createDurableConnectionConsumer");
        throw SessionHandle.notInEe("createDurableConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic t, String n, String s, ServerSessionPool p,
                                                                    int m) throws JMSException {
        throw SessionHandle.notInEe("createSharedDurableConnectionConsumer");
    }

    /** Closes its session (returning the managed connection to the pool) and deletes its temporary destinations. */
    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        for (SessionHandle session : sessions) {
            session.close();
        }
        for (Destination temp : temporaries) {
            try {
                if (temp instanceof TemporaryQueue q) {
                    q.delete();
                } else if (temp instanceof TemporaryTopic t) {
                    t.delete();
                }
            } catch (JMSException e) {
                // still in use by a consumer elsewhere: it goes when the pooled connection closes
            }
        }
        temporaries.clear();
    }
}
