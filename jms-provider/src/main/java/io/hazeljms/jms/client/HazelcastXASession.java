package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import jakarta.jms.JMSException;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicSession;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XASession;
import jakarta.jms.XATopicSession;

import javax.transaction.xa.XAResource;

/**
 * A session whose transactions are driven by a transaction manager through its {@link XAResource}. Its own
 * commit and rollback are refused (spec: TransactionInProgressException); a resource adapter that uses it
 * outside a global transaction completes local work with {@link #commitLocal()} / {@link #rollbackLocal()}, as
 * {@link AcknowledgeModeEmulation} does for the session mode the application asked for.
 */
public class HazelcastXASession extends HazelcastSession implements XASession, XAQueueSession, XATopicSession {

    private final HazelcastXAResource xaResource;

    HazelcastXASession(HazelcastConnection connection, SessionKind kind) {
        super(connection, Session.SESSION_TRANSACTED, kind);
        this.xaResource = new HazelcastXAResource(this);
    }

    @Override
    public XAResource getXAResource() {
        return xaResource;
    }

    /** The XA resource with its extras (is a branch active?) for resource adapters. */
    public HazelcastXAResource xaResource() {
        return xaResource;
    }

    @Override
    public Session getSession() throws JMSException {
        checkOpen();
        return this;
    }

    /** Of the QUEUE kind when this session came from createXAQueueSession (TOPIC for getTopicSession alike). */
    @Override
    public QueueSession getQueueSession() throws JMSException {
        checkOpen();
        return this;
    }

    @Override
    public TopicSession getTopicSession() throws JMSException {
        checkOpen();
        return this;
    }

    @Override
    public void commit() throws JMSException {
        checkOpen();
        throw new TransactionInProgressException(ProviderError.XA_LOCAL_COMMIT.text("XASession"));
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        throw new TransactionInProgressException(ProviderError.XA_LOCAL_ROLLBACK.text("XASession"));
    }

    /** Commits work done outside any global transaction (local transaction of a resource adapter). */
    public void commitLocal() throws JMSException {
        super.commit();
    }

    /** Rolls back work done outside any global transaction. */
    public void rollbackLocal() throws JMSException {
        super.rollback();
    }
}
