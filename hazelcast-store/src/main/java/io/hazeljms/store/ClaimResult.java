package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one claim: the claimed messages (none, one, or a consumer's prefetch batch), when the next delayed message becomes available
 * (0 = none waiting), and messages the claimer must move to another queue (dead-letter, expiry).
 */
public final class ClaimResult implements IdentifiedDataSerializable {

    private List<StoredMessage> messages = new ArrayList<>();
    private long nextAvailableAt;
    private List<StoredMessage> moves = new ArrayList<>();
    /** The claim saw every message and left none it could take, now or later (none delayed). */
    private boolean drained;
    /** The queue has message groups: its consumers wait for its entry events, not as parked claims. */
    private boolean waitByEvents;

    public ClaimResult() {
    }

    ClaimResult(List<StoredMessage> messages, long nextAvailableAt, List<StoredMessage> moves) {
        this.messages = messages;
        this.nextAvailableAt = nextAvailableAt;
        this.moves = moves;
    }

    public static ClaimResult none() {
        return new ClaimResult(new ArrayList<>(), 0, new ArrayList<>());
    }

    /** The first (best) claimed message, or null when none was claimed. */
    public StoredMessage message() {
        return messages.isEmpty() ? null : messages.get(0);
    }

    /** Every claimed message, in delivery order. */
    public List<StoredMessage> messages() {
        return messages;
    }

    public long nextAvailableAt() {
        return nextAvailableAt;
    }

    public List<StoredMessage> moves() {
        return moves;
    }

    public boolean drained() {
        return drained;
    }

    public ClaimResult drained(boolean value) {
        drained = value;
        return this;
    }

    public boolean waitByEvents() {
        return waitByEvents;
    }

    public ClaimResult waitByEvents(boolean value) {
        waitByEvents = value;
        return this;
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
        MessageLists.write(out, messages);
        out.writeLong(nextAvailableAt);
        MessageLists.write(out, moves);
        out.writeBoolean(drained);
        out.writeBoolean(waitByEvents);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        messages = MessageLists.read(in);
        nextAvailableAt = in.readLong();
        moves = MessageLists.read(in);
        drained = in.readBoolean();
        waitByEvents = in.readBoolean();
    }
}
