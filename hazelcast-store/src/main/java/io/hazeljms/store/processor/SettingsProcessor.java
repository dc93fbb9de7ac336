package io.hazeljms.store.processor;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationSettings;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreSerializers;

import java.util.Map;

/** Reads a destination's settings (not its messages); null when it does not exist. */
public final class SettingsProcessor extends DestinationProcessor<DestinationSettings> implements ReadOnly {

    @Override
    public DestinationSettings process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        return state == null ? null : state.settings();
    }

    @Override
    public EntryProcessor<String, DestinationState, DestinationSettings> getBackupProcessor() {
        return null;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.SETTINGS;
    }

    @Override
    public void writeData(ObjectDataOutput out) {
    }

    @Override
    public void readData(ObjectDataInput in) {
    }
}
