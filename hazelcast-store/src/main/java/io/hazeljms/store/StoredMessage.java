package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message as the store keeps it: headers, typed properties and an opaque body. A self-contained record
 * (no references into the ordering structures), so a durable store can write, delete and load it on its own.
 *
 * <p>Property values are limited to the JMS property types: Boolean, Byte, Short, Integer, Long, Float,
 * Double, String. The body is encoded by the provider; {@link #bodyType()} tells how.
 */
public final class StoredMessage implements IdentifiedDataSerializable {

    public static final byte BODY_NONE = 0;
    public static final byte BODY_TEXT = 1;
    public static final byte BODY_BYTES = 2;
    public static final byte BODY_MAP = 3;
    public static final byte BODY_OBJECT = 4;
    public static final byte BODY_STREAM = 5;

    /**
     * The application's duplicate-detection id (a String property): a second send of a message with the same id to
     * the same destination, within its {@code duplicateIdCacheSize}, is accepted and not stored.
     */
    public static final String DUPLICATE_ID_PROPERTY = "HJMS_DuplicateId";
    /** Artemis' name for it ({@code Message.HDR_DUPLICATE_DETECTION_ID}), honoured for migrating users. */
    public static final String ARTEMIS_DUPLICATE_ID_PROPERTY = "_AMQ_DUPL_ID";
    /** Prefix that keeps an application's duplicate ids apart from message ids in a destination's send ids. */
    private static final char DUPLICATE_ID_MARK = '\u0001';

    private String messageId;
    private String destination;
    /** Store-assigned arrival order within the destination. */
    private long sequence;
    private int priority = 4;
    private boolean persistent = true;
    private long timestamp;
    /** Absolute expiry time in ms, 0 = never. */
    private long expiration;
    /** Earliest delivery time in ms (delivery delay), 0 = at once. */
    private long deliveryTime;
    private String correlationId;
    private byte[] correlationIdBytes;
    /** Encoded reply-to destination ({@code queue:name}, {@code topic:name}), or null. */
    private String replyTo;
    private String type;
    /** Connection that produced the message, for {@code noLocal} subscriptions. */
    private String originConnectionId;
    private int deliveryCount;
    /** Earliest time a redelivery may happen (redelivery delay), 0 = at once. */
    private long redeliverAfter;
    private Map<String, Object> properties = new LinkedHashMap<>();
    private byte bodyType;
    private byte[] body;
    /** {@link #estimatedSize()} once computed; -1 before. Not copied: a copy may get other properties. */
    private transient int estimatedSize = -1;

    /**
     * Fixed bytes per stored message beyond its fields' contents: the object and its arrays' headers, its
     * entries in the ordering maps, a lease while in flight. With it a queued 1 KiB message estimates at about
     * 1,400 bytes, what the benchmark measured per message on the heap.
     */
    static final int OVERHEAD_BYTES = 200;

    public StoredMessage() {
    }

    public StoredMessage(String messageId, String destination) {
        this.messageId = messageId;
        this.destination = destination;
    }

    /** A deep-enough copy: properties map and arrays are not shared with the original. */
    public StoredMessage copy() {
        StoredMessage c = new StoredMessage(messageId, destination);
        c.sequence = sequence;
        c.priority = priority;
        c.persistent = persistent;
        c.timestamp = timestamp;
        c.expiration = expiration;
        c.deliveryTime = deliveryTime;
        c.correlationId = correlationId;
        c.correlationIdBytes = correlationIdBytes == null ? null : correlationIdBytes.clone();
        c.replyTo = replyTo;
        c.type = type;
        c.originConnectionId = originConnectionId;
        c.deliveryCount = deliveryCount;
        c.redeliverAfter = redeliverAfter;
        c.properties = new LinkedHashMap<>(properties);
        c.bodyType = bodyType;
        c.body = body;
        return c;
    }

    /** The application's duplicate id ({@link #DUPLICATE_ID_PROPERTY}, else Artemis' name), or null. */
    public String duplicateId() {
        Object id = properties.get(DUPLICATE_ID_PROPERTY);
        if (id == null) {
            id = properties.get(ARTEMIS_DUPLICATE_ID_PROPERTY);
        }
        return id instanceof String s && !s.isEmpty() ? s : null;
    }

    /**
     * What a destination remembers of this send to drop it when made again: the application's duplicate id, else
     * the message id (the same for the store's own retries of a send whose outcome was in doubt). A message moved to
     * a dead-letter or expiry queue is known there by its message id alone: two messages sent with one duplicate id
     * far apart may both end up there, and neither may be lost on the way.
     */
    public String sendId() {
        String duplicateId = properties.containsKey(DestinationState.ORIGIN_PROPERTY) ? null : duplicateId();
        return duplicateId == null ? messageId : DUPLICATE_ID_MARK + duplicateId;
    }

    /** The 64-bit hash a destination remembers of {@link #sendId} (what the durable store keeps of it). */
    public long sendIdHash() {
        return RecentIds.hash(sendId());
    }

    /** When the message may be delivered next: its delivery time and any redelivery delay. */
    public long availableAt() {
        return Math.max(deliveryTime, redeliverAfter);
    }

    public boolean isExpired(long now) {
        return expiration > 0 && expiration <= now;
    }

    /**
     * The value a selector sees for an identifier: the header fields the spec lets selectors name, JMSX
     * properties the store maintains, then the application's properties. Null when absent.
     */
    public Object selectorValue(String identifier) {
        switch (identifier) {
            case "JMSDeliveryMode":
                return persistent ? "PERSISTENT" : "NON_PERSISTENT";
            case "JMSPriority":
                return priority;
            case "JMSMessageID":
                return messageId;
            case "JMSTimestamp":
                return timestamp;
            case "JMSCorrelationID":
                return correlationId;
            case "JMSType":
                return type;
            case "JMSXDeliveryCount":
                return deliveryCount + 1;
            default:
                return properties.get(identifier);
        }
    }

    /**
     * What this message costs on the heap of each member that holds it, roughly: its body, its header strings
     * and properties, plus {@link #OVERHEAD_BYTES}. Computed once (the store does not change what it counts),
     * so adding it at enqueue and taking it off at removal always balance.
     */
    public int estimatedSize() {
        int size = estimatedSize;
        if (size < 0) {
            long n = OVERHEAD_BYTES + length(body) + length(correlationIdBytes) + length(messageId)
                    + length(correlationId) + length(replyTo) + length(type) + length(originConnectionId);
            for (Map.Entry<String, Object> e : properties.entrySet()) {
                n += 48 + length(e.getKey()) + (e.getValue() instanceof String v ? length(v) : 16);
            }
            estimatedSize = size = (int) Math.min(Integer.MAX_VALUE, n);
        }
        return size;
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : 16 + bytes.length;
    }

    /** A compact (Latin-1) string: object, array header and one byte a character; twice that for others. */
    private static int length(String s) {
        return s == null ? 0 : 40 + s.length();
    }

    // --- accessors -------------------------------------------------------------------------------------------

    public String messageId() { return messageId; }
    public StoredMessage messageId(String v) { messageId = v; return this; }
    public String destination() { return destination; }
    public StoredMessage destination(String v) { destination = v; return this; }
    public long sequence() { return sequence; }
    public StoredMessage sequence(long v) { sequence = v; return this; }

    /**
     * Its place in its queue's delivery order: higher priority first, then arrival (the sequence fits in 56
     * bits). A page of {@link Administration#browse} resumes after the last one's key.
     */
    public long orderKey() {
        return ((long) (9 - priority) << 56) | sequence;
    }

    public int priority() { return priority; }
    public StoredMessage priority(int v) { priority = v; return this; }
    public boolean persistent() { return persistent; }
    public StoredMessage persistent(boolean v) { persistent = v; return this; }
    public long timestamp() { return timestamp; }
    public StoredMessage timestamp(long v) { timestamp = v; return this; }
    public long expiration() { return expiration; }
    public StoredMessage expiration(long v) { expiration = v; return this; }
    public long deliveryTime() { return deliveryTime; }
    public StoredMessage deliveryTime(long v) { deliveryTime = v; return this; }
    public String correlationId() { return correlationId; }
    public StoredMessage correlationId(String v) { correlationId = v; return this; }
    public byte[] correlationIdBytes() { return correlationIdBytes; }
    public StoredMessage correlationIdBytes(byte[] v) { correlationIdBytes = v; return this; }
    public String replyTo() { return replyTo; }
    public StoredMessage replyTo(String v) { replyTo = v; return this; }
    public String type() { return type; }
    public StoredMessage type(String v) { type = v; return this; }
    public String originConnectionId() { return originConnectionId; }
    public StoredMessage originConnectionId(String v) { originConnectionId = v; return this; }
    /** Deliveries so far: 0 while never delivered; a claimed message counts its current delivery (1 = first). */
    public int deliveryCount() { return deliveryCount; }
    public StoredMessage deliveryCount(int v) { deliveryCount = v; return this; }
    public long redeliverAfter() { return redeliverAfter; }
    public StoredMessage redeliverAfter(long v) { redeliverAfter = v; return this; }
    public Map<String, Object> properties() { return properties; }
    public StoredMessage properties(Map<String, Object> v) { properties = new LinkedHashMap<>(v); return this; }
    public byte bodyType() { return bodyType; }
    public StoredMessage bodyType(byte v) { bodyType = v; return this; }
    public byte[] body() { return body; }
    public StoredMessage body(byte[] v) { body = v; return this; }

    // --- serialization ---------------------------------------------------------------------------------------

    @Override
    public int getFactoryId() {
        return StoreSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.STORED_MESSAGE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        writeTo(out);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        readFrom(in);
    }

    /** The message's one encoding: in Hazelcast and in the durable store's records. */
    public void writeTo(DataOutput out) throws IOException {
        Fields.writeString(out, messageId);
        Fields.writeString(out, destination);
        out.writeLong(sequence);
        out.writeByte(priority);
        out.writeBoolean(persistent);
        out.writeLong(timestamp);
        out.writeLong(expiration);
        out.writeLong(deliveryTime);
        Fields.writeString(out, correlationId);
        Fields.writeBytes(out, correlationIdBytes);
        Fields.writeString(out, replyTo);
        Fields.writeString(out, type);
        Fields.writeString(out, originConnectionId);
        out.writeInt(deliveryCount);
        out.writeLong(redeliverAfter);
        TypedValues.writeMap(out, properties);
        out.writeByte(bodyType);
        Fields.writeBytes(out, body);
    }

    public void readFrom(DataInput in) throws IOException {
        messageId = Fields.readString(in);
        destination = Fields.readString(in);
        sequence = in.readLong();
        priority = in.readByte();
        persistent = in.readBoolean();
        timestamp = in.readLong();
        expiration = in.readLong();
        deliveryTime = in.readLong();
        correlationId = Fields.readString(in);
        correlationIdBytes = Fields.readBytes(in);
        replyTo = Fields.readString(in);
        type = Fields.readString(in);
        originConnectionId = Fields.readString(in);
        deliveryCount = in.readInt();
        redeliverAfter = in.readLong();
        properties = TypedValues.readMap(in);
        bodyType = in.readByte();
        body = Fields.readBytes(in);
    }

    @Override
    public String toString() {
        return "StoredMessage{" + messageId + " on " + destination + ", priority " + priority
                + ", deliveries " + deliveryCount + "}";
    }
}
