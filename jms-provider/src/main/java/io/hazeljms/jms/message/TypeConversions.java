package io.hazeljms.jms.message;

import io.hazeljms.jms.ProviderError;
import jakarta.jms.MessageFormatException;

/**
 * The conversion table the spec defines for reading a typed value as another type: message properties,
 * {@code MapMessage} entries and {@code StreamMessage} fields all share it (properties simply never hold a
 * {@code Character} or {@code byte[]}).
 *
 * <p>A String is parsed with the target wrapper's {@code valueOf}, so a bad string raises
 * {@link NumberFormatException}, as the spec requires. An absent (null) value is treated as
 * {@code valueOf(null)}: {@code false} for boolean, {@code NumberFormatException} for the integral types,
 * {@code NullPointerException} for float and double (that is what {@code Float.valueOf((String) null)} does,
 * and what the TCK expects), and null for String and byte[]. Anything else is a {@link MessageFormatException}
 * naming both types.
 *
 * <p>Each method takes the item's kind ("property", "map entry", "stream field") and key only to word the error.
 */
final class TypeConversions {

    private TypeConversions() {
    }

    static boolean toBoolean(Object v, String kind, Object key) throws MessageFormatException {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Boolean.valueOf((String) v);
        }
        throw cannotRead(v, "boolean", kind, key);
    }

    static byte toByte(Object v, String kind, Object key) throws MessageFormatException {
        if (v instanceof Byte b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Byte.valueOf((String) v);
        }
        throw cannotRead(v, "byte", kind, key);
    }

    static short toShort(Object v, String kind, Object key) throws MessageFormatException {
        if (v instanceof Short s) {
            return s;
        }
        if (v instanceof Byte b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Short.valueOf((String) v);
        }
        throw cannotRead(v, "short", kind, key);
    }

    /** char has no String conversion, so a null value is a NullPointerException (spec, MapMessage/StreamMessage). */
    static char toChar(Object v, String kind, Object key) throws MessageFormatException {
        if (v instanceof Character c) {
            return c;
        }
        if (v == null) {
            throw new NullPointerException(describe(kind, key) + " is null, which cannot be read as a char");
        }
        throw cannotRead(v, "char", kind, key);
    }

    static int toInt(Object v, String kind, Object key) throws MessageFormatException {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Short s) {
            return s;
        }
        if (v instanceof Byte b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Integer.valueOf((String) v);
        }
        throw cannotRead(v, "int", kind, key);
    }

    static long toLong(Object v, String kind, Object key) throws MessageFormatException {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Short s) {
            return s;
        }
        if (v instanceof Byte b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Long.valueOf((String) v);
        }
        throw cannotRead(v, "long", kind, key);
    }

    static float toFloat(Object v, String kind, Object key) throws MessageFormatException {
        if (v instanceof Float f) {
            return f;
        }
        if (v == null || v instanceof String) {
            return Float.valueOf((String) v);
        }
        throw cannotRead(v, "float", kind, key);
    }

    static double toDouble(Object v, String kind, Object key) throws MessageFormatException {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Float f) {
            return f;
        }
        if (v == null || v instanceof String) {
            return Double.valueOf((String) v);
        }
        throw cannotRead(v, "double", kind, key);
    }

    /** Every type but byte[] reads as a String. */
    static String toText(Object v, String kind, Object key) throws MessageFormatException {
        if (v instanceof byte[]) {
            throw cannotRead(v, "String", kind, key);
        }
        return v == null ? null : v.toString();
    }

    /** Only a byte[] (or null) reads as byte[]; the caller copies it. */
    static byte[] toBytes(Object v, String kind, Object key) throws MessageFormatException {
        if (v == null || v instanceof byte[]) {
            return (byte[]) v;
        }
        throw cannotRead(v, "byte[]", kind, key);
    }

    /** "property 'x'" for a named item, "stream field 3" for a positional one. */
    static String describe(String kind, Object key) {
        return key instanceof Integer ? kind + " " + key : kind + " '" + key + "'";
    }

    /** The simple type name used in messages: Boolean, Integer, byte[], ... */
    static String typeName(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName();
    }

    private static MessageFormatException cannotRead(Object v, String target, String kind, Object key) {
        return new MessageFormatException(
                ProviderError.VALUE_NOT_CONVERTIBLE.text(describe(kind, key), typeName(v), target));
    }
}
