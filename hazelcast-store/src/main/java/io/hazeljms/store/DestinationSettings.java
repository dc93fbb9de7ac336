package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.hazeljms.store.policy.DeadLetterPolicy;
import io.hazeljms.store.policy.DuplicatePolicy;
import io.hazeljms.store.policy.ExpiryPolicy;
import io.hazeljms.store.policy.LeasePolicy;
import io.hazeljms.store.policy.RedeliveryPolicy;

import java.io.IOException;

/**
 * Per-destination policy: dead letters ({@link DeadLetterPolicy}), expiry ({@link ExpiryPolicy}), redelivery
 * ({@link RedeliveryPolicy}), lease timeout ({@link LeasePolicy}), the send ids remembered to drop duplicates
 * ({@link DuplicatePolicy}), how much the destination (a queue, or each subscription of a topic) may hold, and the
 * owning connection of a temporary destination. Immutable once built.
 */
public final class DestinationSettings implements IdentifiedDataSerializable {

    public static final int DEFAULT_MAX_DELIVERY_ATTEMPTS = DeadLetterPolicy.DEFAULT_MAX_DELIVERY_ATTEMPTS;
    public static final String DEFAULT_DEAD_LETTER_QUEUE = DeadLetterPolicy.DEFAULT_QUEUE;
    /** Most messages a queue or one topic subscription holds (pending and in flight). */
    public static final int DEFAULT_MAX_MESSAGES = 100_000;
    /**
     * Most bytes (bodies plus an estimate of headers and properties, {@link StoredMessage#estimatedSize}) a queue
     * or one topic subscription holds: 32 MiB, about 45 MiB of heap on the primary and as much on each backup,
     * so a member with a 256 MiB heap holds a few full destinations; the member's memory guard covers many.
     */
    public static final long DEFAULT_MAX_BYTES = 32L << 20;

    private DeadLetterPolicy deadLetter = DeadLetterPolicy.DEFAULT;
    private ExpiryPolicy expiry = ExpiryPolicy.DEFAULT;
    private RedeliveryPolicy redelivery = RedeliveryPolicy.DEFAULT;
    private LeasePolicy lease = LeasePolicy.DEFAULT;
    private DuplicatePolicy duplicates = DuplicatePolicy.DEFAULT;
    private String temporaryOwnerNode;
    private String temporaryOwnerConnection;
    private int maxMessages = DEFAULT_MAX_MESSAGES;
    private long maxBytes = DEFAULT_MAX_BYTES;

    public DestinationSettings() {
    }

    public static DestinationSettings defaults() {
        return new DestinationSettings();
    }

    private DestinationSettings copy() {
        DestinationSettings c = new DestinationSettings();
        c.deadLetter = deadLetter;
        c.expiry = expiry;
        c.redelivery = redelivery;
        c.lease = lease;
        c.duplicates = duplicates;
        c.temporaryOwnerNode = temporaryOwnerNode;
        c.temporaryOwnerConnection = temporaryOwnerConnection;
        c.maxMessages = maxMessages;
        c.maxBytes = maxBytes;
        return c;
    }

    /**
     * @param messages most messages (pending and in flight) the queue, or each subscription of the topic, may
     *                 hold; a send that would pass it is refused whole (0 = no limit)
     */
    public DestinationSettings withMaxMessages(int messages) {
        if (messages < 0) {
            throw new IllegalArgumentException(StoreError.MAX_QUEUE_MESSAGES_NEGATIVE.text(messages));
        }
        DestinationSettings c = copy();
        c.maxMessages = messages;
        return c;
    }

    /**
     * @param bytes most bytes ({@link StoredMessage#estimatedSize}) the queue, or each subscription of the topic,
     *              may hold; a send that would pass it is refused whole (0 = no limit)
     */
    public DestinationSettings withMaxBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException(StoreError.MAX_QUEUE_BYTES_NEGATIVE.text(bytes));
        }
        DestinationSettings c = copy();
        c.maxBytes = bytes;
        return c;
    }

    /** @param attempts deliveries before a message moves to the dead-letter queue; at least 1 */
    public DestinationSettings withMaxDeliveryAttempts(int attempts) {
        DestinationSettings c = copy();
        c.deadLetter = new DeadLetterPolicy(attempts, deadLetter.queue());
        return c;
    }

    /** @param queue dead-letter queue name, or null to drop messages that exceed the attempts */
    public DestinationSettings withDeadLetterQueue(String queue) {
        DestinationSettings c = copy();
        c.deadLetter = new DeadLetterPolicy(deadLetter.maxDeliveryAttempts(), queue);
        return c;
    }

    /** @param queue where expired messages go, or null (the default) to drop them */
    public DestinationSettings withExpiryQueue(String queue) {
        DestinationSettings c = copy();
        c.expiry = new ExpiryPolicy(queue);
        return c;
    }

    /** @param delay how long a released message waits before it is delivered again; not negative */
    public DestinationSettings withRedeliveryDelayMillis(long delay) {
        DestinationSettings c = copy();
        c.redelivery = new RedeliveryPolicy(delay);
        return c;
    }

    /** @param timeout how long a received message may stay unacknowledged before it is released; 0: never */
    public DestinationSettings withLeaseTimeoutMillis(long timeout) {
        DestinationSettings c = copy();
        c.lease = new LeasePolicy(timeout);
        return c;
    }

    /** @param size how many send ids (duplicate ids, else message ids) to remember; 0: none */
    public DestinationSettings withDuplicateIdCacheSize(int size) {
        DestinationSettings c = copy();
        c.duplicates = new DuplicatePolicy(size);
        return c;
    }

    /** Marks the destination temporary, owned by one connection on one node. */
    public DestinationSettings withTemporaryOwner(String nodeId, String connectionId) {
        DestinationSettings c = copy();
        c.temporaryOwnerNode = nodeId;
        c.temporaryOwnerConnection = connectionId;
        return c;
    }

    public DeadLetterPolicy deadLetter() { return deadLetter; }
    public ExpiryPolicy expiry() { return expiry; }
    public RedeliveryPolicy redelivery() { return redelivery; }
    public LeasePolicy lease() { return lease; }
    public DuplicatePolicy duplicates() { return duplicates; }
    public int maxMessages() { return maxMessages; }
    public long maxBytes() { return maxBytes; }
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
        out.writeInt(deadLetter.maxDeliveryAttempts());
        out.writeString(deadLetter.queue());
        out.writeString(expiry.queue());
        out.writeLong(redelivery.delayMillis());
        out.writeString(temporaryOwnerNode);
        out.writeString(temporaryOwnerConnection);
        out.writeInt(maxMessages);
        out.writeLong(maxBytes);
        out.writeLong(lease.timeoutMillis());
        out.writeInt(duplicates.idCacheSize());
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        deadLetter = new DeadLetterPolicy(in.readInt(), in.readString());
        expiry = new ExpiryPolicy(in.readString());
        redelivery = new RedeliveryPolicy(in.readLong());
        temporaryOwnerNode = in.readString();
        temporaryOwnerConnection = in.readString();
        maxMessages = in.readInt();
        maxBytes = in.readLong();
        lease = new LeasePolicy(in.readLong());
        duplicates = new DuplicatePolicy(in.readInt());
    }

    @Override
    public String toString() {
        return "DestinationSettings{" + deadLetter + ", " + expiry + ", " + redelivery + ", " + lease + ", "
                + duplicates
                + ", maxMessages=" + maxMessages + ", maxBytes=" + maxBytes
                + (isTemporary() ? ", temporary" : "") + "}";
    }
}
