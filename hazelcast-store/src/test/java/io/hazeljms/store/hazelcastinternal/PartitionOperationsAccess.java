package io.hazeljms.store.hazelcastinternal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.spi.impl.NodeEngineImpl;
import com.hazelcast.spi.impl.operationparker.impl.OperationParkerImpl;

/** Test access to a member's parked operations. */
public final class PartitionOperationsAccess {

    private PartitionOperationsAccess() {
    }

    public static OperationParkerImpl parker(HazelcastInstance member) {
        return (OperationParkerImpl) ((NodeEngineImpl) PartitionOperations.nodeEngine(member)).getOperationParker();
    }
}
