package io.hazeljms.store.policy;

import io.hazeljms.store.StoreError;
import io.hazeljms.store.StoredMessage;

/**
 * When a message has been delivered too often, and where it goes then: the dead-letter queue, or nowhere (dropped)
 * when none is set. A message on the dead-letter queue itself is never dead there, so it cannot loop.
 */
public record DeadLetterPolicy(int maxDeliveryAttempts, String queue) {

    public static final int DEFAULT_MAX_DELIVERY_ATTEMPTS = 10;
    public static final String DEFAULT_QUEUE = "DLQ";
    public static final DeadLetterPolicy DEFAULT = new DeadLetterPolicy(DEFAULT_MAX_DELIVERY_ATTEMPTS, DEFAULT_QUEUE);

    public DeadLetterPolicy {
        if (maxDeliveryAttempts < 1) {
            throw new IllegalArgumentException(StoreError.DELIVERY_ATTEMPTS_TOO_LOW.text(maxDeliveryAttempts));
        }
        queue = Names.blankToNull(queue);
    }

    /** Whether {@code m}, held by {@code destination}, is out of delivery attempts. */
    public boolean isDead(StoredMessage m, String destination) {
        return m.deliveryCount() >= maxDeliveryAttempts && !destination.equals(queue);
    }

    /** Why a dead message moved, as its reason property says. */
    public String reason() {
        return "delivery attempts exceeded (" + maxDeliveryAttempts + ")";
    }
}
