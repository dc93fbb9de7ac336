package io.hazeljms.jms.message;

import jakarta.jms.JMSException;

/**
 * What {@link jakarta.jms.Message#acknowledge()} does for a received message: the session that delivered it
 * sets one (acknowledging all messages it has consumed, per CLIENT_ACKNOWLEDGE, or nothing in other modes).
 */
@FunctionalInterface
public interface Acknowledger {

    void acknowledge() throws JMSException;
}
