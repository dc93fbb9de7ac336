package io.hazeljms.store.hazelcastinternal;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.hazeljms.store.StoreError;
import io.hazeljms.store.StoreSerializers;

/**
 * The serialization ids of the member operations, under a factory of their own
 * ({@link StoreSerializers#MEMBER_OPERATIONS_FACTORY_ID}) that only members register ({@code StoreConfig}), so a
 * client never loads these classes. An operation's class is loaded when one is first read.
 */
public final class MemberOperationSerializers implements DataSerializableFactory {

    static final int REPLAY_ON_BACKUP = 1;
    static final int PARKING_CLAIM = 2;
    static final int ENQUEUE = 3;
    static final int NOTIFY_PARKED = 4;
    static final int CANCEL_WAIT = 5;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        return switch (typeId) {
            case REPLAY_ON_BACKUP -> new ReplayOnBackupOperation();
            case PARKING_CLAIM -> new ParkingClaimOperation();
            case ENQUEUE -> new EnqueueOperation();
            case NOTIFY_PARKED -> new NotifyParkedOperation();
            case CANCEL_WAIT -> new CancelWaitOperation();
            default -> throw new IllegalArgumentException(StoreError.UNKNOWN_TYPE_ID.text(typeId));
        };
    }
}
