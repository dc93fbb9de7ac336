package io.hazeljms.store.processor;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.Claimer;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreSerializers;

import java.io.IOException;
import java.util.Map;

/**
 * A consumer closed: the message groups bound to it are free for the other consumers, which are woken (the
 * entry event, parked claims) as their next messages may now be theirs. Answers how many groups it held.
 */
public final class UnbindGroupsProcessor extends DestinationProcessor<Integer> {

    private String subscription;
    private Claimer claimer;
    private transient boolean changed;

    public UnbindGroupsProcessor() {
    }

    public UnbindGroupsProcessor(String subscription, Claimer claimer) {
        this.subscription = subscription;
        this.claimer = claimer;
    }

    @Override
    public Integer process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        DestinationState queue = state == null ? null : state.queueFor(subscription);
        int n = queue == null ? 0 : queue.groups().unbind(claimer);
        changed = n > 0;
        if (changed) {
            entry.setValue(state);
            wakeParkedClaims(entry.getKey());
        }
        return n;
    }

    @Override
    public EntryProcessor<String, DestinationState, Integer> getBackupProcessor() {
        return changed ? this : null;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.UNBIND_GROUPS;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(subscription);
        Claimer.write(out, claimer);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        subscription = in.readString();
        claimer = Claimer.read(in);
    }
}
