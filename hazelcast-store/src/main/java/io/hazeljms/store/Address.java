package io.hazeljms.store;

import java.util.Objects;

/**
 * Where messages are consumed from: a queue (its map key), or one subscription of a topic (the topic's key
 * plus the subscription name). Both live in the destination's map entry, so the same partition serves them.
 */
public record Address(String key, String subscription) {

    public Address {
        Objects.requireNonNull(key, "key");
    }

    public static Address queue(String key) {
        return new Address(key, null);
    }

    public static Address subscription(String topicKey, String subscription) {
        return new Address(topicKey, Objects.requireNonNull(subscription, "subscription"));
    }

    @Override
    public String toString() {
        return subscription == null ? key : key + "#" + subscription;
    }
}
