package io.hazeljms.store.processor;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationSettings;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.MemoryGuard;
import io.hazeljms.store.MessageLists;
import io.hazeljms.store.StoreSerializers;
import io.hazeljms.store.StoredMessage;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Appends messages to a destination, creating it on first use. On the primary it first decides whether they
 * fit: the destination's limits ({@link DestinationState#admit}) and the member's {@link MemoryGuard}; a refused
 * batch stores nothing and sends no backup. Its backup is the same processor marked as a replay, which applies
 * what the primary accepted without deciding again (a backup never refuses). With synchronous backups the
 * sender's call returns once every backup has the messages too. On a queue it fires an entry event only when a
 * consumer waits for one ({@link DestinationState#takeAwaited}).
 * Ownership of the messages passes to the store: callers must not touch them afterwards.
 */
public final class EnqueueProcessor extends DestinationProcessor<Integer> {

    private List<StoredMessage> messages;
    /** Null: the destination must already exist (temporary destinations are never recreated by a send). */
    private DestinationSettings defaults;
    /** Runs on a backup, or applies a decision taken before: store without checking limits or memory. */
    private boolean admitted;

    /** Nothing was stored on the primary: no backup. */
    private transient boolean refused;

    public EnqueueProcessor() {
    }

    public EnqueueProcessor(List<StoredMessage> messages, DestinationSettings defaults) {
        this(messages, defaults, false);
    }

    /**
     * @param admitted true to store without the limits and memory check: backups, and messages whose room was
     *                 decided before (a prepared transaction's)
     */
    public EnqueueProcessor(List<StoredMessage> messages, DestinationSettings defaults, boolean admitted) {
        this.messages = messages;
        this.defaults = defaults;
        this.admitted = admitted;
    }

    /**
     * @return messages added (for a topic: subscription copies stored), -1 when the destination does not exist
     *         and may not be created, or why it was refused ({@link DestinationState#isRefused})
     */
    @Override
    public Integer process(Map.Entry<String, DestinationState> entry) {
        if (entry.getValue() == null && defaults == null) {
            refused = true;
            return -1;
        }
        DestinationState state = stateOrCreate(entry, defaults);
        if (!admitted) {
            int verdict = admit(state, messages, memoryGuard());
            if (verdict != 0) {
                refused = true;
                return verdict;
            }
        }
        if (state.isTopic()) {
            int copies = state.publish(messages);
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
            wakeParkedClaims(entry.getKey());
        }
        return added;
    }

    /** The primary's decision (never a backup's): 0 when the messages may be stored, else why not. */
    public static int admit(DestinationState state, List<StoredMessage> messages, MemoryGuard guard) {
        if (guard != null && !guard.allowsEnqueue()) {
            return DestinationState.LOW_MEMORY;
        }
        return state.admit(messages);
    }

    @Override
    public EntryProcessor<String, DestinationState, Integer> getBackupProcessor() {
        return refused ? null : admitted ? this : new EnqueueProcessor(messages, defaults, true);
    }

    @Override
    public int getClassId() {
        return StoreSerializers.ENQUEUE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        MessageLists.write(out, messages);
        out.writeObject(defaults);
        out.writeBoolean(admitted);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        messages = MessageLists.read(in);
        defaults = in.readObject();
        admitted = in.readBoolean();
    }
}
