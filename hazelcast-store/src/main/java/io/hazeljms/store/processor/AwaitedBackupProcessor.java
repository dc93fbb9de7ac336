package io.hazeljms.store.processor;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreSerializers;

import java.util.Map;

/** Marks a queue's backup replica awaited, as {@link MatchingSelectorsProcessor} marked its primary. */
public final class AwaitedBackupProcessor extends DestinationProcessor<boolean[]> {

    public AwaitedBackupProcessor() {
    }

    @Override
    public boolean[] process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        if (state != null) {
            state.markAwaited();
            entry.setValue(state);
        }
        return null;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.AWAITED_BACKUP;
    }

    @Override
    public void writeData(ObjectDataOutput out) {
    }

    @Override
    public void readData(ObjectDataInput in) {
    }
}
