package io.hazeljms.store.processor;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.DestinationStats;
import io.hazeljms.store.StoreSerializers;

import java.util.Map;

/** Reads a destination's counters; null when it does not exist. */
public final class StatsProcessor extends DestinationProcessor<DestinationStats> implements ReadOnly {

    public StatsProcessor() {
    }

    @Override
    public DestinationStats process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        return state == null ? null : state.stats();
    }

    @Override
    public EntryProcessor<String, DestinationState, DestinationStats> getBackupProcessor() {
        return null;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.STATS;
    }

    @Override
    public void writeData(ObjectDataOutput out) {
    }

    @Override
    public void readData(ObjectDataInput in) {
    }
}
