package io.hazeljms.jms.client;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;

/** Maps failures of the cluster to JMS exceptions that keep the cause. */
final class JmsExceptions {

    private JmsExceptions() {
    }

    static JMSException wrap(String what, RuntimeException e) {
        JMSException jms = new JMSException("HJMS-CLIENT-001 " + what + " failed: " + e);
        jms.setLinkedException(e);
        jms.initCause(e);
        return jms;
    }

    static JMSException interrupted(String what) {
        Thread.currentThread().interrupt();
        return new JMSException("HJMS-CLIENT-002 " + what + " interrupted");
    }

    static IllegalStateException closed(String what) {
        return new IllegalStateException("HJMS-CLIENT-003 the " + what + " is closed");
    }
}
