package io.hazeljms.jms.message;

import io.hazeljms.jms.message.ConversionTable.Type;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.StreamMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamMessageTest {

    private static final String SENTINEL = "next";

    static Stream<Arguments> cells() {
        return ConversionTable.cells(EnumSet.allOf(Type.class));
    }

    /**
     * Every cell of the StreamMessage table. A refused read must throw MessageFormatException and leave the
     * position on the field (which then still reads as itself); an allowed one must move to the next field.
     */
    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("cells")
    void conversionTable(Type source, Type target) throws JMSException {
        StreamMessageImpl m = new StreamMessageImpl();
        m.writeObject(ConversionTable.sample(source));
        m.writeString(SENTINEL);
        m.reset();
        if (ConversionTable.allowed(source, target)) {
            Object expected = ConversionTable.expected(source, target);
            if (target == Type.BYTES) {
                assertArrayEquals((byte[]) expected, readAllBytes(m));
            } else {
                assertEquals(expected, read(m, target));
            }
            assertEquals(SENTINEL, m.readString(), "the position moved to the next field");
        } else {
            MessageFormatException e = assertThrows(MessageFormatException.class, () -> read(m, target));
            assertTrue(e.getMessage().contains("stream field 0 is a " + ConversionTable.javaName(source)
                    + ", cannot be read as " + ConversionTable.targetName(target)), e.getMessage());
            assertFieldIs(m, ConversionTable.sample(source));
        }
    }

    @Test
    void sameTableThroughTheStore() throws JMSException {
        StreamMessageImpl m = new StreamMessageImpl();
        for (Type t : Type.values()) {
            m.writeObject(ConversionTable.sample(t));
        }
        StreamMessageImpl received = Received.copy(m);
        for (Type t : Type.values()) {
            if (t == Type.BYTES) {
                assertArrayEquals((byte[]) ConversionTable.sample(t), (byte[]) received.readObject());
            } else {
                assertEquals(ConversionTable.sample(t), received.readObject());
            }
        }
        assertThrows(MessageEOFException.class, received::readObject);
    }

    @Test
    void badStringIsNumberFormatExceptionWithoutAdvancing() throws JMSException {
        StreamMessageImpl m = new StreamMessageImpl();
        m.writeString("abc");
        m.writeString("300");
        m.reset();
        assertThrows(NumberFormatException.class, m::readInt);
        assertThrows(NumberFormatException.class, m::readLong);
        assertThrows(NumberFormatException.class, m::readDouble);
        assertFalse(m.readBoolean(), "re-read as another type");
        assertThrows(NumberFormatException.class, m::readByte);
        assertEquals(300, m.readShort());
    }

    @Test
    void stringsReadAsNumbers() throws JMSException {
        StreamMessageImpl m = new StreamMessageImpl();
        m.writeString("-5");
        m.writeString("2.5");
        m.writeString("true");
        m.reset();
        assertEquals(-5, m.readByte());
        assertEquals(2.5f, m.readFloat());
        assertTrue(m.readBoolean());
    }

    @Test
    void nullFieldReadsAsValueOfNull() throws JMSException {
        StreamMessageImpl m = new StreamMessageImpl();
        m.writeObject(null);
        m.writeString(null);
        m.writeObject(null);
        m.writeObject(null);
        m.writeString(SENTINEL);
        m.reset();
        assertThrows(NumberFormatException.class, m::readInt);
        assertThrows(NumberFormatException.class, m::readByte);
        assertThrows(NullPointerException.class, m::readFloat);
        assertThrows(NullPointerException.class, m::readDouble);
        assertThrows(NullPointerException.class, m::readChar);
        assertFalse(m.readBoolean(), "field 0");
        assertNull(m.readString(), "field 1");
        assertNull(m.readObject(), "field 2");
        assertEquals(-1, m.readBytes(new byte[4]), "field 3: a null byte[] reads as -1");
        assertEquals(SENTINEL, m.readString());
    }

    @Test
    void readBytesInChunks() throws JMSException {
        StreamMessageImpl m = new StreamMessageImpl();
        m.writeBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        m.writeInt(42);
        m.reset();
        byte[] buf = new byte[4];
        assertEquals(4, m.readBytes(buf));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, buf);
        assertEquals(4, m.readBytes(buf));
        assertArrayEquals(new byte[] {5, 6, 7, 8}, buf);
        assertEquals(2, m.readBytes(buf));
        assertEquals(9, buf[0]);
        assertEquals(10, buf[1]);
        assertEquals(-1, m.readBytes(buf), "end of the byte[] field");
        assertEquals(42, m.readInt());
    }

    @Test
    void exactlyFilledBufferIsFollowedByMinusOne() throws JMSException {
        StreamMessageImpl m = new StreamMessageImpl();
        m.writeBytes(new byte[] {1, 2, 3, 4});
        m.writeBytes(new byte[] {5});
        m.reset();
        byte[] buf = new byte[4];
        assertEquals(4, m.readBytes(buf));
        assertEquals(-1, m.readBytes(buf));
        assertEquals(1, m.readBytes(buf), "the next byte[] field");
        assertEquals(5, buf[0]);
        assertEquals(-1, m.readBytes(buf));
        assertThrows(MessageEOFException.class, () -> m.readBytes(buf));
    }

    @Test
    void shortReadCompletesTheFieldForOtherReads() throws JMSException {
        StreamMessageImpl m = new StreamMessageImpl();
        m.writeBytes(new byte[] {1, 2});
        m.writeBoolean(true);
        m.reset();
        assertEquals(2, m.readBytes(new byte[10]));
        assertTrue(m.readBoolean(), "the TCK loop: a count below the buffer length ends the field");
    }

    @Test
    void emptyByteArrayReadsAsZeroThenMinusOne() throws JMSException {
        StreamMessageImpl m = new StreamMessageImpl();
        m.writeBytes(new byte[0]);
        m.writeInt(1);
        m.reset();
        assertEquals(0, m.readBytes(new byte[3]));
        assertEquals(-1, m.readBytes(new byte[3]));
        assertEquals(1, m.readInt());
    }

    @Test
    void partlyReadByteArrayMustBeFinishedFirst() throws JMSException {
        StreamMessageImpl m = new StreamMessageImpl();
        m.writeBytes(new byte[] {1, 2, 3});
        m.writeInt(7);
        m.reset();
        byte[] buf = new byte[2];
        assertEquals(2, m.readBytes(buf));
        assertThrows(MessageFormatException.class, m::readInt);
        assertThrows(MessageFormatException.class, m::readObject);
        assertEquals(1, m.readBytes(buf));
        assertEquals(3, buf[0]);
        assertEquals(7, m.readInt());
    }

    @Test
    void byteArraysAreCopiedInAndOut() throws JMSException {
        StreamMessageImpl m = new StreamMessageImpl();
        byte[] original = {1, 2, 3};
        m.writeBytes(original);
        m.writeObject(original);
        m.writeBytes(new byte[] {0, 1, 2, 3, 4}, 1, 3);
        original[0] = 9;
        m.reset();
        byte[] first = (byte[]) m.readObject();
        assertArrayEquals(new byte[] {1, 2, 3}, first);
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) m.readObject());
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) m.readObject());
        first[1] = 9;
        m.reset();
        byte[] again = (byte[]) m.readObject();
        assertArrayEquals(new byte[] {1, 2, 3}, again);
        assertNotSame(first, again);
        assertThrows(IndexOutOfBoundsException.class, () -> new StreamMessageImpl().writeBytes(new byte[2], 1, 2));
    }

    @Test
    void writeObjectRefusesOtherTypes() {
        StreamMessageImpl m = new StreamMessageImpl();
        MessageFormatException e = assertThrows(MessageFormatException.class, () -> m.writeObject(List.of()));
        assertTrue(e.getMessage().contains("java.util"), e.getMessage());
    }

    @Test
    void readingPastTheEndIsMessageEof() throws JMSException {
        StreamMessageImpl m = new StreamMessageImpl();
        m.writeInt(1);
        m.reset();
        m.readInt();
        for (Executable read : readers(m)) {
            assertThrows(MessageEOFException.class, read);
        }
    }

    @Test
    void newMessageIsWriteOnly() {
        StreamMessageImpl m = new StreamMessageImpl();
        for (Executable read : readers(m)) {
            assertThrows(MessageNotReadableException.class, read);
        }
    }

    @Test
    void resetMakesItReadOnlyAndRewinds() throws JMSException {
        StreamMessageImpl m = new StreamMessageImpl();
        m.writeInt(1);
        m.writeInt(2);
        m.reset();
        for (Executable write : writers(m)) {
            assertThrows(MessageNotWriteableException.class, write);
        }
        assertEquals(1, m.readInt());
        m.reset();
        assertEquals(1, m.readInt());
        assertEquals(2, m.readInt());
    }

    @Test
    void receivedMessageIsReadOnlyUntilClearBody() throws JMSException {
        StreamMessageImpl sent = new StreamMessageImpl();
        sent.writeInt(1);
        StreamMessageImpl m = Received.copy(sent);
        for (Executable write : writers(m)) {
            assertThrows(MessageNotWriteableException.class, write);
        }
        assertEquals(1, m.readInt());
        m.clearBody();
        for (Executable read : readers(m)) {
            assertThrows(MessageNotReadableException.class, read);
        }
        m.writeString("fresh");
        m.reset();
        assertEquals("fresh", m.readString());
        assertThrows(MessageEOFException.class, m::readString, "the old field is gone");
    }

    private static void assertFieldIs(StreamMessage m, Object expected) throws JMSException {
        Object actual = m.readObject();
        if (expected instanceof byte[] bytes) {
            assertArrayEquals(bytes, (byte[]) actual);
        } else {
            assertEquals(expected, actual);
        }
        assertEquals(SENTINEL, m.readString());
    }

    private static byte[] readAllBytes(StreamMessage m) throws JMSException {
        byte[] buf = new byte[16];
        int n = m.readBytes(buf);
        assertEquals(-1, m.readBytes(new byte[16]), "field exhausted");
        return java.util.Arrays.copyOf(buf, n);
    }

    private static Object read(StreamMessage m, Type target) throws JMSException {
        return switch (target) {
            case BOOLEAN -> m.readBoolean();
            case BYTE -> m.readByte();
            case SHORT -> m.readShort();
            case CHAR -> m.readChar();
            case INT -> m.readInt();
            case LONG -> m.readLong();
            case FLOAT -> m.readFloat();
            case DOUBLE -> m.readDouble();
            case STRING -> m.readString();
            case BYTES -> m.readBytes(new byte[16]);
        };
    }

    private static List<Executable> readers(StreamMessage m) {
        return List.of(m::readBoolean, m::readByte, m::readShort, m::readChar, m::readInt, m::readLong,
                m::readFloat, m::readDouble, m::readString, m::readObject, () -> m.readBytes(new byte[1]));
    }

    private static List<Executable> writers(StreamMessage m) {
        return List.of(() -> m.writeBoolean(true), () -> m.writeByte((byte) 1), () -> m.writeShort((short) 1),
                () -> m.writeChar('c'), () -> m.writeInt(1), () -> m.writeLong(1), () -> m.writeFloat(1),
                () -> m.writeDouble(1), () -> m.writeString("s"), () -> m.writeBytes(new byte[1]),
                () -> m.writeBytes(new byte[2], 0, 1), () -> m.writeObject(1), () -> m.writeObject(null));
    }
}
