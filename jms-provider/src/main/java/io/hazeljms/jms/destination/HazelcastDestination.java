package io.hazeljms.jms.destination;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.store.DestinationKey;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;

import java.io.Serializable;
import java.util.Objects;

/**
 * A queue or topic by name. Encoded as {@code queue:NAME} / {@code topic:NAME} (temporary ones as
 * {@code temp-queue:NAME} / {@code temp-topic:NAME}) in stored messages, e.g. for {@code JMSReplyTo}.
 */
public abstract class HazelcastDestination implements Destination, Serializable {

    private static final long serialVersionUID = 1L;

    private String name;

    protected HazelcastDestination(String name) {
        this.name = name;
    }

    /** JavaBean-style no-arg construction for admin objects; {@link #setName} must follow. */
    protected HazelcastDestination() {
    }

    public String getName() {
        return name;
    }

    /** For admin objects (JCA, {@code @JMSDestinationDefinition}); not to be called once in use. */
    public void setName(String name) {
        this.name = name;
    }

    public abstract boolean isQueue();

    public abstract boolean isTemporary();

    protected abstract String prefix();

    public String encode() {
        return prefix() + ":" + name;
    }

    /** The store's key for this destination. */
    public DestinationKey key() {
        return new DestinationKey(kind(), name);
    }

    protected abstract DestinationKey.Kind kind();

    /** Inverse of {@link #encode()}; null for null. */
    public static HazelcastDestination decode(String encoded) {
        if (encoded == null) {
            return null;
        }
        int colon = encoded.indexOf(':');
        String kind = colon < 0 ? "" : encoded.substring(0, colon);
        String name = encoded.substring(colon + 1);
        switch (kind) {
            case HazelcastQueue.PREFIX: return new HazelcastQueue(name);
            case HazelcastTopic.PREFIX: return new HazelcastTopic(name);
            case HazelcastTemporaryQueue.PREFIX: return HazelcastTemporaryQueue.reference(name);
            case HazelcastTemporaryTopic.PREFIX: return HazelcastTemporaryTopic.reference(name);
            default: throw new IllegalArgumentException(ProviderError.DESTINATION_NOT_ENCODED.text(encoded));
        }
    }

    /** Our destination for any {@link Destination}, converting foreign queues and topics by name. */
    public static HazelcastDestination of(Destination destination) throws JMSException {
        if (destination == null) {
            throw new InvalidDestinationException(ProviderError.DESTINATION_NULL.text());
        }
        if (destination instanceof HazelcastDestination d) {
            if (d.getName() == null || d.getName().isEmpty()) {
                throw new InvalidDestinationException(ProviderError.DESTINATION_UNNAMED.text());
            }
            return d;
        }
        if (destination instanceof jakarta.jms.Queue q) {
            return new HazelcastQueue(q.getQueueName());
        }
        if (destination instanceof jakarta.jms.Topic t) {
            return new HazelcastTopic(t.getTopicName());
        }
        throw new InvalidDestinationException(ProviderError.DESTINATION_TYPE_UNSUPPORTED.text(
                destination.getClass().getName()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HazelcastDestination d && d.prefix().equals(prefix()) && Objects.equals(d.name, name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix(), name);
    }

    @Override
    public String toString() {
        return encode();
    }
}
