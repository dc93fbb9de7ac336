package io.hazeljms.store.processor;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreSerializers;

import java.util.ArrayList;
import java.util.Map;

/**
 * Deletes a destination's pending messages; messages in flight stay with their consumers. Answers the ids it
 * deleted, so the durable store deletes the same.
 */
public final class PurgeProcessor extends DestinationProcessor<ArrayList<String>> {

    public PurgeProcessor() {
    }

    @Override
    public ArrayList<String> process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        if (state == null) {
            return new ArrayList<>();
        }
        ArrayList<String> ids = state.purge();
        entry.setValue(state);
        return ids;
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
