package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one claim: the claimed message (or null), when the next delayed message becomes available
 * (0 = none waiting), and messages the claimer must move to another queue (dead-letter, expiry).
 */
public final class ClaimResult implements IdentifiedDataSerializable {

    private StoredMessage message;
    private long nextAvailableAt;
    private List<StoredMessage> moves = new ArrayList<>();

    public ClaimResult() {
    }

    ClaimResult(StoredMessage message, long nextAvailableAt, List<StoredMessage> moves) {
        this.message = message;
        this.nextAvailableAt = nextAvailableAt;
        this.moves = moves;
    }

    public static ClaimResult none() {
        return new ClaimResult(null, 0, new ArrayList<>());
    }

    public StoredMessage message() {
        return message;
    }

    public long nextAvailableAt() {
        return nextAvailableAt;
    }

    public List<StoredMessage> moves() {
        return moves;
    }

    @Override
    public int getFactoryId() {
        return StoreSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.CLAIM_RESULT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeObject(message);
        out.writeLong(nextAvailableAt);
        MessageLists.write(out, moves);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        message = in.readObject();
        nextAvailableAt = in.readLong();
        moves = MessageLists.read(in);
    }
}
