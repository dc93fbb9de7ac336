package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.message.MessageImpl;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TransactionInProgressException;

/**
 * The session a Jakarta EE component asked for (Jakarta Messaging 12.3), emulated on one of the provider's XA
 * sessions, for a resource adapter that pools those. Inside a global transaction the work joins the transaction
 * and the requested mode is ignored. Outside one the request is honoured: AUTO/DUPS_OK (each receive is
 * acknowledged at once by a local commit), CLIENT (acknowledge commits locally) or a local transaction.
 *
 * <p>The XA session is asked for on every call, not kept: a container may move the application's handle to
 * another pooled connection, and a closed handle refuses by throwing from {@link PhysicalSession#get()}.
 */
public final class AcknowledgeModeEmulation implements AcknowledgeSupport {

    /** The XA session behind the application's handle right now. */
    @FunctionalInterface
    public interface PhysicalSession {
        /** @throws IllegalStateException if the handle is closed */
        HazelcastXASession get() throws JMSException;
    }

    private enum LocalMode { AUTO, CLIENT, TRANSACTED }

    private final PhysicalSession physical;
    private final LocalMode localMode;
    private final int requestedMode;

    /** The arguments the application gave {@code createSession}. */
    public AcknowledgeModeEmulation(PhysicalSession physical, boolean transacted, int acknowledgeMode) {
        this.physical = physical;
        this.requestedMode = acknowledgeMode;
        this.localMode = transacted || acknowledgeMode == Session.SESSION_TRANSACTED ? LocalMode.TRANSACTED
                : acknowledgeMode == Session.CLIENT_ACKNOWLEDGE ? LocalMode.CLIENT : LocalMode.AUTO;
    }

    private static boolean inGlobalTransaction(HazelcastXASession session) {
        return session.xaResource().isInTransaction();
    }

    /** Transacted globally or locally: then sends wait for the transaction and go through the XA session. */
    public boolean isTransacted() throws JMSException {
        HazelcastXASession session = physical.get();
        return inGlobalTransaction(session) || localMode == LocalMode.TRANSACTED;
    }

    /** {@code Session.getAcknowledgeMode()}: SESSION_TRANSACTED inside any transaction, else the mode asked for. */
    public int acknowledgeMode() throws JMSException {
        if (isTransacted()) {
            return Session.SESSION_TRANSACTED;
        }
        return localMode == LocalMode.CLIENT ? Session.CLIENT_ACKNOWLEDGE
                : requestedMode == Session.DUPS_OK_ACKNOWLEDGE ? Session.DUPS_OK_ACKNOWLEDGE
                : Session.AUTO_ACKNOWLEDGE;
    }

    /** Completes a receive per the mode in force (see the class comment); returns {@code message}. */
    public Message received(Message message) throws JMSException {
        if (message == null) {
            return null;
        }
        HazelcastXASession session = physical.get();
        if (inGlobalTransaction(session)) {
            return message;
        }
        switch (localMode) {
            case AUTO -> session.commitLocal();
            case CLIENT -> ((MessageImpl) message).setAcknowledger(() -> physical.get().commitLocal());
            case TRANSACTED -> { } // commit() acknowledges
        }
        return message;
    }

    /**
     * Completes a receive made for {@code receiveBody}. The XA session hands over a body of any type, as a
     * transacted session must; in AUTO/DUPS_OK mode such a message must stay for another delivery instead
     * (spec, receiveBody): it goes back uncounted and comes next, as in the provider's own sessions. Outside a
     * transaction in this mode every earlier receive was committed, so it is the XA session's only delivery.
     *
     * @throws jakarta.jms.MessageFormatException in AUTO/DUPS_OK mode outside a transaction when the body is not a
     *                                {@code bodyType}
     */
    public Message received(Message message, Class<?> bodyType) throws JMSException {
        if (message != null && localMode == LocalMode.AUTO && !message.isBodyAssignableTo(bodyType)) {
            HazelcastXASession session = physical.get();
            if (!inGlobalTransaction(session)) {
                session.returnUnconsumed();
                throw HazelcastSession.wrongBody(bodyType);
            }
        }
        return received(message);
    }

    /** {@code JMSContext.acknowledge()}: client acknowledgement outside a transaction; nothing to do otherwise. */
    @Override
    public void acknowledgeAll() throws JMSException {
        HazelcastXASession session = physical.get();
        if (localMode == LocalMode.CLIENT && !inGlobalTransaction(session)) {
            session.commitLocal();
        }
    }

    public void commit() throws JMSException {
        HazelcastXASession session = physical.get();
        if (inGlobalTransaction(session)) {
            throw new TransactionInProgressException(ProviderError.COMMIT_IN_JTA.text());
        }
        if (localMode != LocalMode.TRANSACTED) {
            throw new IllegalStateException(ProviderError.COMMIT_NOT_TRANSACTED.text());
        }
        session.commitLocal();
    }

    public void rollback() throws JMSException {
        HazelcastXASession session = physical.get();
        if (inGlobalTransaction(session)) {
            throw new TransactionInProgressException(ProviderError.ROLLBACK_IN_JTA.text());
        }
        if (localMode != LocalMode.TRANSACTED) {
            throw new IllegalStateException(ProviderError.ROLLBACK_NOT_TRANSACTED.text());
        }
        session.rollbackLocal();
    }

    public void recover() throws JMSException {
        if (isTransacted()) {
            throw new IllegalStateException(ProviderError.RECOVER_TRANSACTED.text());
        }
        physical.get().rollbackLocal();
    }

    /** The application closes its session: uncommitted or unacknowledged work is redelivered. */
    public void close() throws JMSException {
        HazelcastXASession session = physical.get();
        if (localMode != LocalMode.AUTO && !inGlobalTransaction(session)) {
            session.rollbackLocal();
        }
    }
}
