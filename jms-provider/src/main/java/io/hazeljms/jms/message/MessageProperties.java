package io.hazeljms.jms.message;

import io.hazeljms.jms.DuplicateDetection;
import io.hazeljms.jms.ProviderError;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message's properties: name checks and JMSX rules on write, the spec's conversion table on read, and the
 * read-only state a received message's properties are in until {@link #clear()}.
 *
 * <p>Values are only ever Boolean, Byte, Short, Integer, Long, Float, Double or String (or null), all immutable,
 * so a shallow copy of the map is a full copy.
 */
final class MessageProperties {

    private static final String KIND = "property";

    private final Map<String, Object> values = new LinkedHashMap<>();
    private boolean readOnly;

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    /** Empties the properties and makes them writable again (spec: clearProperties). */
    void clear() {
        values.clear();
        readOnly = false;
    }

    /** Sets a value that the caller has already checked is one of the eight property types (or null). */
    void set(String name, Object value) throws MessageFormatException, MessageNotWriteableException {
        checkWritable(name);
        PropertyNames.validate(name);
        PropertyNames.checkJmsxType(name, value);
        checkDuplicateId(name, value);
        values.put(name, value);
    }

    /** Like {@link #set} for an arbitrary object: refuses anything but the eight property types. */
    void setObject(String name, Object value) throws MessageFormatException, MessageNotWriteableException {
        checkWritable(name);
        if (value != null && !isPropertyType(value)) {
            throw new MessageFormatException(ProviderError.PROPERTY_TYPE_UNSUPPORTED.text(name,
                    value.getClass().getName()));
        }
        set(name, value);
    }

    /** A duplicate-detection id must be a non-empty String: the store would ignore any other value silently. */
    private static void checkDuplicateId(String name, Object value) throws MessageFormatException {
        boolean duplicateId = name.equals(DuplicateDetection.ID_PROPERTY)
                || name.equals(DuplicateDetection.ARTEMIS_ID_PROPERTY);
        if (value != null && duplicateId && !(value instanceof String s && !s.isEmpty())) {
            throw new MessageFormatException(ProviderError.DUPLICATE_ID_NOT_STRING.text(name,
                    value instanceof String ? "an empty String" : "a " + TypeConversions.typeName(value)));
        }
    }

    private void checkWritable(String name) throws MessageNotWriteableException {
        if (readOnly) {
            throw new MessageNotWriteableException(ProviderError.PROPERTIES_READ_ONLY.text(name));
        }
    }

    /** Puts a value read from the store or set by the provider, bypassing the read-only state. */
    void putInternal(String name, Object value) {
        values.put(name, value);
    }

    boolean exists(String name) {
        return values.containsKey(name);
    }

    Enumeration<String> names() {
        return Collections.enumeration(new ArrayList<>(values.keySet()));
    }

    /** A copy of all properties, for conversion to the store record. */
    Map<String, Object> snapshot() {
        return new LinkedHashMap<>(values);
    }

    Object getObject(String name) {
        return values.get(name);
    }

    boolean getBoolean(String name) throws MessageFormatException {
        return TypeConversions.toBoolean(values.get(name), KIND, name);
    }

    byte getByte(String name) throws MessageFormatException {
        return TypeConversions.toByte(values.get(name), KIND, name);
    }

    short getShort(String name) throws MessageFormatException {
        return TypeConversions.toShort(values.get(name), KIND, name);
    }

    int getInt(String name) throws MessageFormatException {
        return TypeConversions.toInt(values.get(name), KIND, name);
    }

    long getLong(String name) throws MessageFormatException {
        return TypeConversions.toLong(values.get(name), KIND, name);
    }

    float getFloat(String name) throws MessageFormatException {
        return TypeConversions.toFloat(values.get(name), KIND, name);
    }

    double getDouble(String name) throws MessageFormatException {
        return TypeConversions.toDouble(values.get(name), KIND, name);
    }

    String getString(String name) throws MessageFormatException {
        return TypeConversions.toText(values.get(name), KIND, name);
    }

    static boolean isPropertyType(Object v) {
        return v instanceof Boolean || v instanceof Byte || v instanceof Short || v instanceof Integer
                || v instanceof Long || v instanceof Float || v instanceof Double || v instanceof String;
    }
}
