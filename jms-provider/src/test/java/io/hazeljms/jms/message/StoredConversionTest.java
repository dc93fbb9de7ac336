package io.hazeljms.jms.message;

import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.jms.destination.HazelcastQueue;
import io.hazeljms.jms.destination.HazelcastTemporaryQueue;
import io.hazeljms.jms.destination.HazelcastTemporaryTopic;
import io.hazeljms.jms.destination.HazelcastTopic;
import io.hazeljms.store.StoredMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** toStored / fromStored: headers, properties and every body type survive; nothing is shared. */
class StoredConversionTest {

    private static final HazelcastQueue DEST = new HazelcastQueue("orders");

    private static void setHeadersAndProperties(Message m) throws JMSException {
        m.setJMSMessageID("ID:42");
        m.setJMSTimestamp(1000);
        m.setJMSCorrelationID("corr-1");
        m.setJMSReplyTo(new HazelcastTopic("replies"));
        m.setJMSDestination(DEST);
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSType("order");
        m.setJMSExpiration(5000);
        m.setJMSDeliveryTime(2000);
        m.setJMSPriority(7);
        m.setBooleanProperty("bool", true);
        m.setByteProperty("byte", (byte) 1);
        m.setShortProperty("short", (short) 2);
        m.setIntProperty("int", 3);
        m.setLongProperty("long", 4L);
        m.setFloatProperty("float", 5.5f);
        m.setDoubleProperty("double", 6.5);
        m.setStringProperty("string", "s");
        m.setStringProperty("JMSXGroupID", "g");
        m.setIntProperty("JMSXGroupSeq", 2);
    }

    private static void assertHeadersAndProperties(Message m) throws JMSException {
        assertEquals("ID:42", m.getJMSMessageID());
        assertEquals(1000, m.getJMSTimestamp());
        assertEquals("corr-1", m.getJMSCorrelationID());
        assertEquals(new HazelcastTopic("replies"), m.getJMSReplyTo());
        assertSame(DEST, m.getJMSDestination());
        assertEquals(DeliveryMode.NON_PERSISTENT, m.getJMSDeliveryMode());
        assertEquals("order", m.getJMSType());
        assertEquals(5000, m.getJMSExpiration());
        assertEquals(2000, m.getJMSDeliveryTime());
        assertEquals(7, m.getJMSPriority());
        assertFalse(m.getJMSRedelivered());
        assertEquals(true, m.getObjectProperty("bool"));
        assertEquals((byte) 1, m.getObjectProperty("byte"));
        assertEquals((short) 2, m.getObjectProperty("short"));
        assertEquals(3, m.getObjectProperty("int"));
        assertEquals(4L, m.getObjectProperty("long"));
        assertEquals(5.5f, m.getObjectProperty("float"));
        assertEquals(6.5, m.getObjectProperty("double"));
        assertEquals("s", m.getObjectProperty("string"));
        assertEquals("g", m.getStringProperty("JMSXGroupID"));
        assertEquals(2, m.getIntProperty("JMSXGroupSeq"));
        assertEquals(1, m.getIntProperty("JMSXDeliveryCount"));
        assertEquals(List.of("bool", "byte", "short", "int", "long", "float", "double", "string", "JMSXGroupID",
                "JMSXGroupSeq", "JMSXDeliveryCount"), Collections.list(m.getPropertyNames()));
    }

    private static Message roundTrip(MessageImpl m) throws JMSException {
        StoredMessage stored = m.toStored("store-orders").deliveryCount(1);
        return MessageImpl.fromStored(stored, DEST, DeserializationPolicy.defaults());
    }

    @Test
    void recordFields() throws JMSException {
        TextMessageImpl m = new TextMessageImpl("héllo");
        setHeadersAndProperties(m);
        StoredMessage s = m.toStored("store-orders");
        assertEquals("ID:42", s.messageId());
        assertEquals("store-orders", s.destination());
        assertEquals(7, s.priority());
        assertFalse(s.persistent());
        assertEquals(1000, s.timestamp());
        assertEquals(5000, s.expiration());
        assertEquals(2000, s.deliveryTime());
        assertEquals("corr-1", s.correlationId());
        assertNull(s.correlationIdBytes());
        assertEquals("topic:replies", s.replyTo());
        assertEquals("order", s.type());
        assertEquals(3, s.properties().get("int"));
        assertEquals(StoredMessage.BODY_TEXT, s.bodyType());
        assertArrayEquals("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8), s.body());
    }

    @Test
    void plainMessage() throws JMSException {
        MessageImpl m = new MessageImpl();
        setHeadersAndProperties(m);
        assertEquals(StoredMessage.BODY_NONE, m.toStored("q").bodyType());
        Message r = roundTrip(m);
        assertEquals(MessageImpl.class, r.getClass());
        assertHeadersAndProperties(r);
    }

    @Test
    void textMessage() throws JMSException {
        TextMessageImpl m = new TextMessageImpl("日本語 and emoji \uD83D\uDE00");
        setHeadersAndProperties(m);
        TextMessage r = assertInstanceOf(TextMessage.class, roundTrip(m));
        assertHeadersAndProperties(r);
        assertEquals("日本語 and emoji \uD83D\uDE00", r.getText());
        assertNull(((TextMessage) roundTrip(new TextMessageImpl())).getText());
        assertEquals("", ((TextMessage) roundTrip(new TextMessageImpl(""))).getText());
    }

    @Test
    void bytesMessage() throws JMSException {
        BytesMessageImpl m = new BytesMessageImpl();
        setHeadersAndProperties(m);
        m.writeInt(7);
        m.writeUTF("x");
        BytesMessage r = assertInstanceOf(BytesMessage.class, roundTrip(m));
        assertHeadersAndProperties(r);
        assertEquals(7, r.getBodyLength());
        assertEquals(7, r.readInt());
        assertEquals("x", r.readUTF());
    }

    @Test
    void mapMessage() throws JMSException {
        MapMessageImpl m = new MapMessageImpl();
        setHeadersAndProperties(m);
        m.setChar("c", 'q');
        m.setBytes("b", new byte[] {1, 2});
        m.setString("s", "x".repeat(70_000));
        m.setObject("n", null);
        MapMessage r = assertInstanceOf(MapMessage.class, roundTrip(m));
        assertHeadersAndProperties(r);
        assertEquals('q', r.getChar("c"));
        assertArrayEquals(new byte[] {1, 2}, r.getBytes("b"));
        assertEquals(70_000, r.getString("s").length());
        assertTrue(r.itemExists("n"));
        assertEquals(List.of("c", "b", "s", "n"), Collections.list(r.getMapNames()));
    }

    @Test
    void objectMessage() throws JMSException {
        ObjectMessageImpl m = new ObjectMessageImpl(new ArrayList<>(List.of(1, "two")));
        setHeadersAndProperties(m);
        ObjectMessage r = assertInstanceOf(ObjectMessage.class, roundTrip(m));
        assertHeadersAndProperties(r);
        assertEquals(List.of(1, "two"), r.getObject());
    }

    @Test
    void streamMessage() throws JMSException {
        StreamMessageImpl m = new StreamMessageImpl();
        setHeadersAndProperties(m);
        m.writeChar('z');
        m.writeBytes(new byte[] {5});
        m.writeObject(null);
        m.writeDouble(1.5);
        StreamMessage r = assertInstanceOf(StreamMessage.class, roundTrip(m));
        assertHeadersAndProperties(r);
        assertEquals('z', r.readChar());
        assertArrayEquals(new byte[] {5}, (byte[]) r.readObject());
        assertNull(r.readObject());
        assertEquals(1.5, r.readDouble());
    }

    @Test
    void deliveryCountGivesJmsxDeliveryCountAndRedelivered() throws JMSException {
        StoredMessage stored = new TextMessageImpl("t").toStored("q");
        Message first = MessageImpl.fromStored(stored.copy().deliveryCount(1), DEST, null);
        assertFalse(first.getJMSRedelivered());
        assertEquals(1, first.getIntProperty("JMSXDeliveryCount"));
        Message third = MessageImpl.fromStored(stored.copy().deliveryCount(3), DEST, null);
        assertTrue(third.getJMSRedelivered());
        assertEquals(3, third.getIntProperty("JMSXDeliveryCount"));
        Message uncounted = MessageImpl.fromStored(stored.copy().deliveryCount(0), DEST, null);
        assertEquals(1, uncounted.getIntProperty("JMSXDeliveryCount"), "at least the current delivery");
        assertFalse(uncounted.getJMSRedelivered());
    }

    @Test
    void jmsxDeliveryCountIsNotStored() throws JMSException {
        MessageImpl received = (MessageImpl) MessageImpl.fromStored(
                new TextMessageImpl("t").toStored("q").deliveryCount(2), DEST, null);
        assertFalse(received.toStored("q").properties().containsKey("JMSXDeliveryCount"));
    }

    @Test
    void receivedMessageIsReadOnly() throws JMSException {
        TextMessageImpl sent = new TextMessageImpl("t");
        sent.setIntProperty("p", 1);
        TextMessage r = (TextMessage) roundTrip(sent);
        assertThrows(MessageNotWriteableException.class, () -> r.setText("u"));
        assertThrows(MessageNotWriteableException.class, () -> r.setIntProperty("p", 2));
    }

    @Test
    void toStoredSharesNothingWithTheMessage() throws JMSException {
        MapMessageImpl m = new MapMessageImpl();
        m.setIntProperty("p", 1);
        m.setBytes("b", new byte[] {1});
        m.setJMSCorrelationIDAsBytes(new byte[] {7});
        StoredMessage s = m.toStored("q");
        m.setIntProperty("p", 2);
        m.setIntProperty("q", 3);
        m.setBytes("b", new byte[] {2});
        m.setJMSCorrelationIDAsBytes(new byte[] {8});
        assertEquals(Map.of("p", 1), s.properties());
        assertArrayEquals(new byte[] {7}, s.correlationIdBytes());
        MapMessage r = (MapMessage) MessageImpl.fromStored(s, DEST, null);
        assertArrayEquals(new byte[] {1}, r.getBytes("b"));

        s.properties().put("p", 99);
        s.correlationIdBytes()[0] = 9;
        assertEquals(2, m.getIntProperty("p"));
        assertArrayEquals(new byte[] {8}, m.getJMSCorrelationIDAsBytes());
    }

    @Test
    void fromStoredSharesNoPropertiesWithTheRecord() throws JMSException {
        StoredMessage s = new TextMessageImpl("t").toStored("q");
        s.properties().put("p", 1);
        Message r = MessageImpl.fromStored(s, DEST, null);
        s.properties().put("p", 2);
        s.properties().put("q", 3);
        assertEquals(1, r.getIntProperty("p"));
        assertFalse(r.propertyExists("q"));
        assertFalse(s.properties().containsKey("JMSXDeliveryCount"), "the record is not changed");
    }

    @Test
    void correlationIdAsBytesRoundTrip() throws JMSException {
        MessageImpl m = new MessageImpl();
        m.setJMSCorrelationIDAsBytes(new byte[] {(byte) 0xC3, (byte) 0xA9, 0, -1});
        Message r = roundTrip(m);
        assertArrayEquals(new byte[] {(byte) 0xC3, (byte) 0xA9, 0, -1}, r.getJMSCorrelationIDAsBytes());
        assertEquals(m.getJMSCorrelationID(), r.getJMSCorrelationID());
    }

    @Test
    void replyToOfEveryKind() throws JMSException {
        Destination[] kinds = {new HazelcastQueue("a"), new HazelcastTopic("b"),
                new HazelcastTemporaryQueue("c", null), new HazelcastTemporaryTopic("d", null)};
        for (Destination d : kinds) {
            MessageImpl m = new MessageImpl();
            m.setJMSReplyTo(d);
            assertEquals(d, roundTrip(m).getJMSReplyTo());
        }
        MessageImpl none = new MessageImpl();
        assertNull(none.toStored("q").replyTo());
        assertNull(roundTrip(none).getJMSReplyTo());
    }

    @Test
    void foreignReplyToIsConvertedByName() throws JMSException {
        Queue foreign = (Queue) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Queue.class},
                (proxy, method, args) -> method.getName().equals("getQueueName") ? "elsewhere" : null);
        MessageImpl m = new MessageImpl();
        m.setJMSReplyTo(foreign);
        assertEquals("queue:elsewhere", m.toStored("q").replyTo());
        assertEquals(new HazelcastQueue("elsewhere"), roundTrip(m).getJMSReplyTo());

        m.setJMSReplyTo(new Destination() { });
        assertThrows(InvalidDestinationException.class, () -> m.toStored("q"));
    }

    @Test
    void persistentByDefault() throws JMSException {
        assertTrue(new MessageImpl().toStored("q").persistent());
        assertEquals(DeliveryMode.PERSISTENT, roundTrip(new MessageImpl()).getJMSDeliveryMode());
        assertEquals(4, new MessageImpl().toStored("q").priority());
    }

    @Test
    void unknownBodyTypeIsRefused() {
        StoredMessage s = new StoredMessage("ID:1", "q").bodyType((byte) 99);
        JMSException e = assertThrows(JMSException.class, () -> MessageImpl.fromStored(s, DEST, null));
        assertTrue(e.getMessage().contains("99"), e.getMessage());
    }

    @Test
    void corruptMapBodyIsMessageFormatException() {
        StoredMessage s = new StoredMessage("ID:1", "q").bodyType(StoredMessage.BODY_MAP).body(new byte[] {0, 0, 0, 5});
        assertThrows(jakarta.jms.MessageFormatException.class, () -> MessageImpl.fromStored(s, DEST, null));
    }

    @Test
    void encodedDestinationOfTheRecordMatchesTheDestinationClasses() {
        assertEquals(new HazelcastTemporaryQueue("t", null), HazelcastDestination.decode("temp-queue:t"));
    }
}
