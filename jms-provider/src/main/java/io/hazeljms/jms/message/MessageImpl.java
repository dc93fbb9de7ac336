package io.hazeljms.jms.message;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.store.MessageGroups;
import io.hazeljms.store.StoredMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

/**
 * A message without a body, and the base of the five body types: headers, properties, the read-only states,
 * acknowledgement and conversion to and from the store's {@link StoredMessage}.
 *
 * <p>A message the application creates is writable. One built by {@link #fromStored} (a received message) has
 * read-only properties until {@link #clearProperties()} and a read-only body until {@link #clearBody()}.
 * Like all JMS messages it is not thread-safe.
 */
public class MessageImpl implements Message {

    private String messageId;
    private long timestamp;
    /** The correlation ID when set as a String; at most one of this and {@link #correlationIdBytes} is set. */
    private String correlationId;
    private byte[] correlationIdBytes;
    private Destination replyTo;
    private Destination destination;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private boolean redelivered;
    private String type;
    private long expiration;
    private long deliveryTime;
    private int priority = Message.DEFAULT_PRIORITY;

    private final MessageProperties properties = new MessageProperties();
    private boolean bodyReadOnly;
    private Acknowledger acknowledger;

    /** A new, writable message without a body. */
    public MessageImpl() {
    }

    // --- conversion ------------------------------------------------------------------------------------------

    /**
     * The store record for sending this message to {@code storeDestinationName}: headers, properties (less the
     * provider-maintained JMSXDeliveryCount) and the encoded body. Shares no mutable state with this message.
     *
     * @throws jakarta.jms.InvalidDestinationException if JMSReplyTo is neither a Queue nor a Topic
     */
    public StoredMessage toStored(String storeDestinationName) throws JMSException {
        StoredMessage m = new StoredMessage(messageId, storeDestinationName)
                .priority(priority)
                .persistent(deliveryMode != DeliveryMode.NON_PERSISTENT)
                .timestamp(timestamp)
                .expiration(expiration)
                .deliveryTime(deliveryTime)
                .correlationId(getJMSCorrelationID())
                .correlationIdBytes(correlationIdBytes == null ? null : correlationIdBytes.clone())
                .replyTo(replyTo == null ? null : HazelcastDestination.of(replyTo).encode())
                .type(type)
                .properties(properties.snapshot())
                .bodyType(storedBodyType())
                .body(encodeBody());
        m.properties().remove(PropertyNames.JMSX_DELIVERY_COUNT); // the store counts deliveries itself
        m.properties().remove(MessageGroups.FIRST_FOR_CONSUMER); // says how one delivery went, as the count
        return m;
    }

    /**
     * The message a consumer receives for a store record: the subclass matching its body type, with read-only
     * properties and body (Bytes and Stream messages positioned at the start for reading).
     *
     * @param m              the record; {@code m.deliveryCount()} is taken as this delivery's JMSXDeliveryCount
     *                       (the store increments it before handing the message out), so 1 means a first delivery
     * @param jmsDestination the JMSDestination to report
     * @param policy         what an ObjectMessage body may deserialize; null means {@link DeserializationPolicy#defaults()}
     */
    public static MessageImpl fromStored(StoredMessage m, Destination jmsDestination, DeserializationPolicy policy)
            throws JMSException {
        MessageImpl msg = forBodyType(m.bodyType(), policy == null ? DeserializationPolicy.defaults() : policy);
        msg.messageId = m.messageId();
        msg.timestamp = m.timestamp();
        if (m.correlationIdBytes() != null) {
            msg.correlationIdBytes = m.correlationIdBytes().clone();
        } else {
            msg.correlationId = m.correlationId();
        }
        msg.replyTo = HazelcastDestination.decode(m.replyTo());
        msg.destination = jmsDestination;
        msg.deliveryMode = m.persistent() ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT;
        msg.type = m.type();
        msg.expiration = m.expiration();
        msg.deliveryTime = m.deliveryTime();
        msg.priority = m.priority();
        int deliveryCount = Math.max(1, m.deliveryCount());
        msg.redelivered = deliveryCount > 1;
        m.properties().forEach(msg.properties::putInternal);
        msg.properties.putInternal(PropertyNames.JMSX_DELIVERY_COUNT, deliveryCount);
        msg.properties.setReadOnly(true);
        msg.decodeBody(m.body());
        msg.makeBodyReadOnly();
        return msg;
    }

    /**
     * Our copy of another provider's message, for sending it (spec 3.12: a provider must accept foreign
     * messages). Copies headers, properties and body; the sender then sets the send-time headers.
     */
    public static MessageImpl copyOf(Message foreign) throws JMSException {
        return ForeignMessages.copy(foreign);
    }

    private static MessageImpl forBodyType(byte bodyType, DeserializationPolicy policy) throws JMSException {
        switch (bodyType) {
            case StoredMessage.BODY_NONE: return new MessageImpl();
            case StoredMessage.BODY_TEXT: return new TextMessageImpl();
            case StoredMessage.BODY_BYTES: return new BytesMessageImpl();
            case StoredMessage.BODY_MAP: return new MapMessageImpl();
            case StoredMessage.BODY_OBJECT: return new ObjectMessageImpl(policy);
            case StoredMessage.BODY_STREAM: return new StreamMessageImpl();
            default: throw new JMSException(ProviderError.BODY_TYPE_UNKNOWN.text(bodyType));
        }
    }

    // --- body hooks for the subclasses -----------------------------------------------------------------------

    /** The {@code StoredMessage.BODY_*} constant of this message type. */
    protected byte storedBodyType() {
        return StoredMessage.BODY_NONE;
    }

    /** The body for the store, in a fresh array (or null). */
    protected byte[] encodeBody() throws JMSException {
        return null;
    }

    /** Sets the body from {@link #encodeBody()}'s output. Called on a new message, before it is made read-only. */
    protected void decodeBody(byte[] body) throws JMSException {
    }

    /** Empties the body (the read-only flag is handled by {@link #clearBody()}). */
    protected void clearBodyContent() throws JMSException {
    }

    /** Makes the body read-only; Bytes and Stream messages also switch to reading from the start. */
    protected void makeBodyReadOnly() throws JMSException {
        bodyReadOnly = true;
    }

    protected final boolean isBodyReadOnly() {
        return bodyReadOnly;
    }

    /** @throws MessageNotWriteableException when the body is read-only */
    protected final void checkBodyWritable() throws MessageNotWriteableException {
        if (bodyReadOnly) {
            throw new MessageNotWriteableException(ProviderError.BODY_READ_ONLY.text(typeName()));
        }
    }

    /** Whether there is a body; {@link #getBody} returns null and anything is assignable when there is none. */
    protected boolean hasBody() throws JMSException {
        return false;
    }

    /** The body as {@code c}, called only when {@link #hasBody()}; MessageFormatException if not assignable. */
    protected <T> T bodyAs(Class<T> c) throws JMSException {
        return null;
    }

    /** Whether the body (present) can be returned as {@code c}. */
    protected boolean bodyAssignableTo(Class<?> c) throws JMSException {
        return true;
    }

    /** The error for {@link #getBody} with a type the body cannot be assigned to. */
    protected final MessageFormatException notAssignable(String bodyType, Class<?> c) {
        return new MessageFormatException(ProviderError.BODY_NOT_ASSIGNABLE.text(typeName(), bodyType, c.getName()));
    }

    /** The JMS interface name, for messages: TextMessage, BytesMessage, ... */
    String typeName() {
        return "Message";
    }

    // --- body ------------------------------------------------------------------------------------------------

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        return hasBody() ? bodyAs(c) : null;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        return !hasBody() || bodyAssignableTo(c);
    }

    @Override
    public void clearBody() throws JMSException {
        clearBodyContent();
        bodyReadOnly = false;
    }

    // --- acknowledgement -------------------------------------------------------------------------------------

    /** Set by the session that delivers this message; without one, {@link #acknowledge()} does nothing. */
    public void setAcknowledger(Acknowledger acknowledger) {
        this.acknowledger = acknowledger;
    }

    @Override
    public void acknowledge() throws JMSException {
        Acknowledger a = acknowledger;
        if (a != null) {
            a.acknowledge();
        }
    }

    // --- headers ---------------------------------------------------------------------------------------------

    @Override
    public String getJMSMessageID() {
        return messageId;
    }

    @Override
    public void setJMSMessageID(String id) {
        messageId = id;
    }

    @Override
    public long getJMSTimestamp() {
        return timestamp;
    }

    @Override
    public void setJMSTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    /** Set as bytes, the UTF-8 reading of those bytes (so selectors and String readers still see a value). */
    @Override
    public String getJMSCorrelationID() {
        if (correlationId == null && correlationIdBytes != null) {
            return new String(correlationIdBytes, StandardCharsets.UTF_8);
        }
        return correlationId;
    }

    @Override
    public void setJMSCorrelationID(String correlationID) {
        correlationId = correlationID;
        correlationIdBytes = null;
    }

    /** The bytes as set, or the UTF-8 encoding of a String correlation ID; a copy each time. */
    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        if (correlationIdBytes != null) {
            return correlationIdBytes.clone();
        }
        return correlationId == null ? null : correlationId.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationID) {
        correlationIdBytes = correlationID == null ? null : correlationID.clone();
        correlationId = null;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }

    @Override
    public void setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
    }

    @Override
    public Destination getJMSDestination() {
        return destination;
    }

    @Override
    public void setJMSDestination(Destination destination) {
        this.destination = destination;
    }

    @Override
    public int getJMSDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public void setJMSDeliveryMode(int deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    @Override
    public boolean getJMSRedelivered() {
        return redelivered;
    }

    @Override
    public void setJMSRedelivered(boolean redelivered) {
        this.redelivered = redelivered;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public void setJMSType(String type) {
        this.type = type;
    }

    @Override
    public long getJMSExpiration() {
        return expiration;
    }

    @Override
    public void setJMSExpiration(long expiration) {
        this.expiration = expiration;
    }

    @Override
    public long getJMSDeliveryTime() {
        return deliveryTime;
    }

    @Override
    public void setJMSDeliveryTime(long deliveryTime) {
        this.deliveryTime = deliveryTime;
    }

    @Override
    public int getJMSPriority() {
        return priority;
    }

    @Override
    public void setJMSPriority(int priority) {
        this.priority = priority;
    }

    // --- properties ------------------------------------------------------------------------------------------

    @Override
    public void clearProperties() {
        properties.clear();
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.exists(name);
    }

    @Override
    public boolean getBooleanProperty(String name) throws JMSException {
        return properties.getBoolean(name);
    }

    @Override
    public byte getByteProperty(String name) throws JMSException {
        return properties.getByte(name);
    }

    @Override
    public short getShortProperty(String name) throws JMSException {
        return properties.getShort(name);
    }

    @Override
    public int getIntProperty(String name) throws JMSException {
        return properties.getInt(name);
    }

    @Override
    public long getLongProperty(String name) throws JMSException {
        return properties.getLong(name);
    }

    @Override
    public float getFloatProperty(String name) throws JMSException {
        return properties.getFloat(name);
    }

    @Override
    public double getDoubleProperty(String name) throws JMSException {
        return properties.getDouble(name);
    }

    @Override
    public String getStringProperty(String name) throws JMSException {
        return properties.getString(name);
    }

    @Override
    public Object getObjectProperty(String name) {
        return properties.getObject(name);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Enumeration getPropertyNames() {
        return properties.names();
    }

    @Override
    public void setBooleanProperty(String name, boolean value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setByteProperty(String name, byte value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setShortProperty(String name, short value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setIntProperty(String name, int value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setLongProperty(String name, long value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setFloatProperty(String name, float value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setDoubleProperty(String name, double value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setStringProperty(String name, String value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setObjectProperty(String name, Object value) throws JMSException {
        properties.setObject(name, value);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + messageId + ", destination " + destination + "}";
    }
}
