package io.hazeljms.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where the sends of a Hazelcast client that lost its cluster wait until it has reconnected, checked the cluster's
 * durable store and seen it loaded ({@link ClientReconnects}), bounded like a store call: the cluster may have been
 * restarted meanwhile, on another store or not yet loaded. Open on members and while connected (one volatile read
 * per send).
 */
final class RestartGate {

    private volatile CompletableFuture<Void> pending;

    /** Closes the gate; the caller completes what it returns (exceptionally: every send is refused with that). */
    CompletableFuture<Void> close() {
        CompletableFuture<Void> check = new CompletableFuture<>();
        pending = check;
        return check;
    }

    /** Returns at once while open; else waits for the check (bounded) and throws what refused it. */
    void pass() {
        CompletableFuture<Void> check = pending;
        if (check == null) {
            return;
        }
        try {
            check.get(StoreCalls.DEFAULT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new StoreUnavailableException(
                    StoreError.CLUSTER_RESTART_PENDING.text(StoreCalls.DEFAULT_TIMEOUT_MILLIS), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(StoreError.CALL_INTERRUPTED.text("a send"), e);
        }
        synchronized (this) {
            if (pending == check) {
                pending = null; // passed: open again
            }
        }
    }
}
