package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commit records of one node (one shard of them), in one map entry so that recording a commit and the
 * node's departure are ordered on one partition: once the departure handling has marked the node
 * {@link #departed}, a record the dead node still had on the wire is refused instead of being applied after the
 * node's leases were released (its messages redelivered, and its sends then stored a second time).
 */
public final class NodeCommits implements IdentifiedDataSerializable {

    private boolean departed;
    private final Map<String, CommitRecord> records = new LinkedHashMap<>();

    public boolean departed() {
        return departed;
    }

    void markDeparted() {
        departed = true;
    }

    /** False, recording nothing, when the node was declared departed. */
    boolean record(CommitRecord record) {
        if (departed) {
            return false;
        }
        records.put(record.id(), record);
        return true;
    }

    void forget(String id) {
        records.remove(id);
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    List<CommitRecord> records() {
        return new ArrayList<>(records.values());
    }

    @Override
    public int getFactoryId() {
        return StoreSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.NODE_COMMITS;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeBoolean(departed);
        out.writeInt(records.size());
        for (CommitRecord r : records.values()) {
            out.writeObject(r);
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        departed = in.readBoolean();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            CommitRecord r = in.readObject();
            records.put(r.id(), r);
        }
    }
}
