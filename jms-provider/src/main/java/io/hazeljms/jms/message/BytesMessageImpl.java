package io.hazeljms.jms.message;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.store.StoredMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;

/**
 * A message whose body is a stream of bytes, written and read with {@link java.io.DataOutput} /
 * {@link java.io.DataInput} encodings. Write-only when new or cleared; {@link #reset()} (or receipt) makes it
 * read-only and positions it at the start.
 */
public class BytesMessageImpl extends MessageImpl implements BytesMessage {

    private static final byte[] EMPTY = new byte[0];

    /** Write mode: the bytes written so far; null in read mode. */
    private ByteArrayOutputStream written = new ByteArrayOutputStream();
    private DataOutputStream out = new DataOutputStream(written);
    /** Read mode: the body with the read position; null in write mode. Never modified, only read. */
    private ByteBuffer in;

    /** A new, empty message in write-only mode. */
    public BytesMessageImpl() {
    }

    @Override
    public void reset() throws JMSException {
        makeBodyReadOnly();
    }

    @Override
    public long getBodyLength() throws JMSException {
        return reading().capacity();
    }

    // --- reading ---------------------------------------------------------------------------------------------

    @Override
    public boolean readBoolean() throws JMSException {
        return need(1).get() != 0;
    }

    @Override
    public byte readByte() throws JMSException {
        return need(1).get();
    }

    @Override
    public int readUnsignedByte() throws JMSException {
        return Byte.toUnsignedInt(need(1).get());
    }

    @Override
    public short readShort() throws JMSException {
        return need(2).getShort();
    }

    @Override
    public int readUnsignedShort() throws JMSException {
        return Short.toUnsignedInt(need(2).getShort());
    }

    @Override
    public char readChar() throws JMSException {
        return need(2).getChar();
    }

    @Override
    public int readInt() throws JMSException {
        return need(4).getInt();
    }

    @Override
    public long readLong() throws JMSException {
        return need(8).getLong();
    }

    @Override
    public float readFloat() throws JMSException {
        return need(4).getFloat();
    }

    @Override
    public double readDouble() throws JMSException {
        return need(8).getDouble();
    }

    /** Modified UTF-8 with a two-byte length, as {@link DataInputStream#readUTF()}; no advance on failure. */
    @Override
    public String readUTF() throws JMSException {
        ByteBuffer buf = need(2);
        int length = 2 + Short.toUnsignedInt(buf.getShort(buf.position()));
        need(length);
        try {
            String s = new DataInputStream(new ByteArrayInputStream(buf.array(), buf.position(), length)).readUTF();
            buf.position(buf.position() + length);
            return s;
        } catch (UTFDataFormatException e) {
            throw formatError(ProviderError.UTF_MALFORMED.text(), e);
        } catch (IOException e) {
            throw formatError(ProviderError.UTF_UNREADABLE.text(), e);
        }
    }

    @Override
    public int readBytes(byte[] value) throws JMSException {
        return readBytes(value, value.length);
    }

    /** Up to {@code length} bytes into the start of {@code value}; -1 at the end of the body. */
    @Override
    public int readBytes(byte[] value, int length) throws JMSException {
        if (length < 0 || length > value.length) {
            throw new IndexOutOfBoundsException(ProviderError.LENGTH_OUT_OF_RANGE.text(length, value.length));
        }
        ByteBuffer buf = reading();
        if (!buf.hasRemaining()) {
            return -1;
        }
        int n = Math.min(length, buf.remaining());
        buf.get(value, 0, n);
        return n;
    }

    private ByteBuffer reading() throws MessageNotReadableException {
        if (in == null) {
            throw new MessageNotReadableException(
                    ProviderError.BODY_WRITE_ONLY.text("BytesMessage"));
        }
        return in;
    }

    private ByteBuffer need(int n) throws JMSException {
        ByteBuffer buf = reading();
        if (buf.remaining() < n) {
            throw new MessageEOFException(ProviderError.BYTES_END.text(n, buf.remaining()));
        }
        return buf;
    }

    // --- writing ---------------------------------------------------------------------------------------------

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        write(o -> o.writeBoolean(value));
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        write(o -> o.writeByte(value));
    }

    @Override
    public void writeShort(short value) throws JMSException {
        write(o -> o.writeShort(value));
    }

    @Override
    public void writeChar(char value) throws JMSException {
        write(o -> o.writeChar(value));
    }

    @Override
    public void writeInt(int value) throws JMSException {
        write(o -> o.writeInt(value));
    }

    @Override
    public void writeLong(long value) throws JMSException {
        write(o -> o.writeLong(value));
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        write(o -> o.writeFloat(value));
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        write(o -> o.writeDouble(value));
    }

    @Override
    public void writeUTF(String value) throws JMSException {
        write(o -> o.writeUTF(value));
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        write(o -> o.write(value, 0, value.length));
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        write(o -> o.write(value, offset, length));
    }

    /** Boolean, Byte, Short, Character, Integer, Long, Float, Double, String or byte[]; null is refused. */
    @Override
    public void writeObject(Object value) throws JMSException {
        if (value == null) {
            throw new NullPointerException(ProviderError.WRITE_NULL.text());
        }
        checkBodyWritable();
        if (value instanceof Boolean v) {
            writeBoolean(v);
        } else if (value instanceof Byte v) {
            writeByte(v);
        } else if (value instanceof Short v) {
            writeShort(v);
        } else if (value instanceof Character v) {
            writeChar(v);
        } else if (value instanceof Integer v) {
            writeInt(v);
        } else if (value instanceof Long v) {
            writeLong(v);
        } else if (value instanceof Float v) {
            writeFloat(v);
        } else if (value instanceof Double v) {
            writeDouble(v);
        } else if (value instanceof String v) {
            writeUTF(v);
        } else if (value instanceof byte[] v) {
            writeBytes(v);
        } else {
            throw new MessageFormatException(ProviderError.WRITE_OBJECT_TYPE.text("BytesMessage",
                    value.getClass().getName()));
        }
    }

    private interface Write {
        void to(DataOutputStream out) throws IOException;
    }

    private void write(Write write) throws JMSException {
        checkBodyWritable();
        try {
            write.to(out);
        } catch (IOException e) { // in memory, so only UTFDataFormatException: over 65535 encoded bytes
            throw formatError(ProviderError.BYTES_WRITE_FAILED.text(e.getMessage()), e);
        }
    }

    private static MessageFormatException formatError(String message, Exception cause) {
        MessageFormatException e = new MessageFormatException(message);
        e.setLinkedException(cause);
        e.initCause(cause);
        return e;
    }

    // --- body hooks ------------------------------------------------------------------------------------------

    /** The whole body as written or received, without moving the read position. */
    private byte[] bodyBytes() {
        return in != null ? in.array().clone() : written.toByteArray();
    }

    @Override
    protected byte storedBodyType() {
        return StoredMessage.BODY_BYTES;
    }

    @Override
    protected byte[] encodeBody() {
        return bodyBytes();
    }

    /** Keeps the stored array without copying: in read mode the body is never modified. */
    @Override
    protected void decodeBody(byte[] body) {
        written = null;
        out = null;
        in = ByteBuffer.wrap(body == null ? EMPTY : body);
    }

    @Override
    protected void clearBodyContent() {
        in = null;
        written = new ByteArrayOutputStream();
        out = new DataOutputStream(written);
    }

    /** Switches to read mode (keeping what was written) and rewinds: what {@link #reset()} does. */
    @Override
    protected void makeBodyReadOnly() throws JMSException {
        if (written != null) {
            in = ByteBuffer.wrap(written.toByteArray());
            written = null;
            out = null;
        }
        in.rewind();
        super.makeBodyReadOnly();
    }

    @Override
    protected boolean hasBody() {
        return in != null ? in.capacity() > 0 : written.size() > 0;
    }

    /**
     * The whole body as byte[]. The spec has getBody "reset the BytesMessage before and after use": a message
     * in read mode is left positioned at the start; one in write mode is left writable, as it was.
     */
    @Override
    protected <T> T bodyAs(Class<T> c) throws JMSException {
        if (!bodyAssignableTo(c)) {
            throw notAssignable("byte[]", c);
        }
        byte[] body = bodyBytes();
        if (in != null) {
            in.rewind();
        }
        return c.cast(body);
    }

    @Override
    protected boolean bodyAssignableTo(Class<?> c) {
        return c.isAssignableFrom(byte[].class);
    }

    @Override
    String typeName() {
        return "BytesMessage";
    }
}
