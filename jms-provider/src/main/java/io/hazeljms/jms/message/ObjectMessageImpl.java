package io.hazeljms.jms.message;

import io.hazeljms.store.StoredMessage;
import jakarta.jms.JMSException;
import jakarta.jms.ObjectMessage;

import java.io.Serializable;

/**
 * A message whose body is a serializable object. The object is serialized when set (so later changes to it do
 * not change the message, and a non-serializable object fails at once) and deserialized on every
 * {@link #getObject()}, which therefore returns a fresh copy each time.
 *
 * <p>Bytes that came from the broker are deserialized under the {@link DeserializationPolicy} the message was
 * received with. Bytes this message serialized itself come from an object that already lived in this JVM, so
 * they are trusted and deserialized without the allow-list.
 */
public class ObjectMessageImpl extends MessageImpl implements ObjectMessage {

    private static final DeserializationPolicy TRUSTED = DeserializationPolicy.allowingEverything();

    private final DeserializationPolicy receivedPolicy;
    private byte[] serialized;
    /** Whether {@link #serialized} was produced here by {@link #setObject} (rather than received). */
    private boolean selfSerialized;

    /** A new, writable message without an object; a received body would be read under the defaults. */
    public ObjectMessageImpl() {
        this(DeserializationPolicy.defaults());
    }

    /** A new, writable message holding a serialized copy of {@code object}. */
    public ObjectMessageImpl(Serializable object) throws JMSException {
        this();
        setObject(object);
    }

    /** A message whose received body will be deserialized under {@code policy}. */
    public ObjectMessageImpl(DeserializationPolicy policy) {
        this.receivedPolicy = policy;
    }

    @Override
    public void setObject(Serializable object) throws JMSException {
        checkBodyWritable();
        serialized = object == null ? null : JavaSerialization.serialize(object);
        selfSerialized = true;
    }

    /**
     * A new copy of the body object, or null.
     *
     * @throws jakarta.jms.MessageFormatException if the body contains a class the deserialization policy refuses
     *                                            (the message names it) or cannot be deserialized
     */
    @Override
    public Serializable getObject() throws JMSException {
        if (serialized == null) {
            return null;
        }
        Object o = JavaSerialization.deserialize(serialized, selfSerialized ? TRUSTED : receivedPolicy);
        return (Serializable) o;
    }

    // --- body hooks ------------------------------------------------------------------------------------------

    @Override
    protected byte storedBodyType() {
        return StoredMessage.BODY_OBJECT;
    }

    @Override
    protected byte[] encodeBody() {
        return serialized == null ? null : serialized.clone();
    }

    /** Keeps the stored array without copying: it is never modified, only deserialized. */
    @Override
    protected void decodeBody(byte[] body) {
        serialized = body;
        selfSerialized = false;
    }

    @Override
    protected void clearBodyContent() {
        serialized = null;
    }

    @Override
    protected boolean hasBody() {
        return serialized != null;
    }

    @Override
    protected <T> T bodyAs(Class<T> c) throws JMSException {
        Serializable object = getObject();
        if (!c.isInstance(object)) {
            throw notAssignable(object.getClass().getName(), c);
        }
        return c.cast(object);
    }

    /** False too when the body cannot be deserialized (spec). */
    @Override
    protected boolean bodyAssignableTo(Class<?> c) {
        try {
            return c.isInstance(getObject());
        } catch (JMSException e) {
            return false;
        }
    }

    @Override
    String typeName() {
        return "ObjectMessage";
    }
}
