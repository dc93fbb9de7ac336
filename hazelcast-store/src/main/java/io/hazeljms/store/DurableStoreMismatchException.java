package io.hazeljms.store;

/**
 * A node's durable store is not the one its cluster runs on ({@link StoreError#DURABLE_STORE_NOT_THE_CLUSTERS}):
 * the node did not start, and wrote nothing.
 */
public final class DurableStoreMismatchException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    DurableStoreMismatchException(String message) {
        super(message);
    }

    /** The error id, for a JMS exception's error code. */
    public String errorCode() {
        return StoreError.DURABLE_STORE_NOT_THE_CLUSTERS.id();
    }
}
