package io.hazeljms.jms;

import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.store.DestinationKey;
import io.hazeljms.store.DestinationState;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queue semantics through the JMS API against a real member. */
class QueueSemanticsTest extends JmsTestSupport {

    private static final long WAIT = 10_000;

    @Override
    protected ProviderConfig.Builder config() {
        return ProviderConfig.builder().maxDeliveryAttempts(3).expiryQueue("expired");
    }

    private static String text(Message m) throws JMSException {
        return ((TextMessage) m).getText();
    }

    @Test
    void higherPriorityIsDeliveredFirstAndEqualPrioritiesInSendOrder() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = session.createProducer(queue);
        int[] priorities = {1, 9, 4, 9, 0, 4, 7};
        for (int i = 0; i < priorities.length; i++) {
            producer.send(session.createTextMessage("m" + i), DeliveryMode.PERSISTENT, priorities[i], 0);
        }
        MessageConsumer consumer = session.createConsumer(queue);
        List<String> received = new ArrayList<>();
        for (int i = 0; i < priorities.length; i++) {
            Message m = consumer.receive(WAIT);
            received.add(text(m) + "@" + m.getJMSPriority());
        }
        assertEquals(List.of("m1@9", "m3@9", "m6@7", "m2@4", "m5@4", "m0@1", "m4@0"), received);
    }

    @Test
    void selectorIsAppliedInTheStoreAndLeavesOtherMessagesQueued() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 6; i++) {
            TextMessage m = session.createTextMessage("n" + i);
            m.setIntProperty("n", i);
            m.setStringProperty("colour", i % 2 == 0 ? "red" : "blue");
            producer.send(m);
        }
        MessageConsumer reds = session.createConsumer(queue, "colour = 'red' AND n > 0");
        assertEquals("n2", text(reds.receive(WAIT)));
        assertEquals("n4", text(reds.receive(WAIT)));
        assertNull(reds.receiveNoWait());
        MessageConsumer all = session.createConsumer(queue);
        List<String> rest = new ArrayList<>();
        for (Message m = all.receive(WAIT); m != null; m = all.receiveNoWait()) {
            rest.add(text(m));
        }
        assertEquals(List.of("n0", "n1", "n3", "n5"), rest);
    }

    /** Spec 3.8.1.1: numeric literals follow Java's syntax, so 035 is octal 29, not 35. */
    @Test
    void selectorLiteralsAreReadAsJavaReadsThem() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = session.createProducer(queue);
        for (int n : new int[] {35, 29, 1000}) {
            TextMessage m = session.createTextMessage("n" + n);
            m.setIntProperty("n", n);
            producer.send(m);
        }
        assertEquals("n29", text(session.createConsumer(queue, "n = 035").receive(WAIT)));
        assertEquals("n1000", text(session.createConsumer(queue, "n = 1_000 OR n = 0x3E8L").receive(WAIT)));
        InvalidSelectorException e = assertThrows(InvalidSelectorException.class,
                () -> session.createConsumer(queue, "n = 09"));
        assertTrue(e.getMessage().contains("octal"), e.getMessage());
        assertEquals("n35", text(session.createConsumer(queue).receive(WAIT)));
    }

    /** A property named with a letter outside the BMP can be set, selected on and read. */
    @Test
    void supplementaryLetterPropertyNamesWorkInSelectors() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        String name = "\uD835\uDC00abc";
        MessageProducer producer = session.createProducer(queue);
        for (int n = 1; n <= 2; n++) {
            TextMessage m = session.createTextMessage("m" + n);
            m.setIntProperty(name, n);
            producer.send(m);
        }
        Message m = session.createConsumer(queue, name + " = 2").receive(WAIT);
        assertEquals("m2", text(m));
        assertEquals(2, m.getIntProperty(name));
    }

    @Test
    void messageThatExpiresBeforeItIsDueIsNeverDeliveredAndGoesToTheExpiryQueue() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryDelay(300);
        producer.setTimeToLive(100);
        producer.send(session.createTextMessage("short-lived"));
        assertNull(session.createConsumer(queue).receive(1_500), "an expired message is never delivered");
        Message expired = session.createConsumer(session.createQueue("expired")).receive(WAIT);
        assertNotNull(expired);
        assertEquals("short-lived", text(expired));
        assertEquals("expired", expired.getStringProperty(DestinationState.REASON_PROPERTY));
    }

    @Test
    void expirationHeaderIsSendTimePlusTimeToLive() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = session.createProducer(queue);
        producer.setTimeToLive(60_000);
        producer.send(session.createTextMessage("x"));
        Message m = session.createConsumer(queue).receive(WAIT);
        assertEquals(m.getJMSTimestamp() + 60_000, m.getJMSExpiration());
    }

    @Test
    void delayedMessageIsNotDeliveredBeforeItsDeliveryTime() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryDelay(500);
        producer.send(session.createTextMessage("later"));
        MessageConsumer consumer = session.createConsumer(queue);
        assertNull(consumer.receiveNoWait(), "not yet due");
        Message m = consumer.receive(WAIT);
        assertNotNull(m);
        assertTrue(System.currentTimeMillis() >= m.getJMSDeliveryTime());
        assertEquals(m.getJMSTimestamp() + 500, m.getJMSDeliveryTime());
    }

    @Test
    void clientAcknowledgeAcknowledgesEveryEarlierMessageOfTheSession() throws Exception {
        Session session = session(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 3; i++) {
            producer.send(session.createTextMessage("c" + i));
        }
        MessageConsumer consumer = session.createConsumer(queue);
        consumer.receive(WAIT);
        Message second = consumer.receive(WAIT);
        consumer.receive(WAIT);
        second.acknowledge(); // acknowledges all three: acknowledgement is per session
        session.recover();
        assertNull(consumer.receive(300), "nothing left to redeliver");
        assertEquals(0, factory.node().broker().administration().depth(DestinationKey.queue(queue.getQueueName())));
    }

    @Test
    void recoverRedeliversUnacknowledgedMessagesInOrderMarkedRedelivered() throws Exception {
        Session session = session(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("r1"));
        producer.send(session.createTextMessage("r2"));
        MessageConsumer consumer = session.createConsumer(queue);
        Message first = consumer.receive(WAIT);
        assertFalse(first.getJMSRedelivered());
        assertEquals(1, first.getIntProperty("JMSXDeliveryCount"));
        consumer.receive(WAIT);
        session.recover();
        Message again1 = consumer.receive(WAIT);
        Message again2 = consumer.receive(WAIT);
        assertEquals(List.of("r1", "r2"), List.of(text(again1), text(again2)));
        assertTrue(again1.getJMSRedelivered());
        assertEquals(2, again1.getIntProperty("JMSXDeliveryCount"));
        again2.acknowledge();
    }

    @Test
    void transactedRollbackRedeliversAndCommitConsumes() throws Exception {
        Session session = session(Session.SESSION_TRANSACTED);
        Queue queue = freshQueue(session);
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("tx"));
        MessageConsumer consumer = session.createConsumer(queue);
        assertNull(consumer.receive(300), "an uncommitted send is invisible");
        session.commit();
        Message m = consumer.receive(WAIT);
        assertFalse(m.getJMSRedelivered());
        session.rollback();
        Message again = consumer.receive(WAIT);
        assertEquals("tx", text(again));
        assertTrue(again.getJMSRedelivered());
        assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
        session.commit();
        assertNull(consumer.receive(300));
    }

    @Test
    void rolledBackSendsAreDiscarded() throws Exception {
        Session session = session(Session.SESSION_TRANSACTED);
        Queue queue = freshQueue(session);
        session.createProducer(queue).send(session.createTextMessage("never"));
        session.rollback();
        session.commit();
        assertNull(session.createConsumer(queue).receive(300));
    }

    @Test
    void messageMovesToTheDeadLetterQueueAfterMaxDeliveryAttempts() throws Exception {
        Session session = session(Session.SESSION_TRANSACTED);
        Queue queue = freshQueue(session);
        session.createProducer(queue).send(session.createTextMessage("poison"));
        session.commit();
        MessageConsumer consumer = session.createConsumer(queue);
        for (int attempt = 1; attempt <= 3; attempt++) {
            Message m = consumer.receive(WAIT);
            assertNotNull(m, "attempt " + attempt);
            assertEquals(attempt, m.getIntProperty("JMSXDeliveryCount"));
            session.rollback();
        }
        assertNull(consumer.receive(300), "no fourth delivery");
        MessageConsumer dlq = session.createConsumer(session.createQueue("DLQ"),
                "HJMS_OriginalDestination = 'queue:" + queue.getQueueName() + "'");
        Message dead = dlq.receive(WAIT);
        assertEquals("poison", text(dead));
        assertTrue(dead.getStringProperty(DestinationState.REASON_PROPERTY).contains("attempts"));
        session.commit();
    }

    @Test
    void competingConsumersEachGetDistinctMessagesAndNoneIsLost() throws Exception {
        Session producerSession = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(producerSession);
        int total = 200;
        int consumers = 4;
        List<Set<String>> seen = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger remaining = new java.util.concurrent.atomic.AtomicInteger(total);
        for (int c = 0; c < consumers; c++) {
            Set<String> mine = new HashSet<>();
            seen.add(mine);
            MessageConsumer consumer = session(Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
            Thread t = new Thread(() -> {
                try {
                    while (remaining.get() > 0) {
                        Message m = consumer.receive(500);
                        if (m != null) {
                            mine.add(text(m));
                            remaining.decrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        MessageProducer producer = producerSession.createProducer(queue);
        for (int i = 0; i < total; i++) {
            producer.send(producerSession.createTextMessage("p" + i));
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertTrue(failures.isEmpty(), failures.toString());
        Set<String> union = new HashSet<>();
        int sum = 0;
        for (Set<String> s : seen) {
            sum += s.size();
            union.addAll(s);
        }
        assertEquals(total, sum, "no message delivered twice");
        assertEquals(total, union.size(), "no message lost");
        assertTrue(seen.stream().filter(s -> !s.isEmpty()).count() > 1, "the work was shared: " + seen.stream().map(Set::size).toList());
    }

    @Test
    void browserShowsMessagesMatchingItsSelectorWithoutConsumingThem() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 250; i++) {
            Message m = session.createTextMessage("b" + i);
            m.setBooleanProperty("even", i % 2 == 0);
            producer.send(m);
        }
        QueueBrowser browser = session.createBrowser(queue, "even = TRUE");
        int count = 0;
        for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); ) {
            TextMessage m = (TextMessage) e.nextElement();
            assertEquals("b" + (count * 2), m.getText());
            count++;
        }
        assertEquals(125, count);
        assertEquals(250, factory.node().broker().administration().depth(DestinationKey.queue(queue.getQueueName())));
        browser.close();
    }

    @Test
    void nonPersistentMessagesAreDeliveredWithTheirMode() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        producer.send(session.createTextMessage("np"));
        Message m = session.createConsumer(queue).receive(WAIT);
        assertEquals(DeliveryMode.NON_PERSISTENT, m.getJMSDeliveryMode());
        assertNotNull(m.getJMSMessageID());
        assertTrue(m.getJMSMessageID().startsWith("ID:"));
    }

    @Test
    void stoppedConnectionDeliversNothingUntilStarted() throws Exception {
        Connection connection = connection();
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        session.createProducer(queue).send(session.createTextMessage("gated"));
        MessageConsumer consumer = session.createConsumer(queue);
        assertNull(consumer.receiveNoWait(), "not started yet");
        assertNull(consumer.receive(200), "receive waits while stopped");
        connection.start();
        assertEquals("gated", text(consumer.receive(WAIT)));
    }
}
