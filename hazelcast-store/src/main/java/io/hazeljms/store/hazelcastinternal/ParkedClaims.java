package io.hazeljms.store.hazelcastinternal;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.spi.impl.NodeEngine;
import io.hazeljms.store.DeliverableNotifier;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this member knows of the claims parked on its partitions, per queue: whether one is parked (so a change
 * that adds a deliverable message must wake them), which waiters were cancelled, and a wake generation. One
 * table per partition, touched only by that partition's thread (operations and entry processors alike), so no
 * locks. It lives where claims park, in the member's user context, as its {@link DeliverableNotifier}: entry
 * processors on this member then wake them, whether or not a {@code Broker} runs here.
 *
 * <p>Nothing here is replicated or survives a migration, and need not: a parked claim moves with its partition
 * by Hazelcast's retry and parks anew on the new owner, marking itself there. An absent entry means no claim
 * parked here; a deleted and recreated queue keeps its entry, so its successor's first message wakes them.
 */
final class ParkedClaims implements DeliverableNotifier {

    /** Cancelled waiters remembered per queue: an id may never be asked for (its claim already ended). */
    private static final int MAX_CANCELLED_WAITERS = 1024;
    /** Queues per partition beyond which idle entries (only stale cancellations) are dropped. */
    private static final int MAX_QUEUES_PER_PARTITION = 1024;

    private final NodeEngine nodeEngine;
    private final Map<Data, Parking>[] byPartition;
    /** Generations are unique on this member, so a recreated entry never repeats one a parked claim holds. */
    private final AtomicLong generations = new AtomicLong();

    @SuppressWarnings("unchecked")
    private ParkedClaims(NodeEngine nodeEngine) {
        this.nodeEngine = nodeEngine;
        this.byPartition = new Map[nodeEngine.getPartitionService().getPartitionCount()];
    }

    /** This member's table, installed on first use. */
    static ParkedClaims of(NodeEngine nodeEngine) {
        return (ParkedClaims) nodeEngine.getHazelcastInstance().getUserContext()
                .computeIfAbsent(USER_CONTEXT_KEY, k -> new ParkedClaims(nodeEngine));
    }

    /** A claim parks on the queue until a message it could take arrives. */
    void markParked(int partitionId, Data key) {
        parking(partitionId, key).parked = true;
    }

    /** Whether a change that adds a deliverable message must wake parked claims; clears the mark. */
    boolean takeParked(int partitionId, Data key) {
        Map<Data, Parking> queues = byPartition[partitionId];
        Parking p = queues == null ? null : queues.get(key);
        if (p == null || !p.parked) {
            return false;
        }
        p.parked = false;
        if (p.cancelled.isEmpty()) {
            queues.remove(key);
        }
        return true;
    }

    /** Changes when a waiter of the queue is cancelled; a claim parked under another value wakes and asks again. */
    long wakeGeneration(int partitionId, Data key) {
        Map<Data, Parking> queues = byPartition[partitionId];
        Parking p = queues == null ? null : queues.get(key);
        return p == null ? 0 : p.generation;
    }

    /** The parked claim of {@code waiterId} must end now: every parked claim wakes, that one answers empty. */
    void cancel(int partitionId, Data key, String waiterId) {
        Parking p = parking(partitionId, key);
        p.cancelled.add(waiterId);
        if (p.cancelled.size() > MAX_CANCELLED_WAITERS) {
            Iterator<String> oldest = p.cancelled.iterator();
            oldest.next();
            oldest.remove();
        }
        p.generation = generations.incrementAndGet();
    }

    /** Whether {@code waiterId} was cancelled (and forgets it: a waiter is cancelled once). */
    boolean takeCancelled(int partitionId, Data key, String waiterId) {
        Map<Data, Parking> queues = byPartition[partitionId];
        Parking p = queues == null ? null : queues.get(key);
        return p != null && p.cancelled.remove(waiterId);
    }

    /** From an entry processor, on the queue's partition thread: wake its parked claims right after it. */
    @Override
    public void deliverable(String key) {
        Data keyData = nodeEngine.toData(key);
        int partitionId = nodeEngine.getPartitionService().getPartitionId(keyData);
        // only the primary has parked claims; a backup processor at most clears a stale mark
        if (takeParked(partitionId, keyData) && nodeEngine.getPartitionService().isPartitionOwner(partitionId)) {
            NotifyParkedOperation op = new NotifyParkedOperation();
            op.keyData(keyData).setNodeEngine(nodeEngine).setPartitionId(partitionId);
            nodeEngine.getOperationService().execute(op);
        }
    }

    private Parking parking(int partitionId, Data key) {
        Map<Data, Parking> queues = byPartition[partitionId];
        if (queues == null) {
            queues = byPartition[partitionId] = new HashMap<>();
        }
        Parking p = queues.get(key);
        if (p == null) {
            if (queues.size() >= MAX_QUEUES_PER_PARTITION) {
                queues.values().removeIf(q -> !q.parked);
            }
            p = new Parking();
            queues.put(key, p);
        }
        return p;
    }

    private static final class Parking {
        private boolean parked;
        private long generation;
        private final Set<String> cancelled = new LinkedHashSet<>();
    }
}
