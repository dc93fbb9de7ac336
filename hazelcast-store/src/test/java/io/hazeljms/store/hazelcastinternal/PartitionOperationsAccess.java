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
        return PartitionOperations.of(member).claimAsync(key, selector, owner, 1, List.of(), 120_000,
                UUID.randomUUID().toString(), 0, false);
    }

    public static OperationParkerImpl parker(HazelcastInstance member) {
        return (OperationParkerImpl) ((NodeEngineImpl) PartitionOperations.nodeEngine(member)).getOperationParker();
    }
}
