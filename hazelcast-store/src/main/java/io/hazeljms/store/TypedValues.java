package io.hazeljms.store;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Compact, symmetric encoding of JMS property values (the eight property types, plus null). */
public final class TypedValues {

    private static final byte NULL = 0, BOOLEAN = 1, BYTE = 2, SHORT = 3, INT = 4, LONG = 5, FLOAT = 6,
            DOUBLE = 7, STRING = 8;

    private TypedValues() {
    }

    public static void writeMap(DataOutput out, Map<String, Object> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, Object> e : map.entrySet()) {
            Fields.writeString(out, e.getKey());
            writeValue(out, e.getValue());
        }
    }

    public static Map<String, Object> readMap(DataInput in) throws IOException {
        int size = in.readInt();
        Map<String, Object> map = new LinkedHashMap<>(Math.max(4, size * 2));
        for (int i = 0; i < size; i++) {
            map.put(Fields.readString(in), readValue(in));
        }
        return map;
    }

    public static void writeValue(DataOutput out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            Fields.writeString(out, s);
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (v instanceof Byte b) {
            out.writeByte(BYTE);
            out.writeByte(b);
        } else if (v instanceof Short s) {
            out.writeByte(SHORT);
            out.writeShort(s);
        } else if (v instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeFloat(f);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else {
            throw new IllegalArgumentException(StoreError.PROPERTY_TYPE_UNSUPPORTED.text(v.getClass().getName()));
        }
    }

    public static Object readValue(DataInput in) throws IOException {
        byte t = in.readByte();
        switch (t) {
            case NULL: return null;
            case BOOLEAN: return in.readBoolean();
            case BYTE: return in.readByte();
            case SHORT: return in.readShort();
            case INT: return in.readInt();
            case LONG: return in.readLong();
            case FLOAT: return in.readFloat();
            case DOUBLE: return in.readDouble();
            case STRING: return Fields.readString(in);
            default: throw new IOException(StoreError.UNKNOWN_PROPERTY_TAG.text(t));
        }
    }
}
