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

/**
 * Removes acknowledged messages held under the caller's lease. Checking leases (acknowledge, commit), it takes
 * all or none and refuses a message whose lease timed out ({@link DestinationState#acknowledge(List, LeaseOwner,
 * long)}): the primary fixes the clock once, so it is its own backup.
 */
public final class AckProcessor extends DestinationProcessor<Integer> {

    private String subscription;
    private List<String> ids;
    private LeaseOwner owner;
    private boolean checkLeases;
    private long now;
    private transient boolean changed;

    public AckProcessor() {
    }

    /** Acknowledges what the owner holds, whatever the lease timeout (AUTO and DUPS_OK, moves). */
    public AckProcessor(String subscription, List<String> ids, LeaseOwner owner) {
        this(subscription, ids, owner, false);
    }

    /**
     * @param checkLeases all or none, refused (a negative result, minus how many) when a lease timed out:
     *                    for an application's acknowledgement or a commit
     */
    public AckProcessor(String subscription, List<String> ids, LeaseOwner owner, boolean checkLeases) {
        this.subscription = subscription;
        this.ids = ids;
        this.owner = owner;
        this.checkLeases = checkLeases;
    }

    @Override
    public Integer process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        DestinationState queue = state == null ? null : state.queueFor(subscription);
        if (queue == null) {
            return 0;
        }
        if (checkLeases && now == 0) {
            now = System.currentTimeMillis();
        }
        int inFlight = queue.inFlightCount();
        int n = queue.acknowledge(ids, owner, now);
        changed = inFlight != queue.inFlightCount();
        if (n < 0 && changed) {
            wakeParkedClaims(entry.getKey()); // leases that timed out were released
        }
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
        out.writeBoolean(checkLeases);
        out.writeLong(now);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        subscription = in.readString();
        ids = new ArrayList<>();
        ClaimDecision.readIds(in, ids);
        owner = LeaseOwner.read(in);
        checkLeases = in.readBoolean();
        now = in.readLong();
    }
}
