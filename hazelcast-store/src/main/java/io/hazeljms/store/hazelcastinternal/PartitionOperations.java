package io.hazeljms.store.hazelcastinternal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.instance.impl.HazelcastInstanceImpl;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.map.impl.MapService;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.executionservice.ExecutionService;
import com.hazelcast.spi.impl.operationservice.InvocationBuilder;
import com.hazelcast.spi.impl.operationservice.Operation;
import io.hazeljms.store.ClaimResult;
import io.hazeljms.store.LeaseOwner;
import io.hazeljms.store.StoredMessage;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The hot path (enqueue, claim) as the store's own partition operations instead of entry processors, for a
 * node that is a cluster member: about half the partition-thread work per call, and a claim that parks on the
 * partition instead of waiting for an entry event. A client cannot send member operations, so it has none and
 * uses the entry processors; both paths work on the same state and wake each other's waiters. Used by
 * {@link MemberOperationsHotPath}.
 */
final class PartitionOperations {

    private final NodeEngine nodeEngine;
    private final SendCombiner combiner = new SendCombiner(this);

    private PartitionOperations(NodeEngine nodeEngine) {
        this.nodeEngine = nodeEngine;
    }

    /** For a member; null for a client (or an instance whose internals are not reachable). */
    static PartitionOperations of(HazelcastInstance hz) {
        NodeEngine engine = nodeEngine(hz);
        return engine == null ? null : new PartitionOperations(engine);
    }

    static NodeEngine nodeEngine(HazelcastInstance hz) {
        try {
            if (hz instanceof HazelcastInstanceProxy proxy) {
                return proxy.getOriginal().node.getNodeEngine();
            }
            if (hz instanceof HazelcastInstanceImpl instance) {
                return instance.node.getNodeEngine();
            }
        } catch (HazelcastInstanceNotActiveException e) {
            return null;
        }
        return null;
    }

    /**
     * Messages added, or null when the destination is missing or a topic (use the entry processor). Overlapping
     * calls for one queue go to the partition together ({@link SendCombiner}).
     */
    CompletableFuture<Integer> enqueue(String key, List<StoredMessage> messages) {
        return combiner.send(key, messages);
    }

    /** As {@link #enqueue}, not combined with other calls; the future completes on a Hazelcast thread. */
    CompletableFuture<Integer> enqueueAsync(String key, List<StoredMessage> messages) {
        EnqueueOperation op = new EnqueueOperation(key, messages);
        Data keyData = nodeEngine.toData(key);
        int partitionId = nodeEngine.getPartitionService().getPartitionId(keyData);
        // the async form may be issued from a partition thread (a combined send chained on a completion)
        return invocation(op.keyData(keyData), partitionId).setAsync().invoke();
    }

    int partitionId(String key) {
        return nodeEngine.getPartitionService().getPartitionId(key);
    }

    /** Whether this member owns the partition now. */
    boolean isOwner(int partitionId) {
        return nodeEngine.getPartitionService().isPartitionOwner(partitionId);
    }

    /** Runs a task on Hazelcast's asynchronous executor (not an I/O or response thread). */
    void executeAsync(Runnable task) {
        nodeEngine.getExecutionService().execute(ExecutionService.ASYNC_EXECUTOR, task);
    }

    /** The queue is gone or forgotten: drop its combining state. */
    void forget(String key) {
        combiner.forget(key);
    }

    /**
     * Acknowledges {@code acks}, then claims up to {@code max} messages of a queue that match {@code selector}
     * (null or blank: every message), parking up to
     * {@code waitMillis} (-1: without limit, 0: not at all) when there is none. Returns an empty result when the
     * wait ends without a message (expired, cancelled, or woken to ask again), null when the destination is
     * missing or a topic (use the entry processor).
     */
    CompletableFuture<ClaimResult> claimAsync(String key, String selector, LeaseOwner owner, int max,
                                              List<String> acks, long waitMillis, String waiterId, long claimId,
                                              boolean again) {
        return invoke(key, new ParkingClaimOperation(key, selector, owner, max, acks, waitMillis, waiterId)
                .claimId(claimId, again));
    }

    /** Ends the parked claim of this waiter, if any, without waiting. */
    void cancelWait(String key, String waiterId) {
        invoke(key, new CancelWaitOperation(key, waiterId));
    }

    private <T> CompletableFuture<T> invoke(String key, DestinationOperation op) {
        Data keyData = nodeEngine.toData(key);
        int partitionId = nodeEngine.getPartitionService().getPartitionId(keyData);
        return invocation(op.keyData(keyData), partitionId).invoke();
    }

    /**
     * An invocation that fails, instead of succeeding, when the owner answered but a backup never confirmed
     * (whatever the instance's configuration says): the store retries such a call, idempotently.
     */
    private InvocationBuilder invocation(Operation op, int partitionId) {
        return nodeEngine.getOperationService().createInvocationBuilder(MapService.SERVICE_NAME, op, partitionId)
                .setFailOnIndeterminateOperationState(true);
    }
}
