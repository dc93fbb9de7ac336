package io.hazeljms.jms.client;

import io.hazeljms.jms.JmsTestSupport;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one value of send options that the classic producer, the JMSProducer and the RA's handle share. */
class ProducerSettingsTest extends JmsTestSupport {

    @Test
    void settersValidatePerTheSpecAndLeaveTheOriginalUnchanged() throws JMSException {
        ProducerSettings tuned = ProducerSettings.DEFAULTS.withPriority(9).withDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .withTimeToLive(5_000).withDeliveryDelay(-1).withDisableMessageId(true)
                .withDisableMessageTimestamp(true);
        assertEquals(9, tuned.priority());
        assertEquals(DeliveryMode.NON_PERSISTENT, tuned.deliveryMode());
        assertEquals(5_000, tuned.timeToLive());
        assertEquals(-1, tuned.deliveryDelay(), "the spec leaves the delay open: zero or less means none");
        assertTrue(tuned.disableMessageId() && tuned.disableMessageTimestamp());
        assertEquals(Message.DEFAULT_PRIORITY, ProducerSettings.DEFAULTS.priority(), "DEFAULTS never change");
        assertEquals(DeliveryMode.PERSISTENT, ProducerSettings.DEFAULTS.deliveryMode());
        assertNotEquals(ProducerSettings.DEFAULTS, tuned);
        assertEquals(ProducerSettings.DEFAULTS, tuned.withPriority(4).withDeliveryMode(DeliveryMode.PERSISTENT)
                .withTimeToLive(0).withDeliveryDelay(0).withDisableMessageId(false).withDisableMessageTimestamp(false));

        for (int bad : new int[] {-1, 10}) {
            JMSException e = assertThrows(JMSException.class, () -> tuned.withPriority(bad));
            assertTrue(e.getMessage().startsWith("HJMS-PRODUCER-002 invalid priority " + bad), e.getMessage());
        }
        for (int bad : new int[] {0, 3}) {
            JMSException e = assertThrows(JMSException.class, () -> tuned.withDeliveryMode(bad));
            assertTrue(e.getMessage().startsWith("HJMS-PRODUCER-001 invalid delivery mode " + bad), e.getMessage());
        }
    }

    @Test
    void bothProducersStartFromTheDefaultsAndRefuseTheSameInput() throws JMSException {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        MessageProducer classic = session.createProducer(freshQueue(session));
        assertEquals(ProducerSettings.DEFAULTS, settingsOf(classic));
        JMSException refused = assertThrows(JMSException.class, () -> classic.setPriority(10));
        try (JMSContext context = factory.createContext()) {
            JMSProducer simplified = context.createProducer();
            assertEquals(ProducerSettings.DEFAULTS.priority(), simplified.getPriority());
            assertEquals(ProducerSettings.DEFAULTS.deliveryMode(), simplified.getDeliveryMode());
            assertEquals(ProducerSettings.DEFAULTS.timeToLive(), simplified.getTimeToLive());
            assertEquals(ProducerSettings.DEFAULTS.deliveryDelay(), simplified.getDeliveryDelay());
            JMSRuntimeException same = assertThrows(JMSRuntimeException.class, () -> simplified.setPriority(10));
            assertEquals(refused.getMessage(), same.getMessage());
        }
    }

    @Test
    void appliedSettingsReachTheMessagesOfBothProducers() throws JMSException {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        ProducerSettings tuned = ProducerSettings.DEFAULTS.withPriority(7).withDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .withTimeToLive(60_000).withDisableMessageTimestamp(true);
        MessageProducer classic = session.createProducer(queue);
        tuned.applyTo(classic);
        assertEquals(tuned, settingsOf(classic));
        classic.send(session.createTextMessage("classic"));
        try (JMSContext context = factory.createContext()) {
            context.createProducer().setPriority(7).setDeliveryMode(DeliveryMode.NON_PERSISTENT).setTimeToLive(60_000)
                    .setDisableMessageTimestamp(true).send(queue, "simplified");
        }
        MessageConsumer consumer = session.createConsumer(queue);
        for (int i = 0; i < 2; i++) {
            Message m = consumer.receive(10_000);
            assertNotNull(m, "message " + i);
            assertEquals(7, m.getJMSPriority());
            assertEquals(DeliveryMode.NON_PERSISTENT, m.getJMSDeliveryMode());
            assertTrue(m.getJMSExpiration() > System.currentTimeMillis(), "expires in a minute");
            assertEquals(0, m.getJMSTimestamp(), "timestamp disabled");
        }
    }

    private static ProducerSettings settingsOf(MessageProducer p) throws JMSException {
        return ProducerSettings.DEFAULTS.withDeliveryMode(p.getDeliveryMode()).withPriority(p.getPriority())
                .withTimeToLive(p.getTimeToLive()).withDeliveryDelay(p.getDeliveryDelay())
                .withDisableMessageId(p.getDisableMessageID()).withDisableMessageTimestamp(p.getDisableMessageTimestamp());
    }
}
