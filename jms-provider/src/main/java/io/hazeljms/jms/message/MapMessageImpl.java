package io.hazeljms.jms.message;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.store.StoredMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message whose body is a set of name-value pairs: the property types plus char and byte[], read with the
 * spec's conversion table ({@link TypeConversions}). byte[] values are copied in and out, so the body is never
 * shared with the application.
 */
public class MapMessageImpl extends MessageImpl implements MapMessage {

    private static final String KIND = "map entry";

    private LinkedHashMap<String, Object> map = new LinkedHashMap<>();

    /** A new, writable message with an empty map. */
    public MapMessageImpl() {
    }

    // --- reading ---------------------------------------------------------------------------------------------

    @Override
    public boolean getBoolean(String name) throws JMSException {
        return TypeConversions.toBoolean(map.get(name), KIND, name);
    }

    @Override
    public byte getByte(String name) throws JMSException {
        return TypeConversions.toByte(map.get(name), KIND, name);
    }

    @Override
    public short getShort(String name) throws JMSException {
        return TypeConversions.toShort(map.get(name), KIND, name);
    }

    @Override
    public char getChar(String name) throws JMSException {
        return TypeConversions.toChar(map.get(name), KIND, name);
    }

    @Override
    public int getInt(String name) throws JMSException {
        return TypeConversions.toInt(map.get(name), KIND, name);
    }

    @Override
    public long getLong(String name) throws JMSException {
        return TypeConversions.toLong(map.get(name), KIND, name);
    }

    @Override
    public float getFloat(String name) throws JMSException {
        return TypeConversions.toFloat(map.get(name), KIND, name);
    }

    @Override
    public double getDouble(String name) throws JMSException {
        return TypeConversions.toDouble(map.get(name), KIND, name);
    }

    @Override
    public String getString(String name) throws JMSException {
        return TypeConversions.toText(map.get(name), KIND, name);
    }

    /** A copy of the byte[] value; null when absent or null. */
    @Override
    public byte[] getBytes(String name) throws JMSException {
        byte[] bytes = TypeConversions.toBytes(map.get(name), KIND, name);
        return bytes == null ? null : bytes.clone();
    }

    /** The value as its wrapper type (byte[] as a copy); null when absent. */
    @Override
    public Object getObject(String name) {
        return copyOfValue(map.get(name));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Enumeration getMapNames() {
        return Collections.enumeration(new ArrayList<>(map.keySet()));
    }

    @Override
    public boolean itemExists(String name) {
        return map.containsKey(name);
    }

    // --- writing ---------------------------------------------------------------------------------------------

    @Override
    public void setBoolean(String name, boolean value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setByte(String name, byte value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setShort(String name, short value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setChar(String name, char value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setInt(String name, int value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setLong(String name, long value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setFloat(String name, float value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setDouble(String name, double value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setString(String name, String value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setBytes(String name, byte[] value) throws JMSException {
        put(name, value == null ? null : value.clone());
    }

    @Override
    public void setBytes(String name, byte[] value, int offset, int length) throws JMSException {
        put(name, value == null ? null : Arrays.copyOfRange(value, offset, checkedEnd(value, offset, length)));
    }

    /** The property types, Character and byte[] (copied); null is stored as a null value. */
    @Override
    public void setObject(String name, Object value) throws JMSException {
        checkBodyWritable();
        if (value != null && !isMapType(value)) {
            throw new MessageFormatException(ProviderError.MAP_VALUE_TYPE.text(name, value.getClass().getName()));
        }
        put(name, copyOfValue(value));
    }

    private void put(String name, Object value) throws JMSException {
        checkBodyWritable();
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(ProviderError.MAP_NAME_EMPTY.text());
        }
        map.put(name, value);
    }

    private static int checkedEnd(byte[] value, int offset, int length) {
        if (offset < 0 || length < 0 || offset > value.length - length) {
            throw new IndexOutOfBoundsException(ProviderError.OFFSET_OUT_OF_RANGE.text(offset, length, value.length));
        }
        return offset + length;
    }

    static boolean isMapType(Object v) {
        return MessageProperties.isPropertyType(v) || v instanceof Character || v instanceof byte[];
    }

    private static Object copyOfValue(Object v) {
        return v instanceof byte[] b ? b.clone() : v;
    }

    // --- body hooks ------------------------------------------------------------------------------------------

    @Override
    protected byte storedBodyType() {
        return StoredMessage.BODY_MAP;
    }

    @Override
    protected byte[] encodeBody() {
        return BodyCodec.encodeMap(map);
    }

    @Override
    protected void decodeBody(byte[] body) throws JMSException {
        map = BodyCodec.decodeMap(body);
    }

    @Override
    protected void clearBodyContent() {
        map = new LinkedHashMap<>();
    }

    @Override
    protected boolean hasBody() {
        return !map.isEmpty();
    }

    /** A copy of the map (byte[] values copied too), so the caller cannot change the message. */
    @Override
    protected <T> T bodyAs(Class<T> c) throws JMSException {
        if (!bodyAssignableTo(c)) {
            throw notAssignable("java.util.Map", c);
        }
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.replaceAll((name, value) -> copyOfValue(value));
        return c.cast(copy);
    }

    @Override
    protected boolean bodyAssignableTo(Class<?> c) {
        return c.isAssignableFrom(Map.class);
    }

    @Override
    String typeName() {
        return "MapMessage";
    }
}
