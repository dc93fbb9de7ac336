package io.hazeljms.store;

/** The answer of the store to a consumer attaching to a subscription. */
public enum SubscribeOutcome {
    CREATED,
    JOINED,
    /** A durable subscription whose selector or noLocal changed was replaced by a new, empty one (spec 6.11.1). */
    REPLACED,
    /** An unshared durable subscription already has its one consumer. */
    IN_USE,
    /** A shared subscription and an unshared one may not have the same name. */
    KIND_MISMATCH,
    /** A shared subscription with active consumers cannot change its selector. */
    FILTER_MISMATCH,
    /** A shared non-durable subscription of that name has active consumers on another topic (spec 8.3). */
    TOPIC_MISMATCH
}
