package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/** A snapshot of one destination's counters, for administration and management. */
public final class DestinationStats implements IdentifiedDataSerializable {

    private String name;
    private long pending;
    private long inFlight;
    private long enqueued;
    private long acknowledged;
    private long expired;
    private long deadLettered;
    private boolean temporary;
    private long bytes;
    private int maxMessages;
    private long maxBytes;
    private long scheduled;
    private int subscriptionConsumers;
    private long duplicatesDropped;

    public DestinationStats() {
    }

    DestinationStats(String name, long pending, long inFlight, long enqueued, long acknowledged, long expired,
                     long deadLettered, boolean temporary, long bytes, int maxMessages, long maxBytes,
                     long scheduled, int subscriptionConsumers, long duplicatesDropped) {
        this.name = name;
        this.pending = pending;
        this.inFlight = inFlight;
        this.enqueued = enqueued;
        this.acknowledged = acknowledged;
        this.expired = expired;
        this.deadLettered = deadLettered;
        this.temporary = temporary;
        this.bytes = bytes;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        this.scheduled = scheduled;
        this.subscriptionConsumers = subscriptionConsumers;
        this.duplicatesDropped = duplicatesDropped;
    }

    public String name() { return name; }
    /** Messages waiting for delivery (including delayed ones). */
    public long pending() { return pending; }
    /** Messages delivered and not yet acknowledged. */
    public long inFlight() { return inFlight; }
    /** Depth as users see it: pending plus in flight. */
    public long depth() { return pending + inFlight; }
    public long enqueued() { return enqueued; }
    public long acknowledged() { return acknowledged; }
    public long expired() { return expired; }
    public long deadLettered() { return deadLettered; }
    public boolean temporary() { return temporary; }
    /** Estimated bytes held, pending and in flight ({@link StoredMessage#estimatedSize}). */
    public long bytes() { return bytes; }
    /** The queue's (or each subscription's) message limit, 0 = none. */
    public int maxMessages() { return maxMessages; }
    /** The queue's (or each subscription's) byte limit, 0 = none. */
    public long maxBytes() { return maxBytes; }

    /** Pending messages whose delivery time (or redelivery delay) has not come yet; part of {@link #pending()}. */
    public long scheduled() { return scheduled; }
    /**
     * For a topic: consumers attached to its subscriptions (the store keeps them); 0 for a queue, whose consumers
     * are counted apart ({@code Administration.consumers}).
     */
    public int subscriptionConsumers() { return subscriptionConsumers; }

    /**
     * Sends accepted and not stored because the destination had them already: a duplicate id seen within
     * {@code duplicateIdCacheSize}, or a send made again after an in-doubt outcome (the store's own retries too).
     */
    public long duplicatesDropped() { return duplicatesDropped; }

    @Override
    public int getFactoryId() {
        return StoreSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.DESTINATION_STATS;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(name);
        out.writeLong(pending);
        out.writeLong(inFlight);
        out.writeLong(enqueued);
        out.writeLong(acknowledged);
        out.writeLong(expired);
        out.writeLong(deadLettered);
        out.writeBoolean(temporary);
        out.writeLong(bytes);
        out.writeInt(maxMessages);
        out.writeLong(maxBytes);
        out.writeLong(scheduled);
        out.writeInt(subscriptionConsumers);
        out.writeLong(duplicatesDropped);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        name = in.readString();
        pending = in.readLong();
        inFlight = in.readLong();
        enqueued = in.readLong();
        acknowledged = in.readLong();
        expired = in.readLong();
        deadLettered = in.readLong();
        temporary = in.readBoolean();
        bytes = in.readLong();
        maxMessages = in.readInt();
        maxBytes = in.readLong();
        scheduled = in.readLong();
        subscriptionConsumers = in.readInt();
        duplicatesDropped = in.readLong();
    }

    @Override
    public String toString() {
        return name + "{pending=" + pending + ", inFlight=" + inFlight + ", enqueued=" + enqueued + "}";
    }
}
