package io.hazeljms.jms.client;

import com.hazelcast.map.IMap;
import io.hazeljms.jms.HazelcastConnectionFactory;
import io.hazeljms.jms.JmsTestSupport;
import io.hazeljms.jms.config.BacklogPolicy;
import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.store.StoreConfig;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NON_PERSISTENT sends without a CompletionListener return before the message is stored, batched per session,
 * and every flush point (producer, session and connection close, stop, recover, a send of another kind) waits
 * until they are stored. To hold the store still, a test locks the destination's map entry: Hazelcast parks
 * the enqueue processor until the lock is released, so "sent but not stored yet" is a state, not a race.
 */
class NonPersistentSendsTest extends JmsTestSupport {

    private static final long WAIT = 10_000;

    @Test
    void manySendsFromSeveralProducersArriveAllOnceAndInOrderPerProducer() throws Exception {
        Connection sending = startedConnection();
        Session first = sending.createSession(Session.AUTO_ACKNOWLEDGE);
        Session second = sending.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(first);
        Queue other = freshQueue(first);
        int perProducer = 3_000;
        List<MessageProducer> producers = List.of(nonPersistent(first, queue), nonPersistent(second, queue),
                nonPersistent(second, null));
        List<Session> sessions = List.of(first, second, second);
        for (int i = 0; i < perProducer; i++) {
            for (int p = 0; p < producers.size(); p++) {
                TextMessage m = sessions.get(p).createTextMessage("p" + p + "-" + i);
                m.setIntProperty("producer", p);
                m.setIntProperty("seq", i);
                if (p == 2) {
                    // the anonymous producer alternates destinations: many short runs, one call each
                    producers.get(p).send(i % 2 == 0 ? queue : other, m);
                } else {
                    producers.get(p).send(m);
                }
            }
        }
        int[] next = new int[producers.size()];
        MessageConsumer consumer = session(Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
        int expected = 2 * perProducer + perProducer / 2;
        for (int n = 0; n < expected; n++) {
            Message m = consumer.receive(WAIT);
            assertNotNull(m, "message " + n + " of " + expected + " never arrived");
            int p = m.getIntProperty("producer");
            int seq = m.getIntProperty("seq");
            assertEquals(next[p], seq, "producer " + p + ": out of order or duplicated");
            next[p] += p == 2 ? 2 : 1;
        }
        producers.forEach(NonPersistentSendsTest::close); // flushes: nothing more can come
        assertNull(consumer.receiveNoWait(), "a message arrived twice");
        MessageConsumer otherConsumer = session(Session.AUTO_ACKNOWLEDGE).createConsumer(other);
        for (int i = 1; i < perProducer; i += 2) {
            assertEquals(i, otherConsumer.receive(WAIT).getIntProperty("seq"));
        }
        assertNull(otherConsumer.receiveNoWait());
    }

    @Test
    void sendsReturnBeforeTheyAreStoredAndThoseSentMeanwhileGoInOneCall() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = nonPersistent(session, queue);
        NonPersistentSends sends = ((HazelcastSession) session).nonPersistentSends();
        int count = 200;
        try (HeldStill held = holdStill(queue)) {
            for (int i = 0; i < count; i++) {
                producer.send(session.createTextMessage("m" + i)); // would wait for the lock if it stored
            }
            assertEquals(1, sends.storeCalls(), "the first send's call is outstanding; the others wait for it");
        }
        producer.close();
        assertEquals(2, sends.storeCalls(), "everything sent while the first call was outstanding went in one call");
        assertReceivedInOrderAtOnce(queue, count);
    }

    @Test
    void closingTheProducerSessionOrConnectionOrStoppingStoresEverythingSent() throws Exception {
        int count = 300;
        Connection connection = startedConnection();
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = nonPersistent(session, queue);
        sendTexts(session, producer, count);
        producer.close();
        assertReceivedInOrderAtOnce(queue, count);

        sendTexts(session, nonPersistent(session, queue), count);
        session.close();
        assertReceivedInOrderAtOnce(queue, count);

        Session recovering = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        sendTexts(recovering, nonPersistent(recovering, queue), count);
        recovering.recover();
        assertReceivedInOrderAtOnce(queue, count);

        Session stopping = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        sendTexts(stopping, nonPersistent(stopping, queue), count);
        connection.stop();
        assertReceivedInOrderAtOnce(queue, count);

        Connection closing = connection();
        Session last = closing.createSession(Session.AUTO_ACKNOWLEDGE);
        sendTexts(last, nonPersistent(last, queue), count);
        closing.close();
        assertReceivedInOrderAtOnce(queue, count);
    }

    @Test
    void aContextStoresItsSendsWhenItCloses() throws Exception {
        JMSContext context = factory.createContext();
        Queue queue = context.createQueue(testName + "-" + System.nanoTime());
        JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        for (int i = 0; i < 300; i++) {
            producer.send(queue, "m" + i);
        }
        context.close();
        assertReceivedInOrderAtOnce(queue, 300);
    }

    @Test
    void persistentNonPersistentAndCompletionListenerSendsOfOneSessionKeepTheirOrder() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = session.createProducer(queue);
        CountDownLatch completed = new CountDownLatch(100);
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                completed.countDown();
            }

            @Override
            public void onException(Message message, Exception exception) {
            }
        };
        for (int i = 0; i < 1_000; i++) {
            TextMessage m = session.createTextMessage("m" + i);
            if (i % 10 == 3) {
                producer.send(m, DeliveryMode.PERSISTENT, 4, 0);
            } else if (i % 10 == 7) {
                producer.send(m, DeliveryMode.NON_PERSISTENT, 4, 0, listener);
            } else {
                producer.send(m, DeliveryMode.NON_PERSISTENT, 4, 0);
            }
        }
        producer.close();
        assertTrue(completed.await(WAIT, TimeUnit.MILLISECONDS));
        assertReceivedInOrderAtOnce(queue, 1_000);
    }

    @Test
    void aPersistentSendWaitsForTheNonPersistentOnesBeforeIt() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = session.createProducer(queue);
        CompletableFuture<Void> persistent;
        try (HeldStill held = holdStill(queue)) {
            producer.send(session.createTextMessage("np"), DeliveryMode.NON_PERSISTENT, 4, 0);
            TextMessage p = session.createTextMessage("p");
            persistent = sendBlocked(producer, p, DeliveryMode.PERSISTENT);
        }
        persistent.get(WAIT, TimeUnit.MILLISECONDS);
        MessageConsumer consumer = session(Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
        assertEquals("np", ((TextMessage) consumer.receiveNoWait()).getText());
        assertEquals("p", ((TextMessage) consumer.receiveNoWait()).getText());
    }

    @Test
    void aSendToADeletedTemporaryQueueIsReportedToTheExceptionListener() throws Exception {
        Connection connection = startedConnection();
        CompletableFuture<JMSException> reported = new CompletableFuture<>();
        connection.setExceptionListener(reported::complete);
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue temporary = session.createTemporaryQueue();
        temporary.delete();
        MessageProducer producer = nonPersistent(session, temporary);
        TextMessage message = session.createTextMessage("lost");
        producer.send(message); // returns: the store has not answered yet

        JMSException e = reported.get(WAIT, TimeUnit.MILLISECONDS);
        assertInstanceOf(InvalidDestinationException.class, e);
        assertTrue(e.getMessage().startsWith("HJMS-PRODUCER-011 1 NON_PERSISTENT message(s)"), e.getMessage());
        assertTrue(e.getMessage().contains(message.getJMSMessageID()), "names the lost message: " + e.getMessage());
        assertTrue(e.getMessage().contains("asyncNonPersistentSends=false"), "says what to do: " + e.getMessage());
        assertEquals("HJMS-PRODUCER-011", e.getErrorCode());
        producer.close(); // the failure was reported, not thrown
    }

    @Test
    void withAsyncSendsOffANonPersistentSendIsStoredBeforeItReturns() throws Exception {
        try (HazelcastConnectionFactory synchronous = new HazelcastConnectionFactory(
                ProviderConfig.builder().asyncNonPersistentSends(false).instance(cluster.member(0)).build())) {
            Connection connection = synchronous.createConnection();
            try {
                connection.start();
                Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
                assertNull(((HazelcastSession) session).nonPersistentSends());
                Queue queue = freshQueue(session);
                MessageProducer producer = nonPersistent(session, queue);
                MessageConsumer consumer = connection.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
                for (int i = 0; i < 50; i++) {
                    producer.send(session.createTextMessage("m" + i));
                    TextMessage m = (TextMessage) consumer.receiveNoWait();
                    assertNotNull(m, "send " + i + " returned before its message was stored");
                    assertEquals("m" + i, m.getText());
                }
                TemporaryQueue temporary = session.createTemporaryQueue();
                temporary.delete();
                MessageProducer toDeleted = nonPersistent(session, temporary);
                TextMessage lost = session.createTextMessage("x");
                InvalidDestinationException thrown = org.junit.jupiter.api.Assertions.assertThrows(
                        InvalidDestinationException.class, () -> toDeleted.send(lost));
                assertTrue(thrown.getMessage().startsWith("HJMS-SESSION-004"), thrown.getMessage());
            } finally {
                connection.close();
            }
        }
    }

    @Test
    void aSenderTooFarAheadOfTheStoreWaitsForIt() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = nonPersistent(session, queue);
        int count = 1 + NonPersistentSends.MAX_WAITING_MESSAGES; // one outstanding call, the bound waiting
        CompletableFuture<Void> beyond;
        try (HeldStill held = holdStill(queue)) {
            sendTexts(session, producer, count);
            TextMessage extra = session.createTextMessage("m" + count);
            beyond = sendBlocked(producer, extra, DeliveryMode.NON_PERSISTENT);
        }
        beyond.get(WAIT, TimeUnit.MILLISECONDS);
        producer.close();
        assertReceivedInOrderAtOnce(queue, count + 1);
    }

    @Test
    void bodiesBeyondTheByteBoundMakeTheSenderWait() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = nonPersistent(session, queue);
        int size = (int) (NonPersistentSends.MAX_WAITING_BYTES * 2 / 3);
        CompletableFuture<Void> beyond;
        try (HeldStill held = holdStill(queue)) {
            producer.send(bytes(session, 0, size)); // the outstanding call
            producer.send(bytes(session, 1, size)); // waits: within the bound
            BytesMessage third = bytes(session, 2, size);
            beyond = sendBlocked(producer, third, DeliveryMode.NON_PERSISTENT);
        }
        beyond.get(WAIT, TimeUnit.MILLISECONDS);
        producer.close();
        MessageConsumer consumer = session(Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
        for (int i = 0; i < 3; i++) {
            BytesMessage m = (BytesMessage) consumer.receiveNoWait();
            assertEquals(i, m.getIntProperty("seq"));
            assertEquals(size, m.getBodyLength());
        }
    }

    @Test
    void batchesRefusedByAFullTopicAreStoredOneByOneAsTheBlockPolicyWaits() throws Exception {
        try (HazelcastConnectionFactory blocking = new HazelcastConnectionFactory(ProviderConfig.builder()
                .maxQueueMessages(3).backlogPolicy(new BacklogPolicy(BacklogPolicy.Mode.BLOCK, 30_000))
                .instance(cluster.member(0)).build())) {
            Connection connection = blocking.createConnection();
            try {
                connection.start();
                AtomicReference<JMSException> reported = new AtomicReference<>();
                connection.setExceptionListener(reported::set);
                Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
                Topic topic = session.createTopic(testName + "-" + System.nanoTime());
                MessageConsumer slow = connection.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(topic);
                MessageProducer publisher = nonPersistent(session, topic);
                sendTexts(session, publisher, 20); // more than maxBacklog: none is dropped, the store waits
                for (int i = 0; i < 20; i++) {
                    assertEquals("m" + i, ((TextMessage) slow.receive(WAIT)).getText());
                }
                publisher.close();
                assertNull(slow.receiveNoWait());
                assertNull(reported.get());
            } finally {
                connection.close();
            }
        }
    }

    @Test
    void aFullTopicUnderTheFailPolicyReportsWhatWasNotPublished() throws Exception {
        try (HazelcastConnectionFactory failing = new HazelcastConnectionFactory(ProviderConfig.builder()
                .maxQueueMessages(3).backlogPolicy(new BacklogPolicy(BacklogPolicy.Mode.FAIL, 0))
                .instance(cluster.member(0)).build())) {
            Connection connection = failing.createConnection();
            try {
                connection.start();
                CompletableFuture<JMSException> reported = new CompletableFuture<>();
                connection.setExceptionListener(reported::complete);
                Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
                Topic topic = session.createTopic(testName + "-" + System.nanoTime());
                MessageConsumer slow = connection.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(topic);
                MessageProducer publisher = nonPersistent(session, topic);
                sendTexts(session, publisher, 6);
                publisher.close();

                JMSException e = reported.get(WAIT, TimeUnit.MILLISECONDS);
                assertInstanceOf(ResourceAllocationException.class, e);
                assertTrue(e.getMessage().startsWith("HJMS-PRODUCER-011"), e.getMessage());
                for (int i = 0; i < 3; i++) {
                    assertEquals("m" + i, ((TextMessage) slow.receiveNoWait()).getText(), "the first three fit");
                }
                assertNull(slow.receiveNoWait());
            } finally {
                connection.close();
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static MessageProducer nonPersistent(Session session, Destination destination) throws JMSException {
        MessageProducer producer = session.createProducer(destination);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        return producer;
    }

    private static void sendTexts(Session session, MessageProducer producer, int count) throws JMSException {
        for (int i = 0; i < count; i++) {
            producer.send(session.createTextMessage("m" + i));
        }
    }

    private static BytesMessage bytes(Session session, int seq, int size) throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeBytes(new byte[size]);
        m.setIntProperty("seq", seq);
        return m;
    }

    private static void close(MessageProducer producer) {
        try {
            producer.close();
        } catch (JMSException e) {
            throw new RuntimeException(e);
        }
    }

    /** Everything is already stored: a receiver on another connection gets it all without waiting, in order. */
    private void assertReceivedInOrderAtOnce(Queue queue, int count) throws JMSException {
        Connection other = startedConnection();
        Session session = other.createSession(Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        for (int i = 0; i < count; i++) {
            TextMessage m = (TextMessage) consumer.receiveNoWait();
            assertNotNull(m, "message " + i + " of " + count + " was not stored yet");
            assertEquals("m" + i, m.getText());
        }
        assertNull(consumer.receiveNoWait());
        other.close();
    }

    /**
     * Locks the destination's entry so no store call on it can run until {@link HeldStill#close()}. From a
     * thread of its own: Hazelcast lets the lock's owner thread through, and the test thread makes store calls.
     */
    private static HeldStill holdStill(Destination destination) throws Exception {
        IMap<String, Object> destinations = cluster.member(0).getMap(StoreConfig.DESTINATIONS_MAP);
        String key = ((HazelcastDestination) destination).encode();
        ExecutorService owner = Executors.newSingleThreadExecutor();
        owner.submit(() -> destinations.lock(key)).get(WAIT, TimeUnit.MILLISECONDS);
        return () -> {
            try {
                owner.submit(() -> destinations.unlock(key)).get(WAIT, TimeUnit.MILLISECONDS);
            } finally {
                owner.shutdown();
            }
        };
    }

    private interface HeldStill extends AutoCloseable {
        @Override
        void close() throws Exception;
    }

    /**
     * Runs a send on a thread of its own and returns once that thread waits, checking the send has not returned.
     * The thread does nothing but the send, so its waiting is the send's.
     */
    private static CompletableFuture<Void> sendBlocked(MessageProducer producer, Message message, int mode) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread sender = new Thread(() -> {
            try {
                producer.send(message, mode, Message.DEFAULT_PRIORITY, 0);
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "test-sender");
        sender.setDaemon(true);
        sender.start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT);
        while (!done.isDone() && sender.getState() != Thread.State.WAITING
                && sender.getState() != Thread.State.TIMED_WAITING) {
            assertTrue(System.nanoTime() < deadline, "the sender neither returned nor waited");
            Thread.onSpinWait();
        }
        assertFalse(done.isDone(), () -> "the send returned although the store could not take what was sent before: "
                + done.handle((v, e) -> e == null ? "normally" : e.toString()).join());
        return done;
    }
}
