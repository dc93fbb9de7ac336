package io.hazeljms.jms.message;

import io.hazeljms.jms.ProviderError;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compact typed encoding of {@code MapMessage} and {@code StreamMessage} bodies for the store record. Each value
 * is a one-byte tag and its data; the tags 0..8 are those of {@code io.hazeljms.store.TypedValues} (whose Hazelcast
 * stream types need a serialization service, so it cannot be reused directly), plus char and byte[]. Strings are
 * a length and UTF-8, so they have no 64 KiB limit.
 *
 * <pre>
 * map:    int count, then count x (string name, value)
 * stream: int count, then count x value
 * </pre>
 */
final class BodyCodec {

    private static final byte NULL = 0, BOOLEAN = 1, BYTE = 2, SHORT = 3, INT = 4, LONG = 5, FLOAT = 6,
            DOUBLE = 7, STRING = 8, CHAR = 9, BYTES = 10;

    private BodyCodec() {
    }

    static byte[] encodeMap(Map<String, Object> map) {
        return encode(out -> {
            out.writeInt(map.size());
            for (Map.Entry<String, Object> e : map.entrySet()) {
                writeString(out, e.getKey());
                writeValue(out, e.getValue());
            }
        });
    }

    static LinkedHashMap<String, Object> decodeMap(byte[] body) throws JMSException {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        decode(body, in -> {
            int size = in.readInt();
            for (int i = 0; i < size; i++) {
                map.put(readString(in), readValue(in));
            }
        });
        return map;
    }

    static byte[] encodeList(List<Object> values) {
        return encode(out -> {
            out.writeInt(values.size());
            for (Object v : values) {
                writeValue(out, v);
            }
        });
    }

    static List<Object> decodeList(byte[] body) throws JMSException {
        List<Object> values = new ArrayList<>();
        decode(body, in -> {
            int size = in.readInt();
            for (int i = 0; i < size; i++) {
                values.add(readValue(in));
            }
        });
        return values;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader {
        void read(DataInputStream in) throws IOException;
    }

    private static byte[] encode(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: in-memory stream
        }
        return bytes.toByteArray();
    }

    private static void decode(byte[] body, Reader reader) throws JMSException {
        if (body == null) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            reader.read(in);
        } catch (IOException | RuntimeException e) {
            MessageFormatException mfe = new MessageFormatException(ProviderError.BODY_CORRUPT.text(e));
            mfe.setLinkedException(e);
            mfe.initCause(e);
            throw mfe;
        }
    }

    private static void writeValue(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
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
        } else if (v instanceof Character c) {
            out.writeByte(CHAR);
            out.writeChar(c);
        } else if (v instanceof byte[] b) {
            out.writeByte(BYTES);
            out.writeInt(b.length);
            out.write(b);
        } else {
            // the message classes only ever hold the types above
            throw new IllegalArgumentException(ProviderError.BODY_VALUE_UNSUPPORTED.text(v.getClass().getName()));
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL: return null;
            case BOOLEAN: return in.readBoolean();
            case BYTE: return in.readByte();
            case SHORT: return in.readShort();
            case INT: return in.readInt();
            case LONG: return in.readLong();
            case FLOAT: return in.readFloat();
            case DOUBLE: return in.readDouble();
            case STRING: return readString(in);
            case CHAR: return in.readChar();
            case BYTES: return readBytes(in);
            default: throw new IOException("unknown value tag " + tag);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("bad length " + length);
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return b;
    }
}
