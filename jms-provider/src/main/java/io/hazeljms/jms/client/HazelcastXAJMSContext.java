package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Session;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.XAConnection;
import jakarta.jms.XAJMSContext;
import jakarta.jms.XASession;

import javax.transaction.xa.XAResource;

import static io.hazeljms.jms.client.RuntimeExceptions.call;

/**
 * A context whose session is an {@link XASession}: a transaction manager drives its work through
 * {@link #getXAResource()}. Its session mode is SESSION_TRANSACTED and {@link #getTransacted()} is true, but
 * {@link #commit()} and {@link #rollback()} are refused with TransactionInProgressRuntimeException (spec,
 * XAJMSContext). Everything else is a {@link HazelcastJMSContext}; {@link #createContext(int)} makes an
 * ordinary (non-XA) context on the same connection.
 *
 * <p>The XA session is created on first use, like a context's session; {@link #getXAResource()} counts as use.
 */
public class HazelcastXAJMSContext extends HazelcastJMSContext implements XAJMSContext {

    /**
     * An XA context owning {@code connection} (the provider's own, or any XAConnection whose
     * {@code createXASession} makes the XA session): closing the context, and every context created from it,
     * closes the connection.
     */
    public HazelcastXAJMSContext(XAConnection connection) {
        super(new SharedConnection(requireConnection(connection)), SESSION_TRANSACTED);
    }

    private static XAConnection requireConnection(XAConnection connection) {
        if (connection == null) {
            throw new IllegalArgumentException(ProviderError.CONNECTION_NULL.text());
        }
        return connection;
    }

    @Override
    Session createSession(Connection on, int mode) throws JMSException {
        return ((XAConnection) on).createXASession();
    }

    /** This context itself: it is the JMSContext to use for messaging. */
    @Override
    public JMSContext getContext() {
        checkOpen();
        return this;
    }

    /** The XAResource of this context's session, to enlist in a transaction; the same one on every call. */
    @Override
    public XAResource getXAResource() {
        Session current = session();
        if (!(current instanceof XASession xa)) {
            throw new JMSRuntimeException(ProviderError.XA_SESSION_EXPECTED.text(current));
        }
        return call(xa::getXAResource);
    }

    /** Always true (spec: an XAJMSContext is transacted; its transaction is the XA one). */
    @Override
    public boolean getTransacted() {
        checkOpen();
        return true;
    }

    /** Refused: the transaction manager commits through the XAResource. */
    @Override
    public void commit() {
        checkOpen();
        throw new TransactionInProgressRuntimeException(ProviderError.XA_LOCAL_COMMIT.text("XAJMSContext"));
    }

    /** Refused: the transaction manager rolls back through the XAResource. */
    @Override
    public void rollback() {
        checkOpen();
        throw new TransactionInProgressRuntimeException(ProviderError.XA_LOCAL_ROLLBACK.text("XAJMSContext"));
    }
}
