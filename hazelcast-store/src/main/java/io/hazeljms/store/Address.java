package io.hazeljms.store;

import java.util.Objects;

/**
 * Where messages are consumed from: a queue, or one subscription of a topic (the topic's key plus the
 * subscription name). Both live in the destination's map entry, so the same partition serves them.
 */
public record Address(DestinationKey destination, String subscription) {

    public Address {
        Objects.requireNonNull(destination, "destination");
    }

    public static Address queue(DestinationKey queue) {
        return new Address(queue, null);
    }

    public static Address subscription(DestinationKey topic, String subscription) {
        return new Address(topic, Objects.requireNonNull(subscription, "subscription"));
    }

    /** The destination's map key (its encoded form). */
    public String key() {
        return destination.encode();
    }

    @Override
    public String toString() {
        return subscription == null ? key() : key() + "#" + subscription;
    }
}
