package io.hazeljms.store.hazelcastinternal;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.BackupOperation;
import io.hazeljms.store.DestinationState;

import java.io.IOException;
import java.util.Map;

/**
 * The backup of a {@link DestinationOperation}: runs the primary's backup processor (the same one the entry
 * processor path uses, e.g. a claim's decision) on this replica's state. A replica that does not have the
 * destination yet skips it; the map's replica sync brings the whole state.
 */
public final class ReplayOnBackupOperation extends DestinationOperation implements BackupOperation {

    private EntryProcessor<String, DestinationState, ?> processor;

    public ReplayOnBackupOperation() {
    }

    ReplayOnBackupOperation(Data keyData, EntryProcessor<String, DestinationState, ?> processor) {
        keyData(keyData);
        this.processor = processor;
    }

    @Override
    public void run() {
        Map.Entry<String, DestinationState> entry = entry();
        if (entry != null) {
            processor.process(entry);
        }
    }

    @Override
    public int getClassId() {
        return MemberOperationSerializers.REPLAY_ON_BACKUP;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeObject(processor);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        processor = in.readObject();
    }
}
