package io.hazeljms.store.processor;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreError;
import io.hazeljms.store.StoreSerializers;
import io.hazeljms.store.StoredMessage;
import io.hazeljms.store.selector.Selector;
import io.hazeljms.store.selector.SelectorSyntaxException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads one page of deliverable messages (selector applied in the store) without changing anything. */
public final class BrowseProcessor extends DestinationProcessor<ArrayList<StoredMessage>> implements ReadOnly {

    private String subscription;
    private String selector;
    private long afterKey;
    private int limit;

    public BrowseProcessor() {
    }

    public BrowseProcessor(String subscription, String selector, long afterKey, int limit) {
        this.subscription = subscription;
        this.selector = selector;
        this.afterKey = afterKey;
        this.limit = limit;
    }

    @Override
    public ArrayList<StoredMessage> process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        DestinationState queue = state == null ? null : state.queueFor(subscription);
        if (queue == null) {
            return new ArrayList<>();
        }
        try {
            List<StoredMessage> page = queue.browse(Selector.cached(selector), afterKey, limit,
                    System.currentTimeMillis());
            return new ArrayList<>(page);
        } catch (SelectorSyntaxException e) {
            throw new IllegalArgumentException(StoreError.SELECTOR_INVALID.text(selector), e);
        }
    }

    @Override
    public EntryProcessor<String, DestinationState, ArrayList<StoredMessage>> getBackupProcessor() {
        return null;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.BROWSE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(subscription);
        out.writeString(selector);
        out.writeLong(afterKey);
        out.writeInt(limit);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        subscription = in.readString();
        selector = in.readString();
        afterKey = in.readLong();
        limit = in.readInt();
    }
}
