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

    private String subscription;

    public StatsProcessor() {
    }

    public StatsProcessor(String subscription) {
        this.subscription = subscription;
    }

    @Override
    public DestinationStats process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        DestinationState queue = state == null ? null : state.queueFor(subscription);
        return queue == null ? null : queue.stats();
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
    public void writeData(ObjectDataOutput out) throws java.io.IOException {
        out.writeString(subscription);
    }

    @Override
    public void readData(ObjectDataInput in) throws java.io.IOException {
        subscription = in.readString();
    }
}
