package io.hazeljms.store;

/**
 * A node's durable store is not the one its cluster runs on ({@link StoreError#DURABLE_STORE_NOT_THE_CLUSTERS}):
 * the node did not start, and wrote nothing; or, for a Hazelcast client whose whole cluster restarted, not the one
 * the new cluster runs on ({@link StoreError#CLIENT_STORE_NOT_THE_RESTARTED_CLUSTERS}): it refuses sends.
 */
public final class DurableStoreMismatchException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final StoreError error;

    DurableStoreMismatchException(String message) {
        this(message, StoreError.DURABLE_STORE_NOT_THE_CLUSTERS);
    }

    /** {@code error}: {@link StoreError#CLIENT_STORE_NOT_THE_RESTARTED_CLUSTERS} when a client's cluster restarted on another store. */
    DurableStoreMismatchException(String message, StoreError error) {
        super(message);
        this.error = error;
    }

    /** The error id, for a JMS exception's error code. */
    public String errorCode() {
        return error.id();
    }
}
