package io.hazeljms.store.processor;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreSerializers;

import java.io.IOException;
import java.util.Map;

/**
 * Asks, changing nothing, whether a number of messages of a total size would fit in a destination now: its
 * limits (for a topic, every subscription counted as receiving them all) and its member's memory guard. A
 * transaction asks before it commits, so its commit either stores every part or, refused here, none; a
 * destination that does not exist yet has room.
 */
public final class RoomProcessor extends DestinationProcessor<Integer> implements ReadOnly {

    private int messages;
    private long bytes;

    public RoomProcessor() {
    }

    public RoomProcessor(int messages, long bytes) {
        this.messages = messages;
        this.bytes = bytes;
    }

    /** @return 0 if there is room, else why not ({@link DestinationState#isRefused}) */
    @Override
    public Integer process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        if (state == null) {
            return 0;
        }
        var guard = memoryGuard();
        if (guard != null && !guard.allowsEnqueue()) {
            return DestinationState.LOW_MEMORY;
        }
        return state.admit(messages, bytes);
    }

    @Override
    public EntryProcessor<String, DestinationState, Integer> getBackupProcessor() {
        return null;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.ROOM;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(messages);
        out.writeLong(bytes);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        messages = in.readInt();
        bytes = in.readLong();
    }
}
