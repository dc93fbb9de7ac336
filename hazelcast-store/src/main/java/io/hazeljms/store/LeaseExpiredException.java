package io.hazeljms.store;

/**
 * An acknowledgement (or a commit's) refused because a lease it names timed out ({@code leaseTimeoutMillis}):
 * the message was released for redelivery and nothing was acknowledged.
 */
public final class LeaseExpiredException extends RuntimeException {

    public LeaseExpiredException(String message) {
        super(message);
    }
}
