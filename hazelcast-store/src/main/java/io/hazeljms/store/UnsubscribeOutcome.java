package io.hazeljms.store;

/** The answer of the store to deleting a durable subscription. */
public enum UnsubscribeOutcome {
    REMOVED,
    NOT_FOUND,
    /** A consumer is attached: close it first. */
    ACTIVE,
    /** A message of the subscription is delivered but not acknowledged (or in a pending transaction). */
    UNACKNOWLEDGED
}
