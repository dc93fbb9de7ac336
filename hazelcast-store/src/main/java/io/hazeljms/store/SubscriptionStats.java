package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/** A snapshot of one topic subscription: what it is, how many consumers it has, and its queue's counters. */
public final class SubscriptionStats implements IdentifiedDataSerializable {

    private String name;
    private boolean durable;
    private boolean shared;
    private String selector;
    private int consumers;
    private DestinationStats stats;

    public SubscriptionStats() {
    }

    public SubscriptionStats(String name, boolean durable, boolean shared, String selector, int consumers,
                             DestinationStats stats) {
        this.name = name;
        this.durable = durable;
        this.shared = shared;
        this.selector = selector;
        this.consumers = consumers;
        this.stats = stats;
    }

    public String name() { return name; }
    public boolean durable() { return durable; }
    public boolean shared() { return shared; }
    /** The subscription's message selector, null for none. */
    public String selector() { return selector; }
    public int consumers() { return consumers; }
    public DestinationStats stats() { return stats; }

    @Override
    public int getFactoryId() {
        return StoreSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.SUBSCRIPTION_STATS;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(name);
        out.writeBoolean(durable);
        out.writeBoolean(shared);
        out.writeString(selector);
        out.writeInt(consumers);
        out.writeObject(stats);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        name = in.readString();
        durable = in.readBoolean();
        shared = in.readBoolean();
        selector = in.readString();
        consumers = in.readInt();
        stats = in.readObject();
    }
}
