package io.hazeljms.store.hazelcastinternal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.spi.impl.NodeEngineImpl;
import com.hazelcast.spi.impl.operationparker.impl.OperationParkerImpl;
import io.hazeljms.store.ClaimResult;
import io.hazeljms.store.LeaseOwner;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Test access to a member's parked operations. */
public final class PartitionOperationsAccess {

    private PartitionOperationsAccess() {
    }

    /**
     * A claim of one message matching {@code selector} on an existing queue that parks up to two minutes (no
     * recheck every second, unlike a receive): before that it completes only when an operation wakes it and it
     * finds a message.
     */
    public static CompletableFuture<ClaimResult> claimParkedLong(HazelcastInstance member, String key,
                                                                 String selector, LeaseOwner owner) {
        return claimParkedLong(member, key, selector, owner, UUID.randomUUID().toString());
    }

    /** As above, for the waiter {@code waiterId} (which {@link #cancelWait} names). */
    public static CompletableFuture<ClaimResult> claimParkedLong(HazelcastInstance member, String key,
                                                                 String selector, LeaseOwner owner,
                                                                 String waiterId) {
        return PartitionOperations.of(member).claimAsync(key, selector, owner, 1, List.of(), 120_000, waiterId, 0,
                false);
    }

    /** Ends the parked claim of {@code waiterId}, as a closing consumer does. */
    public static void cancelWait(HazelcastInstance member, String key, String waiterId) {
        PartitionOperations.of(member).cancelWait(key, waiterId);
    }

    public static OperationParkerImpl parker(HazelcastInstance member) {
        return (OperationParkerImpl) ((NodeEngineImpl) PartitionOperations.nodeEngine(member)).getOperationParker();
    }
}
