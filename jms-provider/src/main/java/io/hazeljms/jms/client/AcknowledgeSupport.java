package io.hazeljms.jms.client;

import jakarta.jms.JMSException;
import jakarta.jms.Session;

/**
 * Optional SPI for a {@link Session} that is not the provider's own (for example a resource adapter's session
 * handle): lets {@link HazelcastJMSContext#acknowledge()} acknowledge without a message in hand.
 *
 * <p>A session handle that delegates to one of the provider's sessions implements this interface with
 * {@link #of(Session)}: {@code AcknowledgeSupport.of(physicalSession).acknowledgeAll()}. When a foreign session
 * does not implement it, the context remembers the last message its consumers delivered (receive, receiveBody
 * or a listener) and calls {@link jakarta.jms.Message#acknowledge()} on it, which per spec acknowledges every
 * message the session consumed.
 */
@FunctionalInterface
public interface AcknowledgeSupport {

    /**
     * In CLIENT_ACKNOWLEDGE mode, acknowledges every message the session consumed and has not acknowledged yet;
     * does nothing in the other modes.
     *
     * @throws jakarta.jms.IllegalStateException if the session is closed
     */
    void acknowledgeAll() throws JMSException;

    /**
     * The acknowledge support of {@code session}: the session itself when it implements this interface, the
     * provider's own when it is one of the provider's sessions, otherwise null.
     */
    static AcknowledgeSupport of(Session session) {
        if (session instanceof AcknowledgeSupport support) {
            return support;
        }
        if (session instanceof HazelcastSession own) {
            return own::acknowledgeAll;
        }
        return null;
    }
}
