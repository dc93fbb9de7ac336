package io.hazeljms.store.policy;

import io.hazeljms.store.StoreError;

/**
 * How many send ids a destination remembers to drop a send made again ({@code idCacheSize}, per destination, as
 * Artemis' {@code id-cache-size} per address): the application's duplicate id when the message carries one, else
 * the message id, which the store's own retry of a send whose outcome was in doubt carries. A count, not a time:
 * it is the same on the primary and its backups without a clock, and its memory is bounded (about 21 bytes an id).
 * 0: remember none (a send made again is then dropped only while the destination still holds the message).
 */
public record DuplicatePolicy(int idCacheSize) {

    /** Artemis' default: what its users size their retries against. */
    public static final int DEFAULT_ID_CACHE_SIZE = 20_000;
    public static final DuplicatePolicy DEFAULT = new DuplicatePolicy(DEFAULT_ID_CACHE_SIZE);

    public DuplicatePolicy {
        if (idCacheSize < 0) {
            throw new IllegalArgumentException(StoreError.DUPLICATE_ID_CACHE_NEGATIVE.text(idCacheSize));
        }
    }
}
