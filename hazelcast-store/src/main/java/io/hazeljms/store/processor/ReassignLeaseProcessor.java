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

/** Hands leased messages from one owner to another (a session's to its prepared XA branch). Deterministic. */
public final class ReassignLeaseProcessor extends DestinationProcessor<Integer> {

    private String subscription;
    private List<String> ids;
    private LeaseOwner from;
    private LeaseOwner to;
    private transient boolean changed;

    public ReassignLeaseProcessor() {
    }

    public ReassignLeaseProcessor(String subscription, List<String> ids, LeaseOwner from, LeaseOwner to) {
        this.subscription = subscription;
        this.ids = ids;
        this.from = from;
        this.to = to;
    }

    @Override
    public Integer process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        DestinationState queue = state == null ? null : state.queueFor(subscription);
        if (queue == null) {
            return 0;
        }
        int n = queue.reassign(ids, from, to);
        changed = n > 0;
        if (changed) {
            entry.setValue(state);
        }
        return n;
    }

    @Override
    public EntryProcessor<String, DestinationState, Integer> getBackupProcessor() {
        return changed ? this : null;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.REASSIGN_LEASE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(subscription);
        ClaimDecision.writeIds(out, ids);
        LeaseOwner.write(out, from);
        LeaseOwner.write(out, to);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        subscription = in.readString();
        ids = new ArrayList<>();
        ClaimDecision.readIds(in, ids);
        from = LeaseOwner.read(in);
        to = LeaseOwner.read(in);
    }
}
