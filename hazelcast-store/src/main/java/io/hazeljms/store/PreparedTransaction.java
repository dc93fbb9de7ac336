package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The work of a prepared XA branch, kept in the cluster (with backups) until the transaction manager commits or
 * rolls it back — also after the server that prepared it restarted. Its received messages stay leased to the
 * branch itself, not to a node, so no departure releases them.
 */
public final class PreparedTransaction implements IdentifiedDataSerializable {

    private String xid;
    private List<StoredMessage> sends = new ArrayList<>();
    /** Messages received in the branch, each under the branch's own lease ({@link #owner}). */
    private List<CommitRecord.Acknowledgement> acknowledgements = new ArrayList<>();

    public PreparedTransaction() {
    }

    /** @param sends messages to store on commit; each one's {@code destination()} is its target key */
    public PreparedTransaction(String xid, List<StoredMessage> sends,
                               List<CommitRecord.Acknowledgement> acknowledgements) {
        this.xid = xid;
        this.sends = sends;
        this.acknowledgements = acknowledgements;
    }

    /** The lease owner of a prepared branch's received messages: bound to the branch, not to any node. */
    public static LeaseOwner owner(String xid) {
        return new LeaseOwner("xa", xid, xid);
    }

    public String xid() { return xid; }
    public List<StoredMessage> sends() { return sends; }
    public List<CommitRecord.Acknowledgement> acknowledgements() { return acknowledgements; }

    @Override
    public int getFactoryId() {
        return StoreSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.PREPARED_TRANSACTION;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        writeTo(out);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        readFrom(in);
    }

    /** One encoding: in Hazelcast and in the durable store's records. */
    public void writeTo(java.io.DataOutput out) throws IOException {
        Fields.writeString(out, xid);
        MessageLists.write(out, sends);
        CommitRecord.writeAcknowledgements(out, acknowledgements);
    }

    public void readFrom(java.io.DataInput in) throws IOException {
        xid = Fields.readString(in);
        sends = MessageLists.read(in);
        acknowledgements = CommitRecord.readAcknowledgements(in);
    }
}
