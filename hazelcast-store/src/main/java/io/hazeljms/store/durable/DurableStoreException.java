package io.hazeljms.store.durable;

/**
 * The durable store's database refused or did not answer a write in time: what the caller asked for is not
 * durable and was not done.
 */
public final class DurableStoreException extends RuntimeException {

    public DurableStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
