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
 * The decision to commit a transaction that touches several destinations, kept in the cluster (with backups)
 * before any part is applied: messages to store and leased messages to acknowledge. If the node that commits
 * dies midway, a survivor applies the record again — every part is idempotent — so the transaction takes
 * effect whole, never half.
 */
public final class CommitRecord implements IdentifiedDataSerializable {

    private String id;
    private String committerNode;
    private List<StoredMessage> sends = new ArrayList<>();
    private List<Acknowledgement> acknowledgements = new ArrayList<>();
    /** The commit of a prepared XA branch: applying it also forgets the branch. */
    private boolean preparedBranch;

    /** Messages received in the transaction on one queue or subscription, under their owner's lease. */
    public record Acknowledgement(Address address, List<String> messageIds, LeaseOwner owner) {
    }

    public CommitRecord() {
    }

    /**
     * @param sends messages to store; each one's {@code destination()} is its target's key
     * @param committerNode the node applying it: when that node leaves, a survivor finishes the commit
     */
    public CommitRecord(String id, String committerNode, List<StoredMessage> sends,
                        List<Acknowledgement> acknowledgements, boolean preparedBranch) {
        this.id = id;
        this.committerNode = committerNode;
        this.sends = sends;
        this.acknowledgements = acknowledgements;
        this.preparedBranch = preparedBranch;
    }

    public boolean preparedBranch() { return preparedBranch; }

    /** The key of the entry holding this record among its node's ({@link NodeCommits}). */
    String shardKey() {
        return shardKey(committerNode, Math.floorMod(id.hashCode(), SHARDS));
    }

    static String shardKey(String node, int shard) {
        return node + "#" + shard;
    }

    /** A node's records are spread over this many entries, so its commits do not queue on one partition. */
    static final int SHARDS = 8;

    public String id() { return id; }
    public String committerNode() { return committerNode; }
    public List<StoredMessage> sends() { return sends; }
    public List<Acknowledgement> acknowledgements() { return acknowledgements; }

    /** The sends by target key, in send order within each. */
    Map<String, List<StoredMessage>> sendsByDestination() {
        Map<String, List<StoredMessage>> byTarget = new LinkedHashMap<>();
        for (StoredMessage m : sends) {
            byTarget.computeIfAbsent(m.destination(), k -> new ArrayList<>()).add(m);
        }
        return byTarget;
    }

    /** How many store calls applying it takes: one per destination sent to, one per acknowledged queue. */
    public int parts() {
        return sendsByDestination().size() + acknowledgements.size();
    }

    @Override
    public int getFactoryId() {
        return StoreSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.COMMIT_RECORD;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(id);
        out.writeString(committerNode);
        out.writeBoolean(preparedBranch);
        MessageLists.write(out, sends);
        writeAcknowledgements(out, acknowledgements);
    }

    static void writeAcknowledgements(java.io.DataOutput out, List<Acknowledgement> acknowledgements)
            throws IOException {
        out.writeInt(acknowledgements.size());
        for (Acknowledgement a : acknowledgements) {
            Fields.writeString(out, a.address().key());
            Fields.writeString(out, a.address().subscription());
            ClaimDecision.writeIds(out, a.messageIds());
            LeaseOwner.write(out, a.owner());
        }
    }

    static List<Acknowledgement> readAcknowledgements(java.io.DataInput in) throws IOException {
        int n = in.readInt();
        List<Acknowledgement> acknowledgements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Address address = new Address(DestinationKey.parse(Fields.readString(in)), Fields.readString(in));
            List<String> ids = new ArrayList<>();
            ClaimDecision.readIds(in, ids);
            acknowledgements.add(new Acknowledgement(address, ids, LeaseOwner.read(in)));
        }
        return acknowledgements;
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        id = in.readString();
        committerNode = in.readString();
        preparedBranch = in.readBoolean();
        sends = MessageLists.read(in);
        acknowledgements = readAcknowledgements(in);
    }
}
