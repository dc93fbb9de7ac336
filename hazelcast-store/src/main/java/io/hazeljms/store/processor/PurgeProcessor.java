package io.hazeljms.store.processor;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreSerializers;

import java.util.Map;

/** Deletes a destination's pending messages; messages in flight stay with their consumers. */
public final class PurgeProcessor extends DestinationProcessor<Integer> {

    public PurgeProcessor() {
    }

    @Override
    public Integer process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        if (state == null) {
            return 0;
        }
        int n = state.purge();
        entry.setValue(state);
        return n;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.PURGE;
    }

    @Override
    public void writeData(ObjectDataOutput out) {
    }

    @Override
    public void readData(ObjectDataInput in) {
    }
}
