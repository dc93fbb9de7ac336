package io.hazeljms.jms;

import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.store.DestinationKey;
import io.hazeljms.store.DestinationStats;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consumer claims up to {@code prefetch} messages per store call. What it claimed ahead is leased to its
 * session and goes back uncounted, in order, on close, recover and rollback; AUTO acknowledgements are all
 * stored once the consumer is closed.
 */
class PrefetchTest extends JmsTestSupport {

    private static final int PREFETCH = 4;

    @Override
    protected ProviderConfig.Builder config() {
        return ProviderConfig.builder().prefetch(PREFETCH);
    }

    private DestinationStats stats(Queue queue) throws JMSException {
        return factory.node().broker().administration().stats(DestinationKey.queue(queue.getQueueName()));
    }

    private void send(Session session, Queue queue, int n) throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < n; i++) {
            producer.send(session.createTextMessage("m" + i));
        }
    }

    private static String text(Message m) throws JMSException {
        return ((TextMessage) m).getText();
    }

    @Test
    void anIdleConsumersAutoAcknowledgementReachesTheStoreWithoutAnotherReceive() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        send(session, queue, 1);
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals("m0", text(consumer.receive(10_000)));
        // the consumer stays open and does not receive again: its acknowledgement must not wait for that
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stats(queue).acknowledged() < 1 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // store state is no event: look, bounded
        }
        assertEquals(1, stats(queue).acknowledged());
        assertEquals(0, stats(queue).inFlight());
        consumer.close();
    }

    @Test
    void oneClaimTakesUpToPrefetchMessages() throws Exception {
        Session session = session(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        send(session, queue, 10);
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals("m0", text(consumer.receive(5_000)));
        assertEquals(PREFETCH, stats(queue).inFlight(), "m0 and the three claimed with it are leased");
        assertEquals(10 - PREFETCH, stats(queue).pending());
    }

    @Test
    void closingTheConsumerReturnsWhatItClaimedAheadUncounted() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        send(session, queue, 6);
        MessageConsumer first = session.createConsumer(queue);
        assertEquals("m0", text(first.receive(5_000)));
        first.close();
        assertEquals(0, stats(queue).inFlight(), "nothing stays leased to a closed consumer");
        assertEquals(1, stats(queue).acknowledged(), "m0 was acknowledged by the time close returned");
        MessageConsumer second = session.createConsumer(queue);
        for (int i = 1; i < 6; i++) {
            Message m = second.receive(5_000);
            assertEquals("m" + i, text(m));
            assertFalse(m.getJMSRedelivered(), "never delivered before: not a redelivery");
            assertEquals(1, m.getIntProperty("JMSXDeliveryCount"));
        }
    }

    @Test
    void recoverRedeliversInTheOriginalOrder() throws Exception {
        Session session = session(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        send(session, queue, 5);
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals("m0", text(consumer.receive(5_000)));
        assertEquals("m1", text(consumer.receive(5_000)));
        session.recover();
        List<String> order = new ArrayList<>();
        List<Boolean> redelivered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Message m = consumer.receive(5_000);
            order.add(text(m));
            redelivered.add(m.getJMSRedelivered());
        }
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), order);
        assertEquals(List.of(true, true, false, false, false), redelivered);
    }

    @Test
    void rollbackRedeliversInTheOriginalOrder() throws Exception {
        Session session = session(Session.SESSION_TRANSACTED);
        Queue queue = freshQueue(session);
        send(session, queue, 3);
        session.commit();
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals("m0", text(consumer.receive(5_000)));
        session.rollback();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            order.add(text(consumer.receive(5_000)));
        }
        session.commit();
        assertEquals(List.of("m0", "m1", "m2"), order);
        assertEquals(0, stats(queue).depth());
    }

    @Test
    void autoAcknowledgementsAreStoredWhenTheSessionCloses() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        send(session, queue, 50);
        MessageConsumer consumer = session.createConsumer(queue);
        for (int i = 0; i < 50; i++) {
            assertEquals("m" + i, text(consumer.receive(5_000)));
        }
        session.close();
        DestinationStats stats = stats(queue);
        assertEquals(0, stats.depth());
        assertEquals(50, stats.acknowledged());
    }

    @Test
    void competingConsumersShareWhatIsLeft() throws Exception {
        Session a = session(Session.AUTO_ACKNOWLEDGE);
        Session b = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(a);
        send(a, queue, 2 * PREFETCH);
        MessageConsumer first = a.createConsumer(queue);
        MessageConsumer second = b.createConsumer(queue);
        assertEquals("m0", text(first.receive(5_000)));
        assertEquals("m" + PREFETCH, text(second.receive(5_000)), "the first consumer holds its prefetch");
    }

    @Test
    void prefetchOutOfRangeIsRefusedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProviderConfig.builder().prefetch(0).build());
        assertTrue(e.getMessage().contains("prefetch must be 1.."), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProviderConfig.builder().prefetch(1_001).build());
    }
}
