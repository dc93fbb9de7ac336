package io.hazeljms.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Message.getBody and isBodyAssignableTo for every message type, with and without a body. */
class GetBodyTest {

    private static final Class<?>[] ANY = {String.class, Integer.class, byte[].class, Map.class, Object.class};

    private static void assertNoBody(Message m) throws JMSException {
        for (Class<?> c : ANY) {
            assertNull(m.getBody(c), c.getName());
            assertTrue(m.isBodyAssignableTo(c), c.getName());
        }
    }

    @Test
    void plainMessageHasNoBody() throws JMSException {
        assertNoBody(new MessageImpl());
        assertNoBody(Received.copy(new MessageImpl()));
    }

    @Test
    void textMessage() throws JMSException {
        TextMessageImpl m = new TextMessageImpl("hi");
        for (Message msg : new Message[] {m, Received.copy(m)}) {
            assertEquals("hi", msg.getBody(String.class));
            assertEquals("hi", msg.getBody(CharSequence.class));
            assertEquals("hi", msg.getBody(Object.class));
            assertTrue(msg.isBodyAssignableTo(String.class));
            assertTrue(msg.isBodyAssignableTo(Comparable.class));
            assertFalse(msg.isBodyAssignableTo(Integer.class));
            assertFalse(msg.isBodyAssignableTo(byte[].class));
            MessageFormatException e = assertThrows(MessageFormatException.class, () -> msg.getBody(Integer.class));
            assertTrue(e.getMessage().contains("java.lang.Integer"), e.getMessage());
        }
        assertEquals("", new TextMessageImpl("").getBody(String.class), "an empty text is a body");
        assertFalse(new TextMessageImpl("").isBodyAssignableTo(Integer.class));
        assertNoBody(new TextMessageImpl());
        assertNoBody(Received.copy(new TextMessageImpl()));
    }

    @Test
    void bytesMessageInWriteModeStaysWritable() throws JMSException {
        BytesMessageImpl m = new BytesMessageImpl();
        m.writeInt(1);
        assertArrayEquals(new byte[] {0, 0, 0, 1}, m.getBody(byte[].class));
        assertDoesNotThrow(() -> m.writeByte((byte) 2));
        assertArrayEquals(new byte[] {0, 0, 0, 1, 2}, m.getBody(byte[].class));
        assertEquals(5, ((byte[]) m.getBody(Object.class)).length);
    }

    @Test
    void bytesMessageInReadModeIsRewound() throws JMSException {
        BytesMessageImpl sent = new BytesMessageImpl();
        sent.writeInt(7);
        sent.writeInt(8);
        BytesMessageImpl m = Received.copy(sent);
        assertEquals(7, m.readInt());
        assertArrayEquals(new byte[] {0, 0, 0, 7, 0, 0, 0, 8}, m.getBody(byte[].class), "the whole body");
        assertEquals(7, m.readInt(), "reset after use: reading starts again");
        byte[] body = m.getBody(byte[].class);
        body[3] = 99;
        assertEquals(7, m.readInt(), "a copy is returned");
        assertThrows(MessageNotWriteableException.class, () -> m.writeInt(1));
    }

    @Test
    void bytesMessageTypes() throws JMSException {
        BytesMessageImpl m = new BytesMessageImpl();
        m.writeByte((byte) 1);
        assertTrue(m.isBodyAssignableTo(byte[].class));
        assertTrue(m.isBodyAssignableTo(Object.class));
        assertFalse(m.isBodyAssignableTo(String.class));
        assertFalse(m.isBodyAssignableTo(Byte[].class));
        assertThrows(MessageFormatException.class, () -> m.getBody(String.class));
        assertNoBody(new BytesMessageImpl());
        assertNoBody(Received.copy(new BytesMessageImpl()));
    }

    @Test
    void mapMessage() throws JMSException {
        MapMessageImpl m = new MapMessageImpl();
        m.setInt("i", 1);
        m.setBytes("b", new byte[] {2});
        for (Message msg : new Message[] {m, Received.copy(m)}) {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = msg.getBody(Map.class);
            assertEquals(List.of("i", "b"), new ArrayList<>(body.keySet()));
            assertEquals(1, body.get("i"));
            assertArrayEquals(new byte[] {2}, (byte[]) body.get("b"));
            body.put("x", 3);
            ((byte[]) body.get("b"))[0] = 9;
            assertFalse(((MapMessageImpl) msg).itemExists("x"), "a copy is returned");
            assertArrayEquals(new byte[] {2}, ((MapMessageImpl) msg).getBytes("b"));
            assertTrue(msg.isBodyAssignableTo(Map.class));
            assertTrue(msg.isBodyAssignableTo(Object.class));
            assertFalse(msg.isBodyAssignableTo(HashMap.class));
            assertFalse(msg.isBodyAssignableTo(String.class));
            assertThrows(MessageFormatException.class, () -> msg.getBody(HashMap.class));
            assertThrows(MessageFormatException.class, () -> msg.getBody(String.class));
        }
        assertNoBody(new MapMessageImpl());
        assertNoBody(Received.copy(new MapMessageImpl()));
    }

    @Test
    void objectMessage() throws JMSException {
        ArrayList<String> list = new ArrayList<>(List.of("a", "b"));
        ObjectMessageImpl m = new ObjectMessageImpl(list);
        for (Message msg : new Message[] {m, Received.copy(m)}) {
            assertEquals(list, msg.getBody(Serializable.class));
            assertEquals(list, msg.getBody(List.class));
            assertEquals(list, msg.getBody(ArrayList.class));
            assertEquals(list, msg.getBody(AbstractList.class));
            assertTrue(msg.isBodyAssignableTo(Serializable.class));
            assertTrue(msg.isBodyAssignableTo(ArrayList.class));
            assertFalse(msg.isBodyAssignableTo(String.class));
            assertFalse(msg.isBodyAssignableTo(Map.class));
            MessageFormatException e = assertThrows(MessageFormatException.class, () -> msg.getBody(Map.class));
            assertTrue(e.getMessage().contains("java.util.ArrayList"), e.getMessage());
        }
        assertNoBody(new ObjectMessageImpl());
        assertNoBody(Received.copy(new ObjectMessageImpl()));
    }

    @Test
    void objectMessageThatCannotBeDeserializedIsNotAssignable() throws JMSException {
        ObjectMessageImpl m = new ObjectMessageImpl(new ObjectMessageTest.Payload("p"));
        Message received = Received.copy(m, DeserializationPolicy.defaults());
        assertFalse(received.isBodyAssignableTo(Serializable.class));
        assertFalse(received.isBodyAssignableTo(Object.class));
        assertThrows(MessageFormatException.class, () -> received.getBody(Object.class));
    }

    @Test
    void streamMessageNeverSupportsGetBody() throws JMSException {
        StreamMessageImpl m = new StreamMessageImpl();
        for (Message msg : new Message[] {m, Received.copy(m)}) {
            assertThrows(MessageFormatException.class, () -> msg.getBody(Object.class));
            assertFalse(msg.isBodyAssignableTo(Object.class));
        }
        m.writeInt(1);
        assertThrows(MessageFormatException.class, () -> m.getBody(Object.class));
        assertFalse(m.isBodyAssignableTo(Object.class));
    }
}
