package io.hazeljms.store.processor;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.ClaimDecision;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.LeaseOwner;
import io.hazeljms.store.ReleaseResult;
import io.hazeljms.store.StoreSerializers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Returns leased messages for redelivery (rollback, recover, close). The primary fixes the clock once so
 * the backup computes the same redelivery times.
 */
public final class ReleaseProcessor extends DestinationProcessor<ReleaseResult> {

    private String subscription;
    private List<String> ids;
    private LeaseOwner owner;
    private boolean delivered;
    private long now;
    private transient boolean changed;

    public ReleaseProcessor() {
    }

    public ReleaseProcessor(String subscription, List<String> ids, LeaseOwner owner, boolean delivered) {
        this.subscription = subscription;
        this.ids = ids;
        this.owner = owner;
        this.delivered = delivered;
    }

    @Override
    public ReleaseResult process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        DestinationState queue = state == null ? null : state.queueFor(subscription);
        if (queue == null) {
            return new ReleaseResult();
        }
        if (now == 0) {
            now = System.currentTimeMillis();
        }
        int before = queue.inFlightCount();
        ReleaseResult result = new ReleaseResult(queue.release(ids, owner, delivered, now));
        changed = before != queue.inFlightCount() || !result.moves().isEmpty();
        if (changed) {
            entry.setValue(state);
            wakeParkedClaims(entry.getKey());
        }
        return result;
    }

    @Override
    public EntryProcessor<String, DestinationState, ReleaseResult> getBackupProcessor() {
        return changed ? this : null;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.RELEASE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(subscription);
        ClaimDecision.writeIds(out, ids);
        LeaseOwner.write(out, owner);
        out.writeBoolean(delivered);
        out.writeLong(now);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        subscription = in.readString();
        ids = new ArrayList<>();
        ClaimDecision.readIds(in, ids);
        owner = LeaseOwner.read(in);
        delivered = in.readBoolean();
        now = in.readLong();
    }
}
