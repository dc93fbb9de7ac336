package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/** A claimed, unacknowledged message and who holds it. */
public final class Lease implements IdentifiedDataSerializable {

    private StoredMessage message;
    private LeaseOwner owner;

    public Lease() {
    }

    Lease(StoredMessage message, LeaseOwner owner) {
        this.message = message;
        this.owner = owner;
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
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        message = in.readObject();
        owner = LeaseOwner.read(in);
    }
}
