package io.hazeljms.store.processor;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreSerializers;
import io.hazeljms.store.Subscription;

import java.io.IOException;
import java.util.Map;

/** Whether a topic has the named subscription with a consumer attached (read-only: nothing is copied back). */
public final class ActiveSubscriptionProcessor extends DestinationProcessor<Boolean> implements ReadOnly {

    private String subscription;

    public ActiveSubscriptionProcessor() {
    }

    public ActiveSubscriptionProcessor(String subscription) {
        this.subscription = subscription;
    }

    @Override
    public Boolean process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        Subscription s = state == null ? null : state.subscriptions().get(subscription);
        return s != null && !s.consumers().isEmpty();
    }

    @Override
    public EntryProcessor<String, DestinationState, Boolean> getBackupProcessor() {
        return null;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.ACTIVE_SUBSCRIPTION;
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
