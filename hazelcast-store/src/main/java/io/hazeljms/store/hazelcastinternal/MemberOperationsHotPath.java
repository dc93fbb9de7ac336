package io.hazeljms.store.hazelcastinternal;

import com.hazelcast.core.HazelcastInstance;
import io.hazeljms.store.Address;
import io.hazeljms.store.ClaimResult;
import io.hazeljms.store.DestinationSettings;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.HotPath;
import io.hazeljms.store.LeaseOwner;
import io.hazeljms.store.StoreCalls;
import io.hazeljms.store.StoredMessage;
import io.hazeljms.store.Waiter;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hot path as the store's own partition operations, on a member: sends to a queue this node has seen exist
 * are {@link EnqueueOperation}s (combined, see {@link SendCombiner}), and receives from a queue (with or without
 * selector) are claims that park on the partition ({@link ParkingClaimOperation}). Everything else — creating a
 * destination, topics, subscriptions — goes to the public-API path it is given, on the same state.
 */
public final class MemberOperationsHotPath implements HotPath {

    /** Queues remembered as existing; beyond that many they are forgotten (temporary queues come and go). */
    private static final int MAX_KNOWN_QUEUES = 10_000;

    private final PartitionOperations operations;
    private final HotPath publicApi;
    private final StoreCalls calls;
    /** Queues this node has seen exist: sends to them take the fast path. */
    private final Set<String> knownQueues = ConcurrentHashMap.newKeySet();

    private MemberOperationsHotPath(PartitionOperations operations, HotPath publicApi, StoreCalls calls) {
        this.operations = operations;
        this.publicApi = publicApi;
        this.calls = calls;
    }

    /** For a member; null when its internals are not reachable (then the caller keeps the public API). */
    public static HotPath create(HazelcastInstance member, HotPath publicApi, StoreCalls calls) {
        PartitionOperations operations = PartitionOperations.of(member);
        return operations == null ? null : new MemberOperationsHotPath(operations, publicApi, calls);
    }

    /**
     * Only known queues take the operation, so that sends issued one after another are stored in that order: a
     * fallback after a failed operation would be issued later than the sends behind it.
     */
    @Override
    public int enqueue(String key, List<StoredMessage> messages, DestinationSettings createWith) {
        if (knownQueues.contains(key)) {
            Integer added = calls.call("send", key, () -> operations.enqueue(key, messages));
            if (added != null) {
                return added;
            }
            forget(key); // deleted meanwhile, or a topic now: the processor recreates it or says it is gone
        }
        return learn(key, publicApi.enqueue(key, messages, createWith));
    }

    @Override
    public CompletionStage<Integer> enqueueAsync(String key, List<StoredMessage> messages,
                                                 DestinationSettings createWith) {
        if (!knownQueues.contains(key)) {
            return publicApi.enqueueAsync(key, messages, createWith).thenApply(added -> learn(key, added));
        }
        return calls.callAsync("send", key, () -> operations.enqueueAsync(key, messages))
                .thenCompose(added -> {
                    if (added != null) {
                        return CompletableFuture.completedFuture(added);
                    }
                    forget(key);
                    return publicApi.enqueueAsync(key, messages, createWith);
                });
    }

    /** Records that a queue exists after an entry processor reached it (result >= 0); returns the result. */
    private int learn(String key, int result) {
        if (result >= 0 && !DestinationState.isTopicKey(key)) {
            if (knownQueues.size() >= MAX_KNOWN_QUEUES) {
                knownQueues.clear(); // forgetting only costs a slower send
            }
            knownQueues.add(key);
        }
        return result;
    }

    /**
     * A claim on a queue parks on its partition, on a wait key of its selector's (Hazelcast wakes parked
     * operations of a key in order and stops at the first that still waits, so a selector matching nothing must
     * not hold up the others); subscriptions wait for events (a topic's publish wakes blocked publishers through
     * events anyway). A queue with message groups is like that for every consumer (one may take what another may
     * not): from its first answer that says so, the consumer waits for events.
     */
    @Override
    public ClaimResult claim(Waiter waiter, String selector, LeaseOwner owner, int max, List<String> acks,
                             long waitMillis) throws InterruptedException {
        Address from = waiter.address();
        if (from.subscription() != null || DestinationState.isTopicKey(from.key()) || waiter.waitsByEvents()) {
            return publicApi.claim(waiter, selector, owner, max, acks, waitMillis);
        }
        String key = from.key();
        long claimId = HotPath.newClaimId();
        int[] attempts = {0};
        ClaimResult result;
        waiter.parkingStarted();
        try {
            result = calls.call("claim", key, waitMillis, () -> operations.claimAsync(key, selector, owner, max,
                    acks, waitMillis, waiter.id(), claimId, attempts[0]++ > 0));
        } finally {
            waiter.parkingEnded();
        }
        if (result != null && result.waitByEvents()) {
            // message groups: each consumer may take other messages, so all must wake (its acks are applied)
            waiter.waitByEvents();
            return result.messages().isEmpty() ? publicApi.claim(waiter, selector, owner, max, List.of(), waitMillis)
                    : result;
        }
        // no such queue yet: the entry processor creates it; the next claim parks
        return result != null ? result : publicApi.claim(waiter, selector, owner, max, acks, 0);
    }

    @Override
    public void cancelWait(Waiter waiter) {
        if (waiter.isParking()) {
            operations.cancelWait(waiter.address().key(), waiter.id());
        }
        publicApi.cancelWait(waiter);
    }

    @Override
    public void forget(String key) {
        knownQueues.remove(key);
        operations.forget(key);
    }
}
