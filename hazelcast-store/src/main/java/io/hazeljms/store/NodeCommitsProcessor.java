package io.hazeljms.store;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The three changes of a node's commit records, each deterministic and so its own backup: {@link Kind#RECORD} a
 * commit (refused once the node departed), {@link Kind#FORGET} an applied one, {@link Kind#TAKE} them all on the
 * node's departure (marking it departed first, so nothing more is recorded). A departed node's entry is kept an
 * hour as a fence against its operations still in flight, then expires.
 */
public final class NodeCommitsProcessor implements EntryProcessor<String, NodeCommits, Object>,
        IdentifiedDataSerializable {

    enum Kind { RECORD, FORGET, TAKE }

    private static final long FENCE_HOURS = 1;

    private Kind kind;
    private CommitRecord record;
    private String id;

    public NodeCommitsProcessor() {
    }

    private NodeCommitsProcessor(Kind kind, CommitRecord record, String id) {
        this.kind = kind;
        this.record = record;
        this.id = id;
    }

    static NodeCommitsProcessor record(CommitRecord record) {
        return new NodeCommitsProcessor(Kind.RECORD, record, record.id());
    }

    static NodeCommitsProcessor forget(String id) {
        return new NodeCommitsProcessor(Kind.FORGET, null, id);
    }

    static NodeCommitsProcessor take() {
        return new NodeCommitsProcessor(Kind.TAKE, null, null);
    }

    /** RECORD: Boolean (false: the node departed); FORGET: null; TAKE: the records, a List. */
    @Override
    public Object process(Map.Entry<String, NodeCommits> entry) {
        NodeCommits commits = entry.getValue() != null ? entry.getValue() : new NodeCommits();
        switch (kind) {
            case RECORD -> {
                boolean recorded = commits.record(record);
                if (recorded) {
                    entry.setValue(commits);
                }
                return recorded;
            }
            case FORGET -> {
                commits.forget(id);
                store(entry, commits);
                return null;
            }
            default -> {
                commits.markDeparted();
                List<CommitRecord> all = commits.records();
                store(entry, commits);
                return all;
            }
        }
    }

    /** An entry with nothing left: removed while its node lives, kept as a fence for an hour once it departed. */
    private static void store(Map.Entry<String, NodeCommits> entry, NodeCommits commits) {
        if (!commits.isEmpty()) {
            entry.setValue(commits);
        } else if (commits.departed()) {
            ((ExtendedMapEntry<String, NodeCommits>) entry).setValue(commits, FENCE_HOURS, TimeUnit.HOURS);
        } else {
            entry.setValue(null);
        }
    }

    @Override
    public int getFactoryId() {
        return StoreSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.NODE_COMMITS_PROCESSOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(kind.ordinal());
        out.writeObject(record);
        out.writeString(id);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        kind = Kind.values()[in.readInt()];
        record = in.readObject();
        id = in.readString();
    }
}
