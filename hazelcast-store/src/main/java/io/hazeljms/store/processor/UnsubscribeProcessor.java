package io.hazeljms.store.processor;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreSerializers;
import io.hazeljms.store.UnsubscribeOutcome;

import java.io.IOException;
import java.util.Map;

/** Deletes a durable subscription when nothing uses it. Deterministic: its own backup. */
public final class UnsubscribeProcessor extends DestinationProcessor<UnsubscribeOutcome> {

    private String subscription;
    private transient boolean changed;

    public UnsubscribeProcessor() {
    }

    public UnsubscribeProcessor(String subscription) {
        this.subscription = subscription;
    }

    @Override
    public UnsubscribeOutcome process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        if (state == null) {
            return UnsubscribeOutcome.NOT_FOUND;
        }
        UnsubscribeOutcome outcome = state.unsubscribe(subscription);
        changed = outcome == UnsubscribeOutcome.REMOVED;
        if (changed) {
            entry.setValue(state);
        }
        return outcome;
    }

    @Override
    public EntryProcessor<String, DestinationState, UnsubscribeOutcome> getBackupProcessor() {
        return changed ? this : null;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.UNSUBSCRIBE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(subscription);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        subscription = in.readString();
    }
}
