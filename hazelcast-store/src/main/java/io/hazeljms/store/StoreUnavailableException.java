package io.hazeljms.store;

/**
 * A store call that did not complete within the store's own bound while the cluster lost or moved the owner of
 * its destination: its outcome is in doubt. Callers report it; they never treat it as success.
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
