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
    private List<Acknowledgement> acknowledgements = new ArrayList<>();

    /** Messages received in the branch, on one queue or subscription. */
    public record Acknowledgement(Address address, List<String> messageIds) {
    }

    public PreparedTransaction() {
    }

    /** @param sends messages to store on commit; each one's {@code destination()} is its target key */
    public PreparedTransaction(String xid, List<StoredMessage> sends, List<Acknowledgement> acknowledgements) {
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
    public List<Acknowledgement> acknowledgements() { return acknowledgements; }

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
        out.writeString(xid);
        MessageLists.write(out, sends);
        out.writeInt(acknowledgements.size());
        for (Acknowledgement a : acknowledgements) {
            out.writeString(a.address().key());
            out.writeString(a.address().subscription());
            ClaimDecision.writeIds(out, a.messageIds());
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        xid = in.readString();
        sends = MessageLists.read(in);
        int n = in.readInt();
        acknowledgements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Address address = new Address(in.readString(), in.readString());
            List<String> ids = new ArrayList<>();
            ClaimDecision.readIds(in, ids);
            acknowledgements.add(new Acknowledgement(address, ids));
        }
    }
}
