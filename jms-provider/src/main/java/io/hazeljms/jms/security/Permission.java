package io.hazeljms.jms.security;

import java.util.Arrays;
import java.util.Optional;

/** What a role may be granted on destinations, named as in the {@code permissions} setting. */
public enum Permission {
    /** Send or publish to the destination. */
    SEND("send"),
    /** Receive from a queue or subscribe to a topic. */
    CONSUME("consume"),
    /** Browse a queue. */
    BROWSE("browse"),
    /** Use a destination that does not exist yet, which creates it. */
    CREATE_DESTINATION("createDestination"),
    /** Delete a destination ({@code HazelcastConnection.deleteDestination}). */
    DELETE_DESTINATION("deleteDestination"),
    /** Create a durable subscription on the topic, or attach to one (its messages outlive the consumer). */
    CREATE_DURABLE("createDurable"),
    /** Delete a durable subscription of the topic ({@code unsubscribe}). */
    DELETE_DURABLE("deleteDurable"),
    /** Change a destination's settings or purge it. */
    MANAGE("manage");

    private final String label;

    Permission(String label) {
        this.label = label;
    }

    /** The name used in grants and messages. */
    public String label() {
        return label;
    }

    static Optional<Permission> named(String label) {
        return Arrays.stream(values()).filter(p -> p.label.equalsIgnoreCase(label.trim())).findFirst();
    }

    static String allLabels() {
        return String.join(", ", Arrays.stream(values()).map(Permission::label).toList());
    }

    @Override
    public String toString() {
        return label;
    }
}
