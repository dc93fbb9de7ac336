package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.destination.HazelcastTopic;
import io.hazeljms.jms.security.Permission;
import io.hazeljms.store.DestinationKey;
import io.hazeljms.store.SubscribeOutcome;
import io.hazeljms.store.UnsubscribeOutcome;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;

import java.util.UUID;

/**
 * Names topic subscriptions in the store. Durable subscriptions (shared or not) share one namespace per client
 * ID, as the spec wants a shared and an unshared durable subscription of the same name to clash; shared
 * non-durable ones have their own; an unshared non-durable one is private to its consumer.
 */
final class Subscriptions {

    private Subscriptions() {
    }

    /** How a consumer attaches: the store name of the subscription and its kind. */
    record Subscription(String name, boolean durable, boolean shared) {
    }

    static Subscription nonDurable() {
        return new Subscription("consumer:" + UUID.randomUUID(), false, false);
    }

    static Subscription shared(String clientId, String name, boolean durable) throws JMSException {
        requireName(name);
        return new Subscription((durable ? "durable:" : "shared:") + nullToEmpty(clientId) + ":" + name, durable, true);
    }

    static Subscription durable(String clientId, String name) throws JMSException {
        requireName(name);
        return new Subscription(durableName(clientId, name), true, false);
    }

    static String durableName(String clientId, String name) {
        return "durable:" + nullToEmpty(clientId) + ":" + name;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void requireName(String name) throws JMSException {
        if (name == null || name.isEmpty()) {
            throw new JMSException(ProviderError.SUBSCRIPTION_NAME_EMPTY.text());
        }
    }

    /** Turns a refused attach into the exception the spec names. */
    static void check(SubscribeOutcome outcome, String name) throws JMSException {
        switch (outcome) {
            case IN_USE:
                throw new IllegalStateException(ProviderError.DURABLE_IN_USE.text(name));
            case KIND_MISMATCH:
                throw new JMSException(ProviderError.SUBSCRIPTION_KIND_MISMATCH.text(name));
            case FILTER_MISMATCH:
                throw new JMSException(ProviderError.SHARED_FILTER_MISMATCH.text(name));
            case TOPIC_MISMATCH:
                throw new JMSException(ProviderError.SHARED_ON_OTHER_TOPIC.text(name));
            default:
                break;
        }
    }

    static void unsubscribe(HazelcastSession session, String name) throws JMSException {
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException(ProviderError.SUBSCRIPTION_NAME_EMPTY.text());
        }
        String storeName = durableName(session.connection().clientIdOrNull(), name);
        UnsubscribeOutcome outcome;
        try {
            DestinationKey topic = session.connection().broker().subscriptions().topicOf(storeName);
            if (topic != null) {
                session.connection().access().require(Permission.DELETE_DURABLE, new HazelcastTopic(topic.name()));
            }
            outcome = session.connection().broker().subscriptions().unsubscribe(storeName);
        } catch (RuntimeException e) {
            throw JmsExceptions.wrap("unsubscribe " + name, e);
        }
        switch (outcome) {
            case NOT_FOUND:
                throw new InvalidDestinationException(ProviderError.DURABLE_NOT_FOUND.text(name));
            case ACTIVE:
                throw new IllegalStateException(ProviderError.UNSUBSCRIBE_ACTIVE.text(name));
            case UNACKNOWLEDGED:
                throw new IllegalStateException(ProviderError.UNSUBSCRIBE_UNACKNOWLEDGED.text(name));
            default:
                break;
        }
    }
}
