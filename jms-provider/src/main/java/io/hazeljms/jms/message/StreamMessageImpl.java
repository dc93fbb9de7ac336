package io.hazeljms.jms.message;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.store.StoredMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.StreamMessage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A message whose body is a sequence of typed fields, read back in order with the spec's conversion table.
 * Write-only when new or cleared; {@link #reset()} (or receipt) makes it read-only and positions it at the first
 * field.
 *
 * <p>A read that fails (MessageFormatException, NumberFormatException, NullPointerException) leaves the position
 * where it was, so the field can be read again as another type (spec). A byte[] field can be read in chunks by
 * {@link #readBytes(byte[])}; until it has been read to its end no other read is allowed.
 */
public class StreamMessageImpl extends MessageImpl implements StreamMessage {

    private static final String KIND = "stream field";

    /** The fields: property types, Character, byte[] (owned copies) or null. */
    private List<Object> fields = new ArrayList<>();
    /** Index of the field the next read returns. */
    private int position;
    /** How much of the byte[] field at {@link #position} readBytes has returned; -1 when not reading one. */
    private int bytesRead = -1;

    /** A new, empty message in write-only mode. */
    public StreamMessageImpl() {
    }

    @Override
    public void reset() throws JMSException {
        makeBodyReadOnly();
    }

    // --- reading ---------------------------------------------------------------------------------------------

    /** Reads one field through a conversion; the position only moves on when the conversion succeeds. */
    private interface Conversion<T> {
        T apply(Object value, String kind, Object index) throws MessageFormatException;
    }

    private <T> T read(Conversion<T> conversion) throws JMSException {
        Object value = current();
        T result = conversion.apply(value, KIND, position);
        position++;
        return result;
    }

    /** The field at the position, after finishing a fully read byte[] field; EOF at the end. */
    private Object current() throws JMSException {
        checkReadable();
        if (bytesRead >= 0) {
            byte[] field = (byte[]) fields.get(position);
            if (bytesRead < field.length) {
                throw new MessageFormatException(
                        ProviderError.STREAM_BYTES_UNFINISHED.text(position, bytesRead, field.length));
            }
            position++;
            bytesRead = -1;
        }
        if (position >= fields.size()) {
            throw new MessageEOFException(ProviderError.STREAM_END.text(fields.size()));
        }
        return fields.get(position);
    }

    private void checkReadable() throws MessageNotReadableException {
        if (!isBodyReadOnly()) {
            throw new MessageNotReadableException(
                    ProviderError.BODY_WRITE_ONLY.text("StreamMessage"));
        }
    }

    @Override
    public boolean readBoolean() throws JMSException {
        return read(TypeConversions::toBoolean);
    }

    @Override
    public byte readByte() throws JMSException {
        return read(TypeConversions::toByte);
    }

    @Override
    public short readShort() throws JMSException {
        return read(TypeConversions::toShort);
    }

    @Override
    public char readChar() throws JMSException {
        return read(TypeConversions::toChar);
    }

    @Override
    public int readInt() throws JMSException {
        return read(TypeConversions::toInt);
    }

    @Override
    public long readLong() throws JMSException {
        return read(TypeConversions::toLong);
    }

    @Override
    public float readFloat() throws JMSException {
        return read(TypeConversions::toFloat);
    }

    @Override
    public double readDouble() throws JMSException {
        return read(TypeConversions::toDouble);
    }

    @Override
    public String readString() throws JMSException {
        return read(TypeConversions::toText);
    }

    /** The field as its wrapper type (byte[] as a copy), or null. */
    @Override
    public Object readObject() throws JMSException {
        return read((value, kind, index) -> value instanceof byte[] b ? b.clone() : value);
    }

    /**
     * The next chunk of a byte[] field: fills {@code value} as far as the field goes and returns the count (0
     * for an empty field); once the field is exhausted returns -1 and moves to the next field. A null field
     * returns -1 at once.
     */
    @Override
    public int readBytes(byte[] value) throws JMSException {
        if (bytesRead < 0) { // starting on a field
            Object field = current();
            if (field == null) {
                position++;
                return -1;
            }
            TypeConversions.toBytes(field, KIND, position); // MessageFormatException for other types
            bytesRead = 0;
            return nextChunk(value);
        }
        checkReadable();
        if (bytesRead == ((byte[]) fields.get(position)).length) { // exhausted: say so and move on
            position++;
            bytesRead = -1;
            return -1;
        }
        return nextChunk(value);
    }

    private int nextChunk(byte[] value) {
        byte[] field = (byte[]) fields.get(position);
        int n = Math.min(value.length, field.length - bytesRead);
        System.arraycopy(field, bytesRead, value, 0, n);
        bytesRead += n;
        return n;
    }

    // --- writing ---------------------------------------------------------------------------------------------

    private void write(Object value) throws JMSException {
        checkBodyWritable();
        fields.add(value);
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        write(value);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        write(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        write(value);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        write(value);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        write(value);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        write(value);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        write(value);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        write(value);
    }

    @Override
    public void writeString(String value) throws JMSException {
        write(value);
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        write(value.clone());
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        if (offset < 0 || length < 0 || offset > value.length - length) {
            throw new IndexOutOfBoundsException(ProviderError.OFFSET_OUT_OF_RANGE.text(offset, length, value.length));
        }
        write(Arrays.copyOfRange(value, offset, offset + length));
    }

    /** The property types, Character, byte[] (copied) or null. */
    @Override
    public void writeObject(Object value) throws JMSException {
        checkBodyWritable();
        if (value != null && !MapMessageImpl.isMapType(value)) {
            throw new MessageFormatException(ProviderError.WRITE_OBJECT_TYPE.text("StreamMessage",
                    value.getClass().getName()));
        }
        write(value instanceof byte[] b ? b.clone() : value);
    }

    // --- body hooks ------------------------------------------------------------------------------------------

    @Override
    protected byte storedBodyType() {
        return StoredMessage.BODY_STREAM;
    }

    @Override
    protected byte[] encodeBody() {
        return BodyCodec.encodeList(fields);
    }

    @Override
    protected void decodeBody(byte[] body) throws JMSException {
        fields = BodyCodec.decodeList(body);
    }

    @Override
    protected void clearBodyContent() {
        fields = new ArrayList<>();
        position = 0;
        bytesRead = -1;
    }

    @Override
    protected void makeBodyReadOnly() throws JMSException {
        position = 0;
        bytesRead = -1;
        super.makeBodyReadOnly();
    }

    /** The spec allows getBody on every message type but StreamMessage. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        throw new MessageFormatException(ProviderError.STREAM_GET_BODY.text());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        return false;
    }

    @Override
    String typeName() {
        return "StreamMessage";
    }
}
