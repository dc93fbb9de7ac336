package io.hazeljms.jms.client;

import jakarta.jms.JMSException;

/** Topic subscription kinds. */
final class Subscriptions {

    private Subscriptions() {
    }

    record Subscription(String name, boolean durable, boolean shared) {
    }

    static Subscription shared(String name, boolean durable) {
        return new Subscription(name, durable, true);
    }

    static Subscription durable(String clientId, String name) {
        return new Subscription(clientId + "." + name, true, false);
    }

    static void unsubscribe(HazelcastSession session, String name) throws JMSException {
        throw new JMSException("HJMS-TOPIC-000 topics are not implemented yet");
    }
}
