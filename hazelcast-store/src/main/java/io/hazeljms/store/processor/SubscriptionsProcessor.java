package io.hazeljms.store.processor;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreSerializers;
import io.hazeljms.store.Subscription;
import io.hazeljms.store.SubscriptionStats;

import java.util.ArrayList;
import java.util.Map;

/** Reads a topic's subscriptions with their counters; empty for a queue or a topic that does not exist. */
public final class SubscriptionsProcessor extends DestinationProcessor<ArrayList<SubscriptionStats>>
        implements ReadOnly {

    public SubscriptionsProcessor() {
    }

    @Override
    public ArrayList<SubscriptionStats> process(Map.Entry<String, DestinationState> entry) {
        ArrayList<SubscriptionStats> list = new ArrayList<>();
        DestinationState state = entry.getValue();
        if (state == null) {
            return list;
        }
        long now = System.currentTimeMillis();
        for (Subscription s : state.subscriptions().values()) {
            list.add(new SubscriptionStats(s.name(), s.durable(), s.shared(), s.selector(), s.consumers().size(),
                    s.queue().stats(now)));
        }
        return list;
    }

    @Override
    public EntryProcessor<String, DestinationState, ArrayList<SubscriptionStats>> getBackupProcessor() {
        return null;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.SUBSCRIPTIONS;
    }

    @Override
    public void writeData(ObjectDataOutput out) {
    }

    @Override
    public void readData(ObjectDataInput in) {
    }
}
