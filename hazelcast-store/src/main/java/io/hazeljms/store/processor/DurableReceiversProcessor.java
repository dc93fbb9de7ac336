package io.hazeljms.store.processor;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.MessageLists;
import io.hazeljms.store.StoreSerializers;
import io.hazeljms.store.StoredMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only: which durable subscriptions of a topic would receive each PERSISTENT message
 * ({@link DestinationState#durableReceivers}), so their copies are written to the durable store before the
 * publish makes them deliverable.
 */
public final class DurableReceiversProcessor extends DestinationProcessor<HashMap<String, ArrayList<String>>> {

    private List<StoredMessage> messages;

    public DurableReceiversProcessor() {
    }

    public DurableReceiversProcessor(List<StoredMessage> messages) {
        this.messages = messages;
    }

    @Override
    public HashMap<String, ArrayList<String>> process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        return state == null ? new HashMap<>() : state.durableReceivers(messages);
    }

    @Override
    public EntryProcessor<String, DestinationState, HashMap<String, ArrayList<String>>> getBackupProcessor() {
        return null;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.DURABLE_RECEIVERS;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        MessageLists.write(out, messages);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        messages = MessageLists.read(in);
    }
}
