package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;

/** Maps failures of the cluster to JMS exceptions that keep the cause. */
final class JmsExceptions {

    private JmsExceptions() {
    }

    static JMSException wrap(String what, RuntimeException e) {
        JMSException jms = new JMSException(ProviderError.STORE_CALL_FAILED.text(what, e));
        jms.setLinkedException(e);
        jms.initCause(e);
        return jms;
    }

    static JMSException interrupted(String what) {
        Thread.currentThread().interrupt();
        return new JMSException(ProviderError.INTERRUPTED.text(what));
    }

    static IllegalStateException closed(String what) {
        return new IllegalStateException(ProviderError.CLOSED.text(what));
    }
}
