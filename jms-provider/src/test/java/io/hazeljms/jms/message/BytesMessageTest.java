package io.hazeljms.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BytesMessageTest {

    private static void writeOneOfEach(BytesMessage m) throws JMSException {
        m.writeBoolean(true);
        m.writeByte((byte) -2);
        m.writeShort((short) -300);
        m.writeChar('Ω');
        m.writeInt(Integer.MIN_VALUE);
        m.writeLong(Long.MAX_VALUE);
        m.writeFloat(6.02e23f);
        m.writeDouble(-1.25e-300);
        m.writeUTF("héllo \u0000 wörld");
        m.writeBytes(new byte[] {9, 8, 7});
        m.writeBytes(new byte[] {0, 1, 2, 3, 4}, 1, 2);
    }

    private static void readOneOfEach(BytesMessage m) throws JMSException {
        assertTrue(m.readBoolean());
        assertEquals(-2, m.readByte());
        assertEquals(-300, m.readShort());
        assertEquals('Ω', m.readChar());
        assertEquals(Integer.MIN_VALUE, m.readInt());
        assertEquals(Long.MAX_VALUE, m.readLong());
        assertEquals(6.02e23f, m.readFloat());
        assertEquals(-1.25e-300, m.readDouble());
        assertEquals("héllo \u0000 wörld", m.readUTF());
        byte[] buf = new byte[5];
        assertEquals(5, m.readBytes(buf));
        assertArrayEquals(new byte[] {9, 8, 7, 1, 2}, buf);
        assertEquals(-1, m.readBytes(buf));
    }

    @Test
    void roundTripOfEveryTypeAfterReset() throws JMSException {
        BytesMessageImpl m = new BytesMessageImpl();
        writeOneOfEach(m);
        m.reset();
        readOneOfEach(m);
        m.reset();
        readOneOfEach(m);
    }

    @Test
    void roundTripOfEveryTypeThroughTheStore() throws JMSException {
        BytesMessageImpl m = new BytesMessageImpl();
        writeOneOfEach(m);
        readOneOfEach(Received.copy(m));
    }

    @Test
    void encodingIsThatOfDataOutputStream() throws Exception {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        out.writeBoolean(true);
        out.writeByte(-2);
        out.writeShort(-300);
        out.writeChar('Ω');
        out.writeInt(Integer.MIN_VALUE);
        out.writeLong(Long.MAX_VALUE);
        out.writeFloat(6.02e23f);
        out.writeDouble(-1.25e-300);
        out.writeUTF("héllo \u0000 wörld");
        out.write(new byte[] {9, 8, 7, 1, 2});
        BytesMessageImpl m = new BytesMessageImpl();
        writeOneOfEach(m);
        assertArrayEquals(expected.toByteArray(), m.toStored("q").body());
    }

    @Test
    void writeObjectWritesEachAllowedTypeAsItsPrimitive() throws JMSException {
        BytesMessageImpl m = new BytesMessageImpl();
        for (Object o : List.of(true, (byte) 1, (short) 2, 'c', 3, 4L, 5f, 6d, "s")) {
            m.writeObject(o);
        }
        m.writeObject(new byte[] {7, 8});
        m.reset();
        assertTrue(m.readBoolean());
        assertEquals(1, m.readByte());
        assertEquals(2, m.readShort());
        assertEquals('c', m.readChar());
        assertEquals(3, m.readInt());
        assertEquals(4L, m.readLong());
        assertEquals(5f, m.readFloat());
        assertEquals(6d, m.readDouble());
        assertEquals("s", m.readUTF());
        assertEquals(7, m.readByte());
        assertEquals(8, m.readByte());
    }

    @Test
    void writeObjectRefusesNullAndOtherTypes() {
        BytesMessageImpl m = new BytesMessageImpl();
        assertThrows(NullPointerException.class, () -> m.writeObject(null));
        MessageFormatException e = assertThrows(MessageFormatException.class, () -> m.writeObject(new StringBuilder()));
        assertTrue(e.getMessage().contains("java.lang.StringBuilder"), e.getMessage());
    }

    @Test
    void unsignedReads() throws JMSException {
        BytesMessageImpl m = new BytesMessageImpl();
        m.writeByte((byte) -1);
        m.writeShort((short) -1);
        m.reset();
        assertEquals(255, m.readUnsignedByte());
        assertEquals(65535, m.readUnsignedShort());
    }

    @Test
    void readBytesInChunksAndWithLength() throws JMSException {
        BytesMessageImpl m = new BytesMessageImpl();
        m.writeBytes(new byte[] {1, 2, 3, 4, 5, 6, 7});
        m.reset();
        byte[] buf = new byte[3];
        assertEquals(3, m.readBytes(buf));
        assertArrayEquals(new byte[] {1, 2, 3}, buf);
        assertEquals(2, m.readBytes(buf, 2));
        assertArrayEquals(new byte[] {4, 5, 3}, buf);
        assertEquals(0, m.readBytes(buf, 0));
        assertEquals(2, m.readBytes(buf));
        assertEquals(6, buf[0]);
        assertEquals(7, buf[1]);
        assertEquals(-1, m.readBytes(buf));
        assertEquals(-1, m.readBytes(buf, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> m.readBytes(buf, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> m.readBytes(buf, -1));
    }

    @Test
    void readingPastTheEndIsMessageEofAndDoesNotAdvance() throws JMSException {
        BytesMessageImpl m = new BytesMessageImpl();
        m.writeShort((short) 7);
        m.reset();
        assertThrows(MessageEOFException.class, m::readInt);
        assertThrows(MessageEOFException.class, m::readLong);
        assertEquals(7, m.readShort());
        List<Executable> reads = List.of(m::readBoolean, m::readByte, m::readUnsignedByte, m::readShort,
                m::readUnsignedShort, m::readChar, m::readInt, m::readLong, m::readFloat, m::readDouble, m::readUTF);
        for (Executable read : reads) {
            assertThrows(MessageEOFException.class, read);
        }
    }

    @Test
    void truncatedUtfIsEofWithoutAdvancing() throws JMSException {
        BytesMessageImpl m = new BytesMessageImpl();
        m.writeShort((short) 10); // a UTF length of 10 with only 2 bytes following
        m.writeByte((byte) 'a');
        m.writeByte((byte) 'b');
        m.reset();
        assertThrows(MessageEOFException.class, m::readUTF);
        assertEquals(10, m.readShort());
    }

    @Test
    void malformedUtfIsMessageFormatException() throws JMSException {
        BytesMessageImpl m = new BytesMessageImpl();
        m.writeShort((short) 1);
        m.writeByte((byte) 0xFF); // never valid in modified UTF-8
        m.reset();
        assertThrows(MessageFormatException.class, m::readUTF);
    }

    @Test
    void writeUtfOfMoreThan65535EncodedBytesIsRefused() throws JMSException {
        BytesMessageImpl m = new BytesMessageImpl();
        assertThrows(MessageFormatException.class, () -> m.writeUTF("x".repeat(65536)));
        m.writeUTF("x".repeat(65535));
        m.reset();
        assertEquals(65535, m.readUTF().length());
    }

    @Test
    void getBodyLengthOnlyInReadMode() throws JMSException {
        BytesMessageImpl m = new BytesMessageImpl();
        m.writeInt(1);
        m.writeLong(2);
        assertThrows(MessageNotReadableException.class, m::getBodyLength);
        m.reset();
        assertEquals(12, m.getBodyLength());
        m.readInt();
        assertEquals(12, m.getBodyLength(), "the length of the whole body, wherever the position");
        assertEquals(12, Received.copy(m).getBodyLength());
        assertEquals(0, Received.copy(new BytesMessageImpl()).getBodyLength());
    }

    @Test
    void newMessageIsWriteOnly() {
        BytesMessageImpl m = new BytesMessageImpl();
        for (Executable read : readers(m)) {
            assertThrows(MessageNotReadableException.class, read);
        }
    }

    @Test
    void resetMakesItReadOnly() throws JMSException {
        BytesMessageImpl m = new BytesMessageImpl();
        m.writeInt(5);
        m.reset();
        for (Executable write : writers(m)) {
            assertThrows(MessageNotWriteableException.class, write);
        }
        assertEquals(5, m.readInt());
    }

    @Test
    void receivedMessageIsReadOnlyUntilClearBody() throws JMSException {
        BytesMessageImpl sent = new BytesMessageImpl();
        sent.writeInt(5);
        BytesMessageImpl m = Received.copy(sent);
        for (Executable write : writers(m)) {
            assertThrows(MessageNotWriteableException.class, write);
        }
        assertEquals(5, m.readInt());

        m.clearBody();
        for (Executable read : readers(m)) {
            assertThrows(MessageNotReadableException.class, read);
        }
        m.writeInt(6);
        m.reset();
        assertEquals(4, m.getBodyLength());
        assertEquals(6, m.readInt());
    }

    @Test
    void clearBodyOnNewMessageEmptiesIt() throws JMSException {
        BytesMessageImpl m = new BytesMessageImpl();
        m.writeLong(1);
        m.clearBody();
        m.writeByte((byte) 3);
        m.reset();
        assertEquals(1, m.getBodyLength());
        assertEquals(3, m.readByte());
    }

    @Test
    void toStoredWorksInWriteModeAndSharesNothing() throws JMSException {
        BytesMessageImpl m = new BytesMessageImpl();
        m.writeInt(1);
        byte[] first = m.toStored("q").body();
        m.writeInt(2);
        assertEquals(4, first.length);
        assertEquals(8, m.toStored("q").body().length);
        m.reset();
        byte[] stored = m.toStored("q").body();
        stored[0] = 99;
        assertEquals(1, m.readInt());
        assertFalse(m.toStored("q").body()[0] == 99);
    }

    private static List<Executable> readers(BytesMessage m) {
        return List.of(m::readBoolean, m::readByte, m::readUnsignedByte, m::readShort, m::readUnsignedShort,
                m::readChar, m::readInt, m::readLong, m::readFloat, m::readDouble, m::readUTF,
                () -> m.readBytes(new byte[1]), () -> m.readBytes(new byte[1], 1), m::getBodyLength);
    }

    private static List<Executable> writers(BytesMessage m) {
        return List.of(() -> m.writeBoolean(true), () -> m.writeByte((byte) 1), () -> m.writeShort((short) 1),
                () -> m.writeChar('c'), () -> m.writeInt(1), () -> m.writeLong(1), () -> m.writeFloat(1),
                () -> m.writeDouble(1), () -> m.writeUTF("s"), () -> m.writeBytes(new byte[1]),
                () -> m.writeBytes(new byte[2], 0, 1), () -> m.writeObject(1));
    }
}
