package io.hazeljms.store.processor;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationSettings;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.MessageLists;
import io.hazeljms.store.StoreSerializers;
import io.hazeljms.store.StoredMessage;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Appends messages to a destination, creating it on first use. Deterministic, so it is its own backup:
 * with synchronous backups the sender's call returns once every backup has the messages too. On a queue it
 * fires an entry event only when a consumer waits for one ({@link DestinationState#takeAwaited}).
 * Ownership of the messages passes to the store: callers must not touch them afterwards.
 */
public final class EnqueueProcessor extends DestinationProcessor<Integer> {

    private List<StoredMessage> messages;
    /** Null: the destination must already exist (temporary destinations are never recreated by a send). */
    private DestinationSettings defaults;
    /** False for the parts of a recorded commit: the decision is taken, a limit may no longer refuse it. */
    private boolean bounded = true;

    public EnqueueProcessor() {
    }

    public EnqueueProcessor(List<StoredMessage> messages, DestinationSettings defaults) {
        this.messages = messages;
        this.defaults = defaults;
    }

    /** A part of a commit that is recorded in the cluster: stored whatever the destination's limits. */
    public static EnqueueProcessor committed(List<StoredMessage> messages, DestinationSettings defaults) {
        EnqueueProcessor p = new EnqueueProcessor(messages, defaults);
        p.bounded = false;
        return p;
    }

    /**
     * @return messages added (for a topic: subscription copies stored), -1 when the destination does not exist
     *         and may not be created, or {@link DestinationState#BACKLOG_FULL}
     */
    @Override
    public Integer process(Map.Entry<String, DestinationState> entry) {
        if (entry.getValue() == null && defaults == null) {
            return -1;
        }
        DestinationState state = stateOrCreate(entry, defaults);
        if (state.isTopic()) {
            int copies = state.publish(messages, bounded);
            entry.setValue(state);
            return copies;
        }
        boolean created = entry.getValue() == null;
        int added = 0;
        for (StoredMessage m : messages) {
            if (state.enqueue(m)) {
                added++;
            }
        }
        if (created || (added > 0 && state.takeAwaited())) {
            entry.setValue(state); // the entry event wakes the consumers waiting on this queue
        }
        if (added > 0) {
            wakeParkedClaims(entry.getKey(), state);
        }
        return added;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.ENQUEUE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        MessageLists.write(out, messages);
        out.writeObject(defaults);
        out.writeBoolean(bounded);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        messages = MessageLists.read(in);
        defaults = in.readObject();
        bounded = in.readBoolean();
    }
}
