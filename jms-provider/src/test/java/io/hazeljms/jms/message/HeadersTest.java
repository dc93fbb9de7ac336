package io.hazeljms.jms.message;

import io.hazeljms.jms.destination.HazelcastQueue;
import io.hazeljms.jms.destination.HazelcastTopic;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadersTest {

    @Test
    void newMessageDefaults() throws JMSException {
        Message m = new MessageImpl();
        assertNull(m.getJMSMessageID());
        assertEquals(0, m.getJMSTimestamp());
        assertNull(m.getJMSCorrelationID());
        assertNull(m.getJMSCorrelationIDAsBytes());
        assertNull(m.getJMSReplyTo());
        assertNull(m.getJMSDestination());
        assertEquals(DeliveryMode.PERSISTENT, m.getJMSDeliveryMode());
        assertFalse(m.getJMSRedelivered());
        assertNull(m.getJMSType());
        assertEquals(0, m.getJMSExpiration());
        assertEquals(0, m.getJMSDeliveryTime());
        assertEquals(Message.DEFAULT_PRIORITY, m.getJMSPriority());
    }

    @Test
    void everyHeaderHasAWorkingSetter() throws JMSException {
        Message m = new TextMessageImpl("t");
        HazelcastQueue dest = new HazelcastQueue("orders");
        HazelcastTopic reply = new HazelcastTopic("replies");
        m.setJMSMessageID("ID:1");
        m.setJMSTimestamp(11);
        m.setJMSCorrelationID("corr");
        m.setJMSReplyTo(reply);
        m.setJMSDestination(dest);
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSRedelivered(true);
        m.setJMSType("type");
        m.setJMSExpiration(22);
        m.setJMSDeliveryTime(33);
        m.setJMSPriority(9);
        assertEquals("ID:1", m.getJMSMessageID());
        assertEquals(11, m.getJMSTimestamp());
        assertEquals("corr", m.getJMSCorrelationID());
        assertSame(reply, m.getJMSReplyTo());
        assertSame(dest, m.getJMSDestination());
        assertEquals(DeliveryMode.NON_PERSISTENT, m.getJMSDeliveryMode());
        assertTrue(m.getJMSRedelivered());
        assertEquals("type", m.getJMSType());
        assertEquals(22, m.getJMSExpiration());
        assertEquals(33, m.getJMSDeliveryTime());
        assertEquals(9, m.getJMSPriority());
    }

    @Test
    void headersCanBeSetOnAReceivedMessage() throws JMSException {
        Message m = Received.copy(new TextMessageImpl("t"));
        assertDoesNotThrow(() -> m.setJMSType("changed"));
        assertEquals("changed", m.getJMSType());
    }

    @Test
    void correlationIdAsBytesIsCopiedAndHasAStringView() throws JMSException {
        Message m = new MessageImpl();
        byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);
        m.setJMSCorrelationIDAsBytes(bytes);
        bytes[0] = 'z';
        assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), m.getJMSCorrelationIDAsBytes());
        assertNotSame(m.getJMSCorrelationIDAsBytes(), m.getJMSCorrelationIDAsBytes());
        assertEquals("abc", m.getJMSCorrelationID());
    }

    @Test
    void correlationIdStringAndBytesReplaceEachOther() throws JMSException {
        Message m = new MessageImpl();
        m.setJMSCorrelationIDAsBytes(new byte[] {1, 2});
        m.setJMSCorrelationID("s");
        assertEquals("s", m.getJMSCorrelationID());
        assertArrayEquals("s".getBytes(StandardCharsets.UTF_8), m.getJMSCorrelationIDAsBytes());
        m.setJMSCorrelationIDAsBytes(new byte[] {1, 2});
        assertArrayEquals(new byte[] {1, 2}, m.getJMSCorrelationIDAsBytes());
        m.setJMSCorrelationIDAsBytes(null);
        assertNull(m.getJMSCorrelationID());
        assertNull(m.getJMSCorrelationIDAsBytes());
    }

    @Test
    void acknowledgeDelegatesToTheAcknowledger() throws JMSException {
        MessageImpl m = new TextMessageImpl("t");
        assertDoesNotThrow(m::acknowledge, "a message without acknowledger: nothing to do");
        AtomicInteger calls = new AtomicInteger();
        m.setAcknowledger(calls::incrementAndGet);
        m.acknowledge();
        m.acknowledge();
        assertEquals(2, calls.get());
        m.setAcknowledger(() -> {
            throw new jakarta.jms.IllegalStateException("session closed");
        });
        assertThrows(jakarta.jms.IllegalStateException.class, m::acknowledge);
    }
}
