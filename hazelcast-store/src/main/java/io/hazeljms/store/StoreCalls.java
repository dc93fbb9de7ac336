package io.hazeljms.store;

import com.hazelcast.client.HazelcastClientOfflineException;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IndeterminateOperationStateException;
import com.hazelcast.core.OperationTimeoutException;
import com.hazelcast.spi.exception.RetryableException;
import com.hazelcast.spi.exception.TargetDisconnectedException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Every store call, bounded by a time of our own and carried over member departures. Only idempotent calls go
 * through here: an enqueue ignores a message id it holds or took recently ({@link DestinationState#enqueue}),
 * an acknowledgement or release of a lease that is gone changes nothing. So when Hazelcast cannot tell whether a
 * call took effect (the owner died before answering, or before its backup applied it: an
 * {@link IndeterminateOperationStateException}), or the owner is gone or moving, the call is simply made again
 * against the new owner. What still fails after {@link #timeoutMillis} is a {@link StoreUnavailableException}
 * that says the outcome is in doubt — never a silent success, never a wait bounded only by a heartbeat timeout.
 */
public final class StoreCalls {

    /** Bound of one call, retries included. */
    static final long DEFAULT_TIMEOUT_MILLIS = 30_000;
    private static final long FIRST_PAUSE_MILLIS = 20;
    private static final long MAX_PAUSE_MILLIS = 500;

    private final long timeoutMillis;
    private final Topology topology;
    /** Asynchronous retries of every node of this JVM: they only issue calls, never wait for one. */
    private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hazeljms-store-retries");
        t.setDaemon(true);
        return t;
    });

    StoreCalls(long timeoutMillis, Topology topology) {
        this.timeoutMillis = timeoutMillis;
        this.topology = topology;
    }

    /** Makes an idempotent call, again while its failure says the owner was lost or is moving. */
    public <R> R call(Object what, String key, Supplier<? extends CompletionStage<R>> attempt) {
        return call(what, key, 0, attempt);
    }

    /** As {@link #call}, for a blocking call of Hazelcast's map API (one that has no asynchronous form). */
    public <R> R callBlocking(Object what, String key, Supplier<R> attempt) {
        return call(what, key, 0, () -> CompletableFuture.completedFuture(attempt.get()));
    }

    /** As {@link #call}, for a call that may itself wait up to {@code waitMillis} (a parked claim). */
    public <R> R call(Object what, String key, long waitMillis, Supplier<? extends CompletionStage<R>> attempt) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis + waitMillis);
        long pause = FIRST_PAUSE_MILLIS;
        Throwable last = null;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw inDoubt(what, key, last);
            }
            long seen = topology.version();
            try {
                return attempt.get().toCompletableFuture().get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException(StoreError.CALL_INTERRUPTED.text(describe(what, key)), e);
            } catch (TimeoutException e) {
                throw inDoubt(what, key, e);
            } catch (ExecutionException | RuntimeException e) {
                Throwable cause = unwrap(e);
                if (!isTransient(cause)) {
                    throw asRuntime(cause);
                }
                last = cause;
            }
            // the owner was lost or is moving: wait for the cluster to change (bounded), then ask the new owner
            topology.awaitChange(seen, Math.min(pause, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
        }
    }

    /** As {@link #call} without blocking the caller; retries run on a thread of the store's own. */
    public <R> CompletableFuture<R> callAsync(Object what, String key, Supplier<? extends CompletionStage<R>> attempt) {
        CompletableFuture<R> result = new CompletableFuture<>();
        attemptAsync(what, key, attempt, result, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis),
                FIRST_PAUSE_MILLIS);
        return result;
    }

    private <R> void attemptAsync(Object what, String key, Supplier<? extends CompletionStage<R>> attempt,
                                  CompletableFuture<R> result, long deadline, long pause) {
        CompletionStage<R> stage;
        try {
            stage = attempt.get();
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
                return;
            }
            Throwable cause = unwrap(failure);
            long left = deadline - System.nanoTime();
            if (!isTransient(cause)) {
                result.completeExceptionally(cause);
            } else if (left <= 0) {
                result.completeExceptionally(inDoubt(what, key, cause));
            } else {
                RETRIES.schedule(() -> attemptAsync(what, key, attempt, result, deadline,
                        Math.min(MAX_PAUSE_MILLIS, pause * 2)), Math.min(pause, TimeUnit.NANOSECONDS.toMillis(left)),
                        TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Failures after which the same call may be made again: the owner was lost, is moving, or never answered. */
    static boolean isTransient(Throwable t) {
        if (t instanceof HazelcastInstanceNotActiveException) {
            return false; // this node is shutting down: nobody to retry for
        }
        return t instanceof RetryableException // member left, target not a member, partition migrating
                || t instanceof IndeterminateOperationStateException // owner answered, a backup never confirmed
                || t instanceof TargetDisconnectedException
                || t instanceof OperationTimeoutException
                || t instanceof HazelcastClientOfflineException;
    }

    /** @param what a processor or a word for the call: named only when something failed */
    private static String describe(Object what, String key) {
        return (what instanceof String s ? s : what.getClass().getSimpleName()) + " on " + key;
    }

    private StoreUnavailableException inDoubt(Object what, String key, Throwable cause) {
        return new StoreUnavailableException(StoreError.CALL_IN_DOUBT.text(describe(what, key), timeoutMillis,
                cause == null ? "" : " (last failure: " + cause + ")"), cause);
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null
                && !(t instanceof RetryableException)) {
            t = t.getCause();
        }
        return t;
    }

    private static RuntimeException asRuntime(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(StoreError.CALL_FAILED.text(t), t);
    }
}
