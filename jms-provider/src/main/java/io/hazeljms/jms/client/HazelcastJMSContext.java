package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static io.hazeljms.jms.client.RuntimeExceptions.call;
import static io.hazeljms.jms.client.RuntimeExceptions.run;

/**
 * The simplified API's context: one classic {@link Connection} (possibly shared with the contexts created
 * from this one by {@link #createContext(int)}) and one {@link Session} it creates. Every method delegates to
 * the classic API and turns its checked exceptions into the runtime ones ({@link RuntimeExceptions}).
 *
 * <p>The connection is usually the provider's own {@link HazelcastConnection}, but any {@code Connection} works
 * ({@link #over(Connection, int)}): a resource adapter hands applications connection and session handles that
 * implement only the standard interfaces. The context then uses only the standard API of the connection,
 * session, producer and consumers, plus two optional SPI interfaces their handles may implement for full
 * behaviour: {@link AcknowledgeSupport} on the session (for {@link #acknowledge()}) and
 * {@link ReceiveBodySupport} on the consumers (for {@code receiveBody} of the wrong type in AUTO/DUPS_OK mode).
 * Their javadoc describes the fallbacks when a handle does not implement them.
 *
 * <p>The session is created on first use, not with the context: creating a session fixes the connection's
 * client ID, and the spec lets the application call {@link #setClientID} right after creating the context.
 *
 * <p>Like the session it wraps, a context is for one thread at a time (spec 6.2.5).
 */
public class HazelcastJMSContext implements JMSContext {

    private final SharedConnection shared;
    private final Connection connection;
    private final int sessionMode;
    private Session session;
    /** How {@link #acknowledge()} acknowledges; null when the session has no support: see {@link #lastDelivered}. */
    private AcknowledgeSupport acknowledger;
    /** Without an {@link #acknowledger}, the last message the consumers delivered, to acknowledge through. */
    private final AtomicReference<Message> lastDelivered = new AtomicReference<>();
    /** The one anonymous producer every JMSProducer of this context sends through. */
    private MessageProducer producer;
    private boolean autoStart = true;
    private volatile boolean closed;

    /**
     * A context owning {@code connection}: closing the context (and every context created from it) closes it.
     *
     * @throws JMSRuntimeException if {@code sessionMode} is not a valid session mode
     */
    public HazelcastJMSContext(HazelcastConnection connection, int sessionMode) {
        this(new SharedConnection(connection), validSessionMode(sessionMode));
    }

    /**
     * A context over any classic connection, for example a resource adapter's connection handle; it owns the
     * connection: closing the context (and every context created from it by {@link #createContext(int)})
     * closes it.
     *
     * <p>The context creates its session with {@code connection.createSession(sessionMode)} on first use (or,
     * for a context made by {@link #createContext(int)} on a connection that is not the provider's own, at once,
     * so that a handle refusing a second session refuses {@code createContext} itself). It sends through one
     * anonymous producer of that session with the standard {@code MessageProducer} API only, and skips what
     * needs the provider's connection internals (fixing the client ID when a second context is created: a
     * resource adapter does not allow {@code setClientID} anyway). For {@link #acknowledge()} and
     * {@code JMSConsumer.receiveBody} the session and consumer handles may implement {@link AcknowledgeSupport}
     * and {@link ReceiveBodySupport}.
     *
     * @param connection  the connection, not yet used by anyone else; the provider's own works too
     * @param sessionMode one of the four JMSContext session modes
     * @throws JMSRuntimeException if {@code sessionMode} is not a valid session mode
     */
    public static HazelcastJMSContext over(Connection connection, int sessionMode) {
        if (connection == null) {
            throw new IllegalArgumentException(ProviderError.CONNECTION_NULL.text());
        }
        return new HazelcastJMSContext(new SharedConnection(connection), validSessionMode(sessionMode));
    }

    HazelcastJMSContext(SharedConnection shared, int sessionMode) {
        this.shared = shared;
        this.connection = shared.connection;
        this.sessionMode = sessionMode;
    }

    /** @throws JMSRuntimeException unless {@code mode} is one of the four JMSContext session modes */
    public static int validSessionMode(int mode) {
        if (mode != SESSION_TRANSACTED && mode != AUTO_ACKNOWLEDGE && mode != CLIENT_ACKNOWLEDGE
                && mode != DUPS_OK_ACKNOWLEDGE) {
            throw new JMSRuntimeException(ProviderError.SESSION_MODE_INVALID.text(mode));
        }
        return mode;
    }

    /** Refuses use after close; for subclasses' methods that do not need the session. */
    final void checkOpen() {
        if (closed) {
            throw new IllegalStateRuntimeException(ProviderError.CONTEXT_CLOSED.text());
        }
    }

    /** The session, created on first use. */
    synchronized Session session() {
        checkOpen();
        if (session == null) {
            Session created = call(() -> createSession(connection, sessionMode));
            acknowledger = AcknowledgeSupport.of(created);
            session = created;
        }
        return session;
    }

    /** Creates this context's session on its connection; the XA context creates an XASession instead. */
    Session createSession(Connection on, int mode) throws JMSException {
        return on.createSession(mode);
    }

    /** The anonymous classic producer the JMSProducers of this context send with, created on first send. */
    synchronized MessageProducer producer() {
        Session current = session();
        if (producer == null) {
            producer = call(() -> current.createProducer(null));
        }
        return producer;
    }

    // --- contexts and connection -----------------------------------------------------------------------------

    /** A new context with its own session on this context's connection; the connection is not started. */
    @Override
    public JMSContext createContext(int mode) {
        checkOpen();
        validSessionMode(mode);
        shared.retain();
        if (connection instanceof HazelcastConnection own) {
            // a second user of the connection counts as use: the client ID can no longer change (spec 6.1.2)
            own.fixClientId();
            return new HazelcastJMSContext(shared, mode);
        }
        // a foreign connection (resource adapter handle) may refuse a second session: let createContext say so
        HazelcastJMSContext created = new HazelcastJMSContext(shared, mode);
        try {
            created.session();
        } catch (RuntimeException e) {
            shared.release(); // the connection stays open: this context still uses it
            throw e;
        }
        return created;
    }

    @Override
    public String getClientID() {
        checkOpen();
        return call(connection::getClientID);
    }

    @Override
    public void setClientID(String clientID) {
        checkOpen();
        run(() -> connection.setClientID(clientID));
    }

    @Override
    public ConnectionMetaData getMetaData() {
        checkOpen();
        return call(connection::getMetaData);
    }

    @Override
    public ExceptionListener getExceptionListener() {
        checkOpen();
        return call(connection::getExceptionListener);
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        checkOpen();
        run(() -> connection.setExceptionListener(listener));
    }

    @Override
    public void start() {
        checkOpen();
        run(connection::start);
    }

    /** Stops the shared connection; refused from a MessageListener of this connection. */
    @Override
    public void stop() {
        checkOpen();
        run(connection::stop);
    }

    @Override
    public void setAutoStart(boolean autoStart) {
        checkOpen();
        this.autoStart = autoStart;
    }

    @Override
    public boolean getAutoStart() {
        checkOpen();
        return autoStart;
    }

    /**
     * Closes the session, and the connection if no other context uses it. Refused (IllegalStateRuntimeException)
     * from a MessageListener or CompletionListener of this context; closing again does nothing.
     */
    @Override
    public void close() {
        Session toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            toClose = session;
        }
        JMSException failure = null;
        if (toClose != null) {
            try {
                toClose.close();
            } catch (jakarta.jms.IllegalStateException e) {
                throw RuntimeExceptions.of(e); // called from its own listener: nothing was closed
            } catch (JMSException e) {
                failure = e; // the cluster failed us: still let go of the connection
            }
        }
        synchronized (this) {
            if (closed) {
                return; // a concurrent close got here first and let go of the connection
            }
            closed = true;
        }
        if (shared.release()) {
            try {
                connection.close();
            } catch (JMSException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw RuntimeExceptions.of(failure);
        }
    }

    // --- messages --------------------------------------------------------------------------------------------

    @Override
    public BytesMessage createBytesMessage() {
        return call(session()::createBytesMessage);
    }

    @Override
    public MapMessage createMapMessage() {
        return call(session()::createMapMessage);
    }

    @Override
    public Message createMessage() {
        return call(session()::createMessage);
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return call(session()::createObjectMessage);
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        Session s = session();
        return call(() -> s.createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return call(session()::createStreamMessage);
    }

    @Override
    public TextMessage createTextMessage() {
        return call(session()::createTextMessage);
    }

    @Override
    public TextMessage createTextMessage(String text) {
        Session s = session();
        return call(() -> s.createTextMessage(text));
    }

    // --- session ---------------------------------------------------------------------------------------------

    @Override
    public boolean getTransacted() {
        checkOpen();
        return sessionMode == SESSION_TRANSACTED;
    }

    @Override
    public int getSessionMode() {
        checkOpen();
        return sessionMode;
    }

    @Override
    public void commit() {
        run(session()::commit);
    }

    @Override
    public void rollback() {
        run(session()::rollback);
    }

    @Override
    public void recover() {
        run(session()::recover);
        lastDelivered.set(null); // what was delivered comes again: nothing left to acknowledge
    }

    /**
     * CLIENT_ACKNOWLEDGE: acknowledges every message this context consumed; does nothing in the other modes.
     * Through the session's {@link AcknowledgeSupport} when it has one (the provider's own sessions do),
     * otherwise by acknowledging the last message this context's consumers delivered ({@code Message.acknowledge()}
     * acknowledges every message the session consumed).
     */
    @Override
    public void acknowledge() {
        AcknowledgeSupport support;
        synchronized (this) {
            session(); // refused once closed; otherwise makes the session and so its acknowledger known
            support = acknowledger;
        }
        if (support != null) {
            run(support::acknowledgeAll);
            return;
        }
        if (sessionMode != CLIENT_ACKNOWLEDGE) {
            return;
        }
        Message last = lastDelivered.getAndSet(null);
        if (last != null) {
            try {
                last.acknowledge();
            } catch (JMSException e) {
                lastDelivered.compareAndSet(null, last); // nothing was acknowledged: let a retry try again
                throw RuntimeExceptions.of(e);
            }
        }
    }

    /**
     * What the consumers of this context report each delivered message to: null when the session acknowledges
     * by itself ({@link AcknowledgeSupport}), else the recorder of {@link #lastDelivered}.
     */
    private synchronized Consumer<Message> deliveryTracker() {
        return acknowledger != null || sessionMode != CLIENT_ACKNOWLEDGE ? null : lastDelivered::set;
    }

    // --- producers and consumers -----------------------------------------------------------------------------

    @Override
    public JMSProducer createProducer() {
        checkOpen();
        return new HazelcastJMSProducer(this);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        return createConsumer(destination, null, false);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector) {
        return createConsumer(destination, messageSelector, false);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) {
        Session s = session();
        return started(call(() -> s.createConsumer(destination, messageSelector, noLocal)));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        Session s = session();
        return started(call(() -> s.createDurableConsumer(topic, name)));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        Session s = session();
        return started(call(() -> s.createDurableConsumer(topic, name, messageSelector, noLocal)));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        Session s = session();
        return started(call(() -> s.createSharedDurableConsumer(topic, name)));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        Session s = session();
        return started(call(() -> s.createSharedDurableConsumer(topic, name, messageSelector)));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        Session s = session();
        return started(call(() -> s.createSharedConsumer(topic, sharedSubscriptionName)));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        Session s = session();
        return started(call(() -> s.createSharedConsumer(topic, sharedSubscriptionName, messageSelector)));
    }

    /** Wraps a new consumer and, with autoStart, starts the connection (spec: "when a consumer is created"). */
    private JMSConsumer started(MessageConsumer consumer) {
        if (autoStart) {
            run(connection::start);
        }
        return new HazelcastJMSConsumer(consumer, deliveryTracker());
    }

    @Override
    public void unsubscribe(String name) {
        Session s = session();
        run(() -> s.unsubscribe(name));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        Session s = session();
        return call(() -> s.createBrowser(queue, messageSelector));
    }

    // --- destinations ----------------------------------------------------------------------------------------

    @Override
    public Queue createQueue(String queueName) {
        Session s = session();
        return call(() -> s.createQueue(queueName));
    }

    @Override
    public Topic createTopic(String topicName) {
        Session s = session();
        return call(() -> s.createTopic(topicName));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return call(session()::createTemporaryQueue);
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return call(session()::createTemporaryTopic);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{mode=" + sessionMode + (closed ? ", closed" : "") + "}";
    }

    /** A connection and the number of open contexts using it; the last one to let go closes it. */
    static final class SharedConnection {

        private final Connection connection;
        private int users = 1;

        SharedConnection(Connection connection) {
            this.connection = connection;
        }

        synchronized void retain() {
            users++;
        }

        /** Returns whether the caller was the last user and must close the connection. */
        synchronized boolean release() {
            return --users == 0;
        }
    }
}
