package io.hazeljms.store.hazelcastinternal;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.spi.impl.NodeEngine;
import io.hazeljms.store.DeliverableNotifier;
import io.hazeljms.store.StoredMessage;
import io.hazeljms.store.selector.Selector;
import io.hazeljms.store.selector.SelectorSyntaxException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this member knows of the claims parked on its partitions, per queue: the selectors of the parked claims
 * (each selector parks on a wait key of its own, the empty one for claims without selector, so a change that
 * adds a deliverable message wakes only the claims that could take it), which waiters were cancelled, and a
 * wake generation. One
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

    /**
     * The claim of {@code waiterId} with {@code selector} ("" for none) parks on the queue until a message it
     * could take arrives.
     */
    void markParked(int partitionId, Data key, String selector, String waiterId) {
        parking(partitionId, key).parked.computeIfAbsent(selector, k -> new HashSet<>()).add(waiterId);
    }

    /**
     * The claim of {@code waiterId} parked with {@code selector} is no longer parked (it runs, or its wait
     * expired): a selector no claim waits with any more is forgotten, so selectors of consumers gone (a reply
     * consumer's {@code JMSCorrelationID = '…'}) are not evaluated against every later message.
     */
    void leftPark(int partitionId, Data key, String selector, String waiterId) {
        Map<Data, Parking> queues = byPartition[partitionId];
        Parking p = queues == null ? null : queues.get(key);
        Set<String> waiters = p == null ? null : p.parked.get(selector);
        if (waiters != null && waiters.remove(waiterId) && waiters.isEmpty()) {
            p.parked.remove(selector);
            if (p.parked.isEmpty() && p.cancelled.isEmpty()) {
                queues.remove(key);
            }
        }
    }

    /** The selectors whose parked claims a change that made any message deliverable must wake; clears them. */
    List<String> takeParked(int partitionId, Data key) {
        return take(partitionId, key, null);
    }

    /**
     * The selectors whose parked claims could take one of {@code messages} (just enqueued): those must wake,
     * and are cleared; claims whose selector matches none of them stay parked, unwoken.
     */
    List<String> takeParked(int partitionId, Data key, List<StoredMessage> messages) {
        return take(partitionId, key, messages);
    }

    private List<String> take(int partitionId, Data key, List<StoredMessage> messages) {
        Map<Data, Parking> queues = byPartition[partitionId];
        Parking p = queues == null ? null : queues.get(key);
        if (p == null || p.parked.isEmpty()) {
            return List.of();
        }
        List<String> woken = new ArrayList<>(Math.min(p.parked.size(), 4));
        for (Iterator<String> it = p.parked.keySet().iterator(); it.hasNext(); ) {
            String selector = it.next();
            if (messages == null || matchesAny(selector, messages)) {
                woken.add(selector);
                it.remove();
            }
        }
        if (p.parked.isEmpty() && p.cancelled.isEmpty()) {
            queues.remove(key);
        }
        return woken;
    }

    private static boolean matchesAny(String expression, List<StoredMessage> messages) {
        if (expression.isEmpty()) {
            return true;
        }
        Selector selector;
        try {
            selector = Selector.cached(expression);
        } catch (SelectorSyntaxException e) {
            return true; // cannot happen (the claim parsed it); waking costs only a claim
        }
        for (StoredMessage m : messages) {
            if (selector.matches(m::selectorValue)) {
                return true;
            }
        }
        return false;
    }

    /** Wakes the claims parked on {@code key} with each of {@code selectors}, right after the running operation. */
    void notifyLater(int partitionId, Data key, List<String> selectors) {
        for (String selector : selectors) {
            NotifyParkedOperation op = new NotifyParkedOperation(selector);
            op.keyData(key).setNodeEngine(nodeEngine).setPartitionId(partitionId);
            nodeEngine.getOperationService().execute(op);
        }
    }

    /** Changes when a waiter of the queue is cancelled; a claim parked under another value wakes and asks again. */
    long wakeGeneration(int partitionId, Data key) {
        Map<Data, Parking> queues = byPartition[partitionId];
        Parking p = queues == null ? null : queues.get(key);
        return p == null ? 0 : p.generation;
    }

    /**
     * The parked claim of {@code waiterId} must end now: every parked claim wakes, that one answers empty.
     * Returns the selectors parked on the queue, whose wait keys the caller notifies.
     */
    List<String> cancel(int partitionId, Data key, String waiterId) {
        Parking p = parking(partitionId, key);
        p.cancelled.add(waiterId);
        if (p.cancelled.size() > MAX_CANCELLED_WAITERS) {
            Iterator<String> oldest = p.cancelled.iterator();
            oldest.next();
            oldest.remove();
        }
        p.generation = generations.incrementAndGet();
        return new ArrayList<>(p.parked.keySet());
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
        List<String> woken = takeParked(partitionId, keyData);
        if (!woken.isEmpty() && nodeEngine.getPartitionService().isPartitionOwner(partitionId)) {
            notifyLater(partitionId, keyData, woken);
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
                queues.values().removeIf(q -> q.parked.isEmpty());
            }
            p = new Parking();
            queues.put(key, p);
        }
        return p;
    }

    private static final class Parking {
        /** Selectors of the claims parked here ("": none), each parked on its own wait key, to their waiters. */
        private final Map<String, Set<String>> parked = new LinkedHashMap<>();
        private long generation;
        private final Set<String> cancelled = new LinkedHashSet<>();
    }
}
