package io.hazeljms.jms.client;

import jakarta.jms.BytesMessage;
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
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import java.io.Serializable;

import static io.hazeljms.jms.client.RuntimeExceptions.call;
import static io.hazeljms.jms.client.RuntimeExceptions.run;

/**
 * The simplified API's context: one {@link HazelcastConnection} (possibly shared with the contexts created
 * from this one by {@link #createContext(int)}) and one {@link HazelcastSession}. Every method delegates to
 * the classic API and turns its checked exceptions into the runtime ones ({@link RuntimeExceptions}).
 *
 * <p>The session is created on first use, not with the context: creating a session fixes the connection's
 * client ID, and the spec lets the application call {@link #setClientID} right after creating the context.
 *
 * <p>Like the session it wraps, a context is for one thread at a time (spec 6.2.5).
 */
public class HazelcastJMSContext implements JMSContext {

    private final SharedConnection shared;
    private final HazelcastConnection connection;
    private final int sessionMode;
    private HazelcastSession session;
    /** The one anonymous producer every JMSProducer of this context sends through. */
    private HazelcastMessageProducer producer;
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

    private HazelcastJMSContext(SharedConnection shared, int sessionMode) {
        this.shared = shared;
        this.connection = shared.connection;
        this.sessionMode = sessionMode;
    }

    /** @throws JMSRuntimeException unless {@code mode} is one of the four JMSContext session modes */
    public static int validSessionMode(int mode) {
        if (mode != SESSION_TRANSACTED && mode != AUTO_ACKNOWLEDGE && mode != CLIENT_ACKNOWLEDGE
                && mode != DUPS_OK_ACKNOWLEDGE) {
            throw new JMSRuntimeException("HJMS-CONTEXT-001 invalid session mode " + mode + ": use AUTO_ACKNOWLEDGE "
                    + "(1), CLIENT_ACKNOWLEDGE (2), DUPS_OK_ACKNOWLEDGE (3) or SESSION_TRANSACTED (0)");
        }
        return mode;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateRuntimeException("HJMS-CONTEXT-002 the JMSContext is closed");
        }
    }

    /** The session, created on first use. */
    synchronized HazelcastSession session() {
        checkOpen();
        if (session == null) {
            session = (HazelcastSession) call(() -> connection.createSession(sessionMode));
        }
        return session;
    }

    /** The anonymous classic producer the JMSProducers of this context send with, created on first send. */
    synchronized HazelcastMessageProducer producer() {
        HazelcastSession current = session();
        if (producer == null) {
            producer = (HazelcastMessageProducer) call(() -> current.createProducer(null));
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
        // a second user of the connection counts as use: the client ID can no longer change (spec 6.1.2)
        connection.fixClientId();
        return new HazelcastJMSContext(shared, mode);
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
        HazelcastSession toClose;
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
        HazelcastSession s = session();
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
        HazelcastSession s = session();
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
    }

    /** CLIENT_ACKNOWLEDGE: acknowledges every message this context consumed; does nothing in the other modes. */
    @Override
    public void acknowledge() {
        run(session()::acknowledgeAll);
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
        HazelcastSession s = session();
        return started(call(() -> s.createConsumer(destination, messageSelector, noLocal)));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        HazelcastSession s = session();
        return started(call(() -> s.createDurableConsumer(topic, name)));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        HazelcastSession s = session();
        return started(call(() -> s.createDurableConsumer(topic, name, messageSelector, noLocal)));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        HazelcastSession s = session();
        return started(call(() -> s.createSharedDurableConsumer(topic, name)));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        HazelcastSession s = session();
        return started(call(() -> s.createSharedDurableConsumer(topic, name, messageSelector)));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        HazelcastSession s = session();
        return started(call(() -> s.createSharedConsumer(topic, sharedSubscriptionName)));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        HazelcastSession s = session();
        return started(call(() -> s.createSharedConsumer(topic, sharedSubscriptionName, messageSelector)));
    }

    /** Wraps a new consumer and, with autoStart, starts the connection (spec: "when a consumer is created"). */
    private JMSConsumer started(MessageConsumer consumer) {
        if (autoStart) {
            run(connection::start);
        }
        return new HazelcastJMSConsumer((HazelcastMessageConsumer) consumer);
    }

    @Override
    public void unsubscribe(String name) {
        HazelcastSession s = session();
        run(() -> s.unsubscribe(name));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        HazelcastSession s = session();
        return call(() -> s.createBrowser(queue, messageSelector));
    }

    // --- destinations ----------------------------------------------------------------------------------------

    @Override
    public Queue createQueue(String queueName) {
        HazelcastSession s = session();
        return call(() -> s.createQueue(queueName));
    }

    @Override
    public Topic createTopic(String topicName) {
        HazelcastSession s = session();
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
        return "HazelcastJMSContext{mode=" + sessionMode + (closed ? ", closed" : "") + "}";
    }

    /** A connection and the number of open contexts using it; the last one to let go closes it. */
    private static final class SharedConnection {

        private final HazelcastConnection connection;
        private int users = 1;

        SharedConnection(HazelcastConnection connection) {
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
