package io.hazeljms.store.processor;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.ClaimDecision;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.LeaseOwner;
import io.hazeljms.store.StoreSerializers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Removes acknowledged messages held under the caller's lease. Deterministic: its own backup. */
public final class AckProcessor extends DestinationProcessor<Integer> {

    private String subscription;
    private List<String> ids;
    private LeaseOwner owner;
    private transient boolean changed;

    public AckProcessor() {
    }

    public AckProcessor(String subscription, List<String> ids, LeaseOwner owner) {
        this.subscription = subscription;
        this.ids = ids;
        this.owner = owner;
    }

    @Override
    public Integer process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        DestinationState queue = state == null ? null : state.queueFor(subscription);
        if (queue == null) {
            return 0;
        }
        int n = queue.acknowledge(ids, owner);
        changed = n > 0;
        if (changed && state.isTopic()) {
            entry.setValue(state); // room in a subscription: wake publishers waiting on a full backlog
        }
        return n;
    }

    @Override
    public EntryProcessor<String, DestinationState, Integer> getBackupProcessor() {
        return changed ? this : null;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.ACK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(subscription);
        ClaimDecision.writeIds(out, ids);
        LeaseOwner.write(out, owner);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        subscription = in.readString();
        ids = new ArrayList<>();
        ClaimDecision.readIds(in, ids);
        owner = LeaseOwner.read(in);
    }
}
