package io.hazeljms.jms;

import io.hazeljms.jms.config.BacklogPolicy;
import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.store.DestinationKey;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionRolledBackException;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queues hold at most maxQueueMessages / maxQueueBytes; a send beyond blocks or fails as backlogPolicy says. */
class BoundedQueueTest extends JmsTestSupport {

    private static final long WAIT = 10_000;

    @Override
    protected ProviderConfig.Builder config() {
        return ProviderConfig.builder().maxQueueMessages(3)
                .backlogPolicy(new BacklogPolicy(BacklogPolicy.Mode.FAIL, 0));
    }

    private HazelcastConnectionFactory factory(ProviderConfig.Builder config) {
        return new HazelcastConnectionFactory(config.instance(cluster.member(0)).build());
    }

    private static void sendTexts(Session session, MessageProducer producer, int n) throws JMSException {
        for (int i = 0; i < n; i++) {
            producer.send(session.createTextMessage("m" + i));
        }
    }

    private long depth(Queue queue) {
        return factory.node().broker().administration().depth(DestinationKey.queue(queueName(queue)));
    }

    private static String queueName(Queue queue) {
        try {
            return queue.getQueueName();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void failRefusesAtOnceNamingTheQueueAndTheLimitAndStoresNothing() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = session.createProducer(queue);
        sendTexts(session, producer, 3);
        ResourceAllocationException e = assertThrows(ResourceAllocationException.class,
                () -> producer.send(session.createTextMessage("m3")));
        assertTrue(e.getMessage().contains("queue:" + queue.getQueueName()), e.getMessage());
        assertTrue(e.getMessage().contains("maxQueueMessages=3"), e.getMessage());
        assertEquals(3, depth(queue));
        MessageConsumer consumer = session.createConsumer(queue);
        for (int i = 0; i < 3; i++) {
            assertEquals("m" + i, ((TextMessage) consumer.receive(WAIT)).getText());
        }
        assertNull(consumer.receiveNoWait(), "the refused message was not stored");
        producer.send(session.createTextMessage("after")); // consumed: room again, the queue stays usable
        assertEquals("after", ((TextMessage) consumer.receive(WAIT)).getText());
    }

    @Test
    void blockWaitsUntilAConsumerMakesRoom() throws Exception {
        try (HazelcastConnectionFactory blocking = factory(config()
                .backlogPolicy(new BacklogPolicy(BacklogPolicy.Mode.BLOCK, 30_000)))) {
            Connection connection = blocking.createConnection();
            try {
                connection.start();
                Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
                Queue queue = freshQueue(session);
                MessageProducer producer = session.createProducer(queue);
                sendTexts(session, producer, 3);
                CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
                    try {
                        producer.send(session.createTextMessage("m3"));
                    } catch (JMSException e) {
                        throw new RuntimeException(e);
                    }
                });
                MessageConsumer consumer = connection.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
                assertEquals("m0", ((TextMessage) consumer.receive(WAIT)).getText());
                blocked.get(WAIT, TimeUnit.MILLISECONDS);
                for (int i = 1; i <= 3; i++) {
                    assertEquals("m" + i, ((TextMessage) consumer.receive(WAIT)).getText());
                }
            } finally {
                connection.close();
            }
        }
    }

    @Test
    void blockGivesUpAfterItsTime() throws Exception {
        try (HazelcastConnectionFactory blocking = factory(config()
                .backlogPolicy(new BacklogPolicy(BacklogPolicy.Mode.BLOCK, 300)))) {
            Connection connection = blocking.createConnection();
            try {
                Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
                Queue queue = freshQueue(session);
                MessageProducer producer = session.createProducer(queue);
                sendTexts(session, producer, 3);
                ResourceAllocationException e = assertThrows(ResourceAllocationException.class,
                        () -> producer.send(session.createTextMessage("m3")));
                assertTrue(e.getMessage().contains("after waiting 300 ms"), e.getMessage());
                assertEquals(3, depth(queue));
            } finally {
                connection.close();
            }
        }
    }

    @Test
    void byteLimitRefusesWhatDoesNotFit() throws Exception {
        try (HazelcastConnectionFactory small = factory(config().maxQueueMessages(0).maxQueueBytes(3_000))) {
            Connection connection = small.createConnection();
            try {
                Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
                Queue queue = freshQueue(session);
                MessageProducer producer = session.createProducer(queue);
                for (int i = 0; i < 2; i++) {
                    BytesMessage m = session.createBytesMessage();
                    m.writeBytes(new byte[1_000]);
                    producer.send(m);
                }
                BytesMessage third = session.createBytesMessage();
                third.writeBytes(new byte[1_000]);
                ResourceAllocationException e = assertThrows(ResourceAllocationException.class,
                        () -> producer.send(third));
                assertTrue(e.getMessage().contains("maxQueueBytes=3000"), e.getMessage());
                assertEquals(2, depth(queue));
            } finally {
                connection.close();
            }
        }
    }

    @Test
    void aDestinationsOwnLimitOverridesTheDefault() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        factory.node().broker().administration().createDestination(DestinationKey.queue(queue.getQueueName()),
                factory.config().destinationDefaults().withMaxMessages(1));
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("one"));
        ResourceAllocationException e = assertThrows(ResourceAllocationException.class,
                () -> producer.send(session.createTextMessage("two")));
        assertTrue(e.getMessage().contains("maxQueueMessages=1"), e.getMessage());
    }

    @Test
    void jmsContextThrowsTheRuntimeException() {
        try (JMSContext context = factory.createContext()) {
            Queue queue = context.createQueue(testName + "-" + System.nanoTime());
            for (int i = 0; i < 3; i++) {
                context.createProducer().send(queue, "m" + i);
            }
            assertThrows(ResourceAllocationRuntimeException.class, () -> context.createProducer().send(queue, "m3"));
        }
    }

    @Test
    void aTransactionThatDoesNotFitCommitsNothing() throws Exception {
        Session plain = session(Session.AUTO_ACKNOWLEDGE);
        Queue full = freshQueue(plain);
        Queue empty = freshQueue(plain);
        sendTexts(plain, plain.createProducer(full), 2);
        Session tx = startedConnection().createSession(Session.SESSION_TRANSACTED);
        sendTexts(tx, tx.createProducer(empty), 1);
        sendTexts(tx, tx.createProducer(full), 2); // one more than there is room for
        TransactionRolledBackException e = assertThrows(TransactionRolledBackException.class, tx::commit);
        assertInstanceOf(ResourceAllocationException.class, e.getLinkedException());
        assertEquals(0, depth(empty), "no part of a refused commit is stored");
        assertEquals(2, depth(full));
    }

    @Test
    void anAsynchronousSendReportsTheRefusalToItsListener() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = session.createProducer(queue);
        sendTexts(session, producer, 3);
        CompletableFuture<Exception> outcome = new CompletableFuture<>();
        producer.send(session.createTextMessage("m3"), new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                outcome.complete(null);
            }

            @Override
            public void onException(Message message, Exception exception) {
                outcome.complete(exception);
            }
        });
        assertInstanceOf(ResourceAllocationException.class, outcome.get(WAIT, TimeUnit.MILLISECONDS));
        assertEquals(3, depth(queue));
    }

    /**
     * The background store batches what gathered while its last call ran, so the three refused messages may come
     * in one report or several (timing decides): together the reports name exactly three.
     */
    @Test
    void aRefusedNonPersistentBatchIsReportedNotDroppedSilently() throws Exception {
        Connection connection = startedConnection();
        LinkedBlockingQueue<JMSException> reported = new LinkedBlockingQueue<>();
        connection.setExceptionListener(reported::add);
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        sendTexts(session, producer, 6);
        producer.close(); // waits until the background store is done
        Pattern count = Pattern.compile("(\\d+) NON_PERSISTENT message\\(s\\)");
        int lost = 0;
        long deadline = System.currentTimeMillis() + WAIT;
        while (lost < 3) {
            JMSException e = reported.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            assertTrue(e != null, "reported as lost: " + lost + " of the 3 refused messages");
            assertInstanceOf(ResourceAllocationException.class, e);
            Matcher m = count.matcher(e.getMessage());
            assertTrue(m.find(), e.getMessage());
            lost += Integer.parseInt(m.group(1));
        }
        assertEquals(3, lost);
        assertEquals(3, depth(queue));
    }

    @Test
    void aTemporaryQueueIsBoundedToo() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue queue = session.createTemporaryQueue();
        MessageProducer producer = session.createProducer(queue);
        sendTexts(session, producer, 3);
        assertThrows(ResourceAllocationException.class, () -> producer.send(session.createTextMessage("m3")));
    }

    @Test
    void anXaBranchVotesNoWhenItDoesNotFitAndAPreparedOneAlwaysCommits() throws Exception {
        XAConnection connection = factory.createXAConnection();
        try {
            XASession session = connection.createXASession();
            Queue queue = freshQueue(session);
            Session plain = session(Session.AUTO_ACKNOWLEDGE);
            sendTexts(plain, plain.createProducer(queue), 2);

            XAResource xa = session.getXAResource();
            Xid tooBig = XaTransactionTest.TestXid.random();
            xa.start(tooBig, XAResource.TMNOFLAGS);
            sendTexts(session, session.createProducer(queue), 2);
            xa.end(tooBig, XAResource.TMSUCCESS);
            XAException no = assertThrows(XAException.class, () -> xa.prepare(tooBig));
            assertEquals(XAException.XA_RBOTHER, no.errorCode);
            assertEquals(2, depth(queue));

            Xid fits = XaTransactionTest.TestXid.random();
            xa.start(fits, XAResource.TMNOFLAGS);
            sendTexts(session, session.createProducer(queue), 1);
            xa.end(fits, XAResource.TMSUCCESS);
            assertEquals(XAResource.XA_OK, xa.prepare(fits));
            factory.node().broker().administration().createDestination(DestinationKey.queue(queue.getQueueName()),
                    factory.config().destinationDefaults().withMaxMessages(2)); // less room than when prepared
            xa.commit(fits, false);
            assertEquals(3, depth(queue), "a prepared branch commits whatever the room now");
        } finally {
            connection.close();
        }
    }
}
