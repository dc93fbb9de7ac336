package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/**
 * Per-destination policy: how many deliveries before dead-lettering, where dead and expired messages go, the
 * redelivery delay, and the owning connection of a temporary destination. Immutable once built.
 */
public final class DestinationSettings implements IdentifiedDataSerializable {

    public static final int DEFAULT_MAX_DELIVERY_ATTEMPTS = 10;
    public static final String DEFAULT_DEAD_LETTER_QUEUE = "DLQ";

    private int maxDeliveryAttempts = DEFAULT_MAX_DELIVERY_ATTEMPTS;
    private String deadLetterQueue = DEFAULT_DEAD_LETTER_QUEUE;
    private String expiryQueue;
    private long redeliveryDelayMillis;
    private String temporaryOwnerNode;
    private String temporaryOwnerConnection;
    private int maxBacklog;

    public DestinationSettings() {
    }

    public static DestinationSettings defaults() {
        return new DestinationSettings();
    }

    private DestinationSettings copy() {
        DestinationSettings c = new DestinationSettings();
        c.maxDeliveryAttempts = maxDeliveryAttempts;
        c.deadLetterQueue = deadLetterQueue;
        c.expiryQueue = expiryQueue;
        c.redeliveryDelayMillis = redeliveryDelayMillis;
        c.temporaryOwnerNode = temporaryOwnerNode;
        c.temporaryOwnerConnection = temporaryOwnerConnection;
        c.maxBacklog = maxBacklog;
        return c;
    }

    /**
     * @param messages most messages one topic subscription may hold before publishes to the topic are
     *                 refused (0 = no limit), so one slow subscriber cannot grow without bound
     */
    public DestinationSettings withMaxBacklog(int messages) {
        if (messages < 0) {
            throw new IllegalArgumentException("HJMS-STORE-012 maxBacklog must not be negative, was " + messages);
        }
        DestinationSettings c = copy();
        c.maxBacklog = messages;
        return c;
    }

    /** @param attempts deliveries before a message moves to the dead-letter queue; at least 1 */
    public DestinationSettings withMaxDeliveryAttempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("HJMS-STORE-010 maxDeliveryAttempts must be at least 1, was " + attempts);
        }
        DestinationSettings c = copy();
        c.maxDeliveryAttempts = attempts;
        return c;
    }

    /** @param queue dead-letter queue name, or null to drop messages that exceed the attempts */
    public DestinationSettings withDeadLetterQueue(String queue) {
        DestinationSettings c = copy();
        c.deadLetterQueue = blankToNull(queue);
        return c;
    }

    /** @param queue where expired messages go, or null (the default) to drop them */
    public DestinationSettings withExpiryQueue(String queue) {
        DestinationSettings c = copy();
        c.expiryQueue = blankToNull(queue);
        return c;
    }

    public DestinationSettings withRedeliveryDelayMillis(long delay) {
        if (delay < 0) {
            throw new IllegalArgumentException("HJMS-STORE-011 redeliveryDelay must not be negative, was " + delay);
        }
        DestinationSettings c = copy();
        c.redeliveryDelayMillis = delay;
        return c;
    }

    /** Marks the destination temporary, owned by one connection on one node. */
    public DestinationSettings withTemporaryOwner(String nodeId, String connectionId) {
        DestinationSettings c = copy();
        c.temporaryOwnerNode = nodeId;
        c.temporaryOwnerConnection = connectionId;
        return c;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public int maxDeliveryAttempts() { return maxDeliveryAttempts; }
    public String deadLetterQueue() { return deadLetterQueue; }
    public String expiryQueue() { return expiryQueue; }
    public long redeliveryDelayMillis() { return redeliveryDelayMillis; }
    public int maxBacklog() { return maxBacklog; }
    public boolean isTemporary() { return temporaryOwnerConnection != null; }
    public String temporaryOwnerNode() { return temporaryOwnerNode; }
    public String temporaryOwnerConnection() { return temporaryOwnerConnection; }

    @Override
    public int getFactoryId() {
        return StoreSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.DESTINATION_SETTINGS;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(maxDeliveryAttempts);
        out.writeString(deadLetterQueue);
        out.writeString(expiryQueue);
        out.writeLong(redeliveryDelayMillis);
        out.writeString(temporaryOwnerNode);
        out.writeString(temporaryOwnerConnection);
        out.writeInt(maxBacklog);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        maxDeliveryAttempts = in.readInt();
        deadLetterQueue = in.readString();
        expiryQueue = in.readString();
        redeliveryDelayMillis = in.readLong();
        temporaryOwnerNode = in.readString();
        temporaryOwnerConnection = in.readString();
        maxBacklog = in.readInt();
    }

    @Override
    public String toString() {
        return "DestinationSettings{maxDeliveryAttempts=" + maxDeliveryAttempts + ", deadLetterQueue=" + deadLetterQueue
                + ", expiryQueue=" + expiryQueue + ", redeliveryDelayMillis=" + redeliveryDelayMillis
                + ", maxBacklog=" + maxBacklog
                + (isTemporary() ? ", temporary" : "") + "}";
    }
}
