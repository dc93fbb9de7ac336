package io.hazeljms.store.processor;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationSettings;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreSerializers;

import java.io.IOException;
import java.util.Map;

/**
 * Creates a destination with explicit settings, or applies new settings to an existing one (its messages stay).
 * Returns true when the destination was created.
 */
public final class CreateDestinationProcessor extends DestinationProcessor<Boolean> {

    private DestinationSettings settings;

    public CreateDestinationProcessor() {
    }

    public CreateDestinationProcessor(DestinationSettings settings) {
        this.settings = settings;
    }

    @Override
    public Boolean process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        boolean created = state == null;
        if (created) {
            state = new DestinationState(entry.getKey(), settings);
        } else {
            state.replaceSettings(settings);
        }
        entry.setValue(state);
        return created;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.CREATE_DESTINATION;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeObject(settings);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        settings = in.readObject();
    }
}
