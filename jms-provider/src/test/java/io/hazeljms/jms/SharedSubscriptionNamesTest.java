package io.hazeljms.jms;

import io.hazeljms.store.DestinationKey;
import io.hazeljms.store.StoreConfig;
import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spec 8.3: a shared non-durable subscription name (per client ID) is on one topic at a time while it has
 * active consumers; another topic or selector is a JMSException. Durable names alike (6.11).
 */
class SharedSubscriptionNamesTest extends JmsTestSupport {

    private static final long WAIT = 10_000;

    private Topic freshTopic(Session session) throws JMSException {
        return session.createTopic(testName + "-" + UUID.randomUUID());
    }

    private long depth(Topic topic) throws JMSException {
        return factory.node().broker().administration().depth(DestinationKey.topic(topic.getTopicName()));
    }

    private boolean indexed(String storeName) {
        return factory.node().broker().hazelcast().getMap(StoreConfig.SHARED_SUBSCRIPTIONS_MAP).containsKey(storeName);
    }

    @Test
    void aSharedNameWithActiveConsumersIsRefusedOnAnotherTopicAndFreedByItsLastClose() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Topic first = freshTopic(session);
        Topic second = freshTopic(session);
        MessageConsumer a = session.createSharedConsumer(first, "workers");
        MessageConsumer b = session(Session.AUTO_ACKNOWLEDGE).createSharedConsumer(first, "workers");

        JMSException e = assertThrows(JMSException.class, () -> session.createSharedConsumer(second, "workers"));
        assertTrue(e.getMessage().startsWith("HJMS-TOPIC-009 shared subscription"), e.getMessage());
        assertThrows(JMSException.class, () -> session.createSharedConsumer(second, "workers", "x = 1"));
        // the refusal changed nothing: no subscription on the second topic, the first one still delivers
        session.createProducer(second).send(session.createTextMessage("nobody"));
        assertEquals(0, depth(second));
        session.createProducer(first).send(session.createTextMessage("still here"));
        assertEquals(1, depth(first));

        a.close();
        assertThrows(JMSException.class, () -> session.createSharedConsumer(second, "workers"), "b is still active");
        b.close();
        assertFalse(indexed("shared::workers"), "the name is freed with the subscription's last consumer");
        MessageConsumer moved = session.createSharedConsumer(second, "workers");
        assertThrows(JMSException.class, () -> session.createSharedConsumer(first, "workers"));
        session.createProducer(second).send(session.createTextMessage("on second"));
        assertEquals("on second", ((TextMessage) moved.receive(WAIT)).getText());
    }

    @Test
    void sameTopicWithAnotherSelectorIsRefusedWhileActive() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Topic topic = freshTopic(session);
        MessageConsumer red = session.createSharedConsumer(topic, "colours", "colour = 'red'");
        assertThrows(JMSException.class, () -> session.createSharedConsumer(topic, "colours", "colour = 'blue'"));
        assertThrows(JMSException.class, () -> session.createSharedConsumer(topic, "colours"));
        assertNotNull(session.createSharedConsumer(topic, "colours", "colour = 'red'"), "same selector joins");
    }

    @Test
    void theJmsContextThrowsJmsRuntimeException() throws Exception {
        Topic first;
        Topic second;
        try (JMSContext context = factory.createContext(); JMSContext other = factory.createContext()) {
            first = context.createTopic(testName + "-" + UUID.randomUUID());
            second = context.createTopic(testName + "-" + UUID.randomUUID());
            JMSConsumer consumer = context.createSharedConsumer(first, "ctx");
            JMSRuntimeException e = assertThrows(JMSRuntimeException.class,
                    () -> other.createSharedConsumer(second, "ctx"));
            assertTrue(e.getMessage().startsWith("HJMS-TOPIC-009"), e.getMessage());
            consumer.close();
            assertNotNull(other.createSharedConsumer(second, "ctx"));
        }
    }

    @Test
    void namesArePerClientId() throws Exception {
        Connection one = connection();
        one.setClientID("one-" + UUID.randomUUID());
        Connection two = connection();
        two.setClientID("two-" + UUID.randomUUID());
        Session s1 = one.createSession(Session.AUTO_ACKNOWLEDGE);
        Session s2 = two.createSession(Session.AUTO_ACKNOWLEDGE);
        Session none = session(Session.AUTO_ACKNOWLEDGE);
        s1.createSharedConsumer(freshTopic(s1), "per-client");
        assertNotNull(s2.createSharedConsumer(freshTopic(s2), "per-client"));
        assertNotNull(none.createSharedConsumer(freshTopic(none), "per-client"));
        // a durable subscription of the same name is a separate thing (spec: no restriction between them)
        assertNotNull(s1.createDurableConsumer(freshTopic(s1), "per-client"));
    }

    /** Two first consumers racing on different topics: exactly one wins, every round. */
    @Test
    void racingCreatorsOnDifferentTopicsCannotBothWin() throws Exception {
        Session setup = session(Session.AUTO_ACKNOWLEDGE);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String name = "race-" + round;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<MessageConsumer>> attempts = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    Session session = session(Session.AUTO_ACKNOWLEDGE);
                    Topic topic = freshTopic(setup);
                    Callable<MessageConsumer> attempt = () -> {
                        start.await(WAIT, TimeUnit.MILLISECONDS);
                        try {
                            return session.createSharedConsumer(topic, name);
                        } catch (JMSException refused) {
                            return null;
                        }
                    };
                    attempts.add(pool.submit(attempt));
                }
                int winners = 0;
                for (Future<MessageConsumer> attempt : attempts) {
                    winners += attempt.get(WAIT, TimeUnit.MILLISECONDS) != null ? 1 : 0;
                }
                assertEquals(1, winners, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** An index entry whose subscription is gone (its node died without detaching) does not block the name. */
    @Test
    void aStaleIndexEntryIsReplaced() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        factory.node().broker().hazelcast().getMap(StoreConfig.SHARED_SUBSCRIPTIONS_MAP)
                .put("shared::stale", DestinationKey.topic("gone-" + UUID.randomUUID()).encode());
        Topic topic = freshTopic(session);
        MessageConsumer consumer = session.createSharedConsumer(topic, "stale");
        session.createProducer(topic).send(session.createTextMessage("works"));
        Message m = consumer.receive(WAIT);
        assertEquals("works", ((TextMessage) m).getText());
    }

    @Test
    void aDurableNameWithAnActiveConsumerIsRefusedOnAnotherTopic() throws Exception {
        Connection connection = connection();
        connection.setClientID("durable-" + UUID.randomUUID());
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Topic first = freshTopic(session);
        Topic second = freshTopic(session);
        session.createDurableConsumer(first, "unshared");
        assertThrows(JMSException.class, () -> session.createDurableConsumer(second, "unshared"));
        session.createSharedDurableConsumer(first, "shared");
        assertThrows(JMSException.class, () -> session.createSharedDurableConsumer(second, "shared"));
        // refused without deleting: both subscriptions still take what the first topic publishes
        session.createProducer(first).send(session.createTextMessage("kept"));
        assertEquals(2, depth(first));
        assertEquals(0, depth(second));
    }
}
