package io.hazeljms.store.processor;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.ClaimDecision;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreSerializers;
import io.hazeljms.store.Subscription;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only, after a send whose messages carry duplicate ids: which of them the queue (key "") or each durable
 * subscription of a topic does not hold now. Their durable rows can go: a message dropped as a duplicate would
 * otherwise come back after a restart of the whole cluster, and one held no longer was acknowledged or moved,
 * which deleted its row already.
 */
public final class UnheldRowsProcessor extends DestinationProcessor<HashMap<String, ArrayList<String>>>
        implements ReadOnly {

    private List<String> messageIds;

    public UnheldRowsProcessor() {
    }

    public UnheldRowsProcessor(List<String> messageIds) {
        this.messageIds = messageIds;
    }

    @Override
    public HashMap<String, ArrayList<String>> process(Map.Entry<String, DestinationState> entry) {
        HashMap<String, ArrayList<String>> unheld = new HashMap<>();
        DestinationState state = entry.getValue();
        if (state == null) {
            return unheld;
        }
        if (!state.isTopic()) {
            collect(state, "", unheld);
        }
        for (Subscription s : state.subscriptions().values()) {
            if (s.durable()) {
                collect(s.queue(), s.name(), unheld);
            }
        }
        return unheld;
    }

    private void collect(DestinationState queue, String subscription, HashMap<String, ArrayList<String>> unheld) {
        for (String id : messageIds) {
            if (!queue.holds(id)) {
                unheld.computeIfAbsent(subscription, n -> new ArrayList<>()).add(id);
            }
        }
    }

    @Override
    public EntryProcessor<String, DestinationState, HashMap<String, ArrayList<String>>> getBackupProcessor() {
        return null;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.UNHELD_ROWS;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        ClaimDecision.writeIds(out, messageIds);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        messageIds = new ArrayList<>();
        ClaimDecision.readIds(in, messageIds);
    }
}
