package io.hazeljms.store;

import java.util.Objects;

/**
 * A destination as the store names it: its kind and name. {@link #encode()} gives the string form
 * ({@code queue:orders}, {@code topic:prices}, {@code temp-queue:...}, {@code temp-topic:...}), which is the
 * destination's map key and what stored messages carry (e.g. a reply-to); {@link #parse} reads it back.
 */
public record DestinationKey(Kind kind, String name) {

    /** The kinds of destination, each with the prefix of its encoded form. */
    public enum Kind {
        QUEUE("queue"), TOPIC("topic"), TEMPORARY_QUEUE("temp-queue"), TEMPORARY_TOPIC("temp-topic");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public DestinationKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static DestinationKey queue(String name) {
        return new DestinationKey(Kind.QUEUE, name);
    }

    public static DestinationKey topic(String name) {
        return new DestinationKey(Kind.TOPIC, name);
    }

    public static DestinationKey temporaryQueue(String name) {
        return new DestinationKey(Kind.TEMPORARY_QUEUE, name);
    }

    public static DestinationKey temporaryTopic(String name) {
        return new DestinationKey(Kind.TEMPORARY_TOPIC, name);
    }

    /** The key {@link #encode()} gave; an IllegalArgumentException for a string that is not one. */
    public static DestinationKey parse(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        int colon = encoded.indexOf(':');
        if (colon > 0) {
            String prefix = encoded.substring(0, colon);
            for (Kind kind : Kind.values()) {
                if (kind.prefix.equals(prefix)) {
                    return new DestinationKey(kind, encoded.substring(colon + 1));
                }
            }
        }
        throw new IllegalArgumentException("Not a destination key (queue:NAME, topic:NAME, temp-queue:NAME or "
                + "temp-topic:NAME): '" + encoded + "'");
    }

    /** The string form: the destination's map key. */
    public String encode() {
        return kind.prefix + ":" + name;
    }

    public boolean isQueue() {
        return kind == Kind.QUEUE || kind == Kind.TEMPORARY_QUEUE;
    }

    public boolean isTopic() {
        return !isQueue();
    }

    public boolean isTemporary() {
        return kind == Kind.TEMPORARY_QUEUE || kind == Kind.TEMPORARY_TOPIC;
    }

    @Override
    public String toString() {
        return encode();
    }
}
