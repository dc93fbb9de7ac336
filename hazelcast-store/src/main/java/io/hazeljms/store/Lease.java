package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/** A claimed, unacknowledged message and who holds it. */
public final class Lease implements IdentifiedDataSerializable {

    private StoredMessage message;
    private LeaseOwner owner;
    /** The claim call that took it (0: none): a claim made again after an in-doubt outcome gets it back. */
    private long claimId;
    /** When the lease ends by itself (the destination's lease timeout, decided by the primary); 0: never. */
    private long expiresAt;

    public Lease() {
    }

    Lease(StoredMessage message, LeaseOwner owner) {
        this(message, owner, 0);
    }

    Lease(StoredMessage message, LeaseOwner owner, long claimId) {
        this(message, owner, claimId, 0);
    }

    Lease(StoredMessage message, LeaseOwner owner, long claimId, long expiresAt) {
        this.message = message;
        this.owner = owner;
        this.claimId = claimId;
        this.expiresAt = expiresAt;
    }

    long expiresAt() {
        return expiresAt;
    }

    /** Whether the lease timed out by {@code now}; never for {@code now} 0 (no clock: acknowledge what is held). */
    boolean expiredBy(long now) {
        return expiresAt != 0 && now != 0 && expiresAt <= now;
    }

    long claimId() {
        return claimId;
    }

    public StoredMessage message() {
        return message;
    }

    public LeaseOwner owner() {
        return owner;
    }

    @Override
    public int getFactoryId() {
        return StoreSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.LEASE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeObject(message);
        LeaseOwner.write(out, owner);
        out.writeLong(claimId);
        out.writeLong(expiresAt);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        message = in.readObject();
        owner = LeaseOwner.read(in);
        claimId = in.readLong();
        expiresAt = in.readLong();
    }
}
