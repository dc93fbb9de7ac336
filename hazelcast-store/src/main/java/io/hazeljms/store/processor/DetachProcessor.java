package io.hazeljms.store.processor;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreSerializers;
import io.hazeljms.store.Subscription;

import java.io.IOException;
import java.util.Map;

/**
 * Detaches a closing consumer from its subscription; a non-durable one ends with its last consumer. Answers
 * whether a shared non-durable subscription ended, so the caller frees its name for other topics.
 */
public final class DetachProcessor extends DestinationProcessor<Boolean> {

    private String subscription;
    private String consumerId;
    private transient boolean changed;

    public DetachProcessor() {
    }

    public DetachProcessor(String subscription, String consumerId) {
        this.subscription = subscription;
        this.consumerId = consumerId;
    }

    @Override
    public Boolean process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        Subscription s = state == null ? null : state.subscriptions().get(subscription);
        changed = state != null && state.detach(subscription, consumerId);
        if (changed) {
            entry.setValue(state);
        }
        return changed && s.shared() && !s.durable() && !state.subscriptions().containsKey(subscription);
    }

    @Override
    public EntryProcessor<String, DestinationState, Boolean> getBackupProcessor() {
        return changed ? this : null;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.DETACH;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(subscription);
        out.writeString(consumerId);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        subscription = in.readString();
        consumerId = in.readString();
    }
}
