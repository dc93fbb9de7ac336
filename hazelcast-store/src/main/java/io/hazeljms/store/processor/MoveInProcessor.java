package io.hazeljms.store.processor;

import com.hazelcast.map.EntryProcessor;
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
 * Stores messages an operator moves to a queue (redrive from a dead-letter queue, or a move), creating the queue
 * with {@code defaults} when missing. As {@link EnqueueProcessor}, the primary asks the queue's limits and the
 * member's memory guard first and a refusal stores nothing; unlike it, an id the queue saw lately is stored again
 * (a redriven message returns to the queue it was first sent to), while an id it holds now is not (a move made
 * again after an in-doubt outcome adds nothing: {@link DestinationState#enqueueMoved}). The target is a queue,
 * or one subscription of a topic (a message redriven to the subscription it was dead-lettered from), which must
 * exist: a missing one stores nothing and answers -1.
 */
public final class MoveInProcessor extends DestinationProcessor<Integer> {

    private List<StoredMessage> messages;
    private DestinationSettings defaults;
    private boolean admitted;
    /** Null for a queue; else the topic subscription to store in. */
    private String subscription;

    private transient boolean refused;

    public MoveInProcessor() {
    }

    public MoveInProcessor(List<StoredMessage> messages, DestinationSettings defaults, boolean admitted) {
        this(messages, defaults, admitted, null);
    }

    public MoveInProcessor(List<StoredMessage> messages, DestinationSettings defaults, boolean admitted,
                           String subscription) {
        this.messages = messages;
        this.defaults = defaults;
        this.admitted = admitted;
        this.subscription = subscription;
    }

    /**
     * @return messages added, -1 when the subscription does not exist, or why they were refused
     *         ({@link DestinationState#isRefused})
     */
    @Override
    public Integer process(Map.Entry<String, DestinationState> entry) {
        boolean created = entry.getValue() == null;
        DestinationState state;
        DestinationState queue;
        if (subscription == null) {
            state = stateOrCreate(entry, defaults);
            queue = state;
        } else {
            state = entry.getValue();
            queue = state == null ? null : state.queueFor(subscription);
            if (queue == null) {
                refused = true;
                return -1;
            }
        }
        if (!admitted) {
            int verdict = EnqueueProcessor.admit(queue, messages, memoryGuard());
            if (verdict != 0) {
                refused = true;
                return verdict;
            }
        }
        int added = 0;
        for (StoredMessage m : messages) {
            if (queue.enqueueMoved(m)) {
                added++;
            }
        }
        if (created || (added > 0 && (subscription != null || state.takeAwaited()))) {
            entry.setValue(state); // the entry event wakes consumers waiting (a topic's always wait on events)
        }
        if (added > 0) {
            wakeParkedClaims(entry.getKey());
        }
        return added;
    }

    @Override
    public EntryProcessor<String, DestinationState, Integer> getBackupProcessor() {
        return refused ? null : admitted ? this : new MoveInProcessor(messages, defaults, true, subscription);
    }

    @Override
    public int getClassId() {
        return StoreSerializers.MOVE_IN;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        MessageLists.write(out, messages);
        out.writeObject(defaults);
        out.writeBoolean(admitted);
        out.writeString(subscription);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        messages = MessageLists.read(in);
        defaults = in.readObject();
        admitted = in.readBoolean();
        subscription = in.readString();
    }
}
