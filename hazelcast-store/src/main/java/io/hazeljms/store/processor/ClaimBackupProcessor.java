package io.hazeljms.store.processor;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.ClaimDecision;
import io.hazeljms.store.Claimer;
import io.hazeljms.store.ClaimResult;
import io.hazeljms.store.DestinationSettings;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreSerializers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Replays a primary's claim (the acknowledgements it carried, then its decision) on a backup replica. */
public final class ClaimBackupProcessor extends DestinationProcessor<ClaimResult> {

    private String subscription;
    private List<String> acks;
    private ClaimDecision decision;
    private boolean awaited;
    private Claimer claimer;
    private DestinationSettings defaults;

    public ClaimBackupProcessor() {
    }

    ClaimBackupProcessor(String subscription, List<String> acks, ClaimDecision decision, boolean awaited,
                         Claimer claimer, DestinationSettings defaults) {
        this.awaited = awaited;
        this.subscription = subscription;
        this.acks = acks;
        this.decision = decision;
        this.claimer = claimer;
        this.defaults = defaults;
    }

    @Override
    public ClaimResult process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = stateOrCreate(entry, defaults);
        DestinationState queue = state.queueFor(subscription);
        if (queue != null) {
            queue.acknowledge(acks, claimer.owner());
            queue.applyClaim(decision, claimer);
            if (awaited) {
                queue.markAwaited();
            }
        }
        entry.setValue(state);
        return null;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.CLAIM_BACKUP;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(subscription);
        ClaimDecision.writeIds(out, acks);
        decision.writeTo(out);
        out.writeBoolean(awaited);
        Claimer.write(out, claimer);
        out.writeObject(defaults);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        subscription = in.readString();
        acks = new ArrayList<>();
        ClaimDecision.readIds(in, acks);
        decision = ClaimDecision.readFrom(in);
        awaited = in.readBoolean();
        claimer = Claimer.read(in);
        defaults = in.readObject();
    }
}
