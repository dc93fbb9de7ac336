package io.hazeljms.store.policy;

import io.hazeljms.store.StoreError;

/**
 * How long a consumer may hold a message it received without acknowledging it (a visibility timeout): after it,
 * the message is released for redelivery as if the consumer had rolled back. 0: never (the lease ends only with
 * its session, connection or node). Leases of transaction-timed owners (XA sessions and prepared branches) never
 * time out here: their transaction manager's timeout ends them.
 */
public record LeasePolicy(long timeoutMillis) {

    /**
     * 30 minutes: longer than the transaction timeouts application servers use (Payara, WildFly and WebLogic
     * default to 0 or 300 s or less), so only a consumer that is stuck loses its messages.
     */
    public static final long DEFAULT_TIMEOUT_MILLIS = 30 * 60_000L;
    public static final LeasePolicy DEFAULT = new LeasePolicy(DEFAULT_TIMEOUT_MILLIS);

    public LeasePolicy {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException(StoreError.LEASE_TIMEOUT_NEGATIVE.text(timeoutMillis));
        }
    }

    /** When a lease taken at {@code now} ends by itself; 0 when never. */
    public long expiresAt(long now) {
        return timeoutMillis > 0 ? now + timeoutMillis : 0;
    }
}
