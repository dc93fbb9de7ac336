package io.hazeljms.jms;

import io.hazeljms.jms.config.BacklogPolicy;
import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.store.DestinationKey;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publish/subscribe with every subscription kind, against a real member. */
class TopicTest extends JmsTestSupport {

    private static final long WAIT = 10_000;

    @Override
    protected ProviderConfig.Builder config() {
        return ProviderConfig.builder().maxDeliveryAttempts(2).maxQueueMessages(5)
                .backlogPolicy(new BacklogPolicy(BacklogPolicy.Mode.FAIL, 0));
    }

    private Topic freshTopic(Session session) throws JMSException {
        return session.createTopic(testName + "-" + UUID.randomUUID());
    }

    private static String text(Message m) throws JMSException {
        return ((TextMessage) m).getText();
    }

    private Connection connectionWithClientId(String clientId) throws JMSException {
        Connection c = connection();
        c.setClientID(clientId);
        c.start();
        return c;
    }

    @Test
    void everyNonDurableSubscriberGetsEveryMessagePublishedWhileItExists() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Topic topic = freshTopic(session);
        MessageProducer publisher = session.createProducer(topic);
        publisher.send(session.createTextMessage("before"));
        MessageConsumer a = session.createConsumer(topic);
        MessageConsumer b = session(Session.AUTO_ACKNOWLEDGE).createConsumer(topic);
        publisher.send(session.createTextMessage("one"));
        publisher.send(session.createTextMessage("two"));
        for (MessageConsumer c : List.of(a, b)) {
            assertEquals("one", text(c.receive(WAIT)));
            assertEquals("two", text(c.receive(WAIT)));
            assertNull(c.receiveNoWait(), "nothing published before the subscription existed");
        }
    }

    @Test
    void nonDurableSubscriptionEndsWithItsConsumer() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Topic topic = freshTopic(session);
        MessageConsumer consumer = session.createConsumer(topic);
        consumer.close();
        session.createProducer(topic).send(session.createTextMessage("nobody"));
        assertEquals(0, factory.node().broker().administration().depth(DestinationKey.topic(topic.getTopicName())));
    }

    @Test
    void durableSubscriberReceivesWhatWasPublishedWhileItWasOffline() throws Exception {
        String clientId = "durable-" + UUID.randomUUID();
        Connection first = connectionWithClientId(clientId);
        Session session = first.createSession(Session.AUTO_ACKNOWLEDGE);
        Topic topic = freshTopic(session);
        session.createDurableConsumer(topic, "sub").close();
        first.close();

        Session publisher = session(Session.AUTO_ACKNOWLEDGE);
        publisher.createProducer(topic).send(publisher.createTextMessage("while offline"));

        Connection second = connectionWithClientId(clientId);
        MessageConsumer back = second.createSession(Session.AUTO_ACKNOWLEDGE).createDurableConsumer(topic, "sub");
        assertEquals("while offline", text(back.receive(WAIT)));
    }

    @Test
    void unsharedDurableSubscriptionNeedsAClientIdAndHasOneConsumer() throws Exception {
        Session anonymous = session(Session.AUTO_ACKNOWLEDGE);
        Topic topic = freshTopic(anonymous);
        assertThrows(IllegalStateException.class, () -> anonymous.createDurableConsumer(topic, "sub"));
        Session session = connectionWithClientId("one-" + UUID.randomUUID()).createSession(Session.AUTO_ACKNOWLEDGE);
        session.createDurableConsumer(topic, "sub");
        assertThrows(JMSException.class, () -> session.createDurableConsumer(topic, "sub"));
        assertThrows(JMSException.class, () -> session.createSharedDurableConsumer(topic, "sub"),
                "a shared and an unshared durable subscription may not share a name");
    }

    @Test
    void unsubscribeRules() throws Exception {
        Connection connection = connectionWithClientId("unsub-" + UUID.randomUUID());
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Topic topic = freshTopic(session);
        assertThrows(InvalidDestinationException.class, () -> session.unsubscribe("missing"));
        MessageConsumer consumer = session.createDurableConsumer(topic, "sub");
        assertThrows(IllegalStateException.class, () -> session.unsubscribe("sub"), "refused while active");
        consumer.close();
        session.createProducer(topic).send(session.createTextMessage("dropped with the subscription"));
        session.unsubscribe("sub");
        MessageConsumer fresh = session.createDurableConsumer(topic, "sub");
        assertNull(fresh.receive(300), "a new subscription starts empty");
    }

    @Test
    void unsubscribeIsRefusedWhileAMessageIsUnacknowledged() throws Exception {
        Connection connection = connectionWithClientId("unacked-" + UUID.randomUUID());
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        Topic topic = freshTopic(session);
        MessageConsumer consumer = session.createDurableConsumer(topic, "sub");
        session.createProducer(topic).send(session.createTextMessage("pending"));
        Message m = consumer.receive(WAIT);
        consumer.close();
        assertThrows(IllegalStateException.class, () -> session.unsubscribe("sub"));
        m.acknowledge();
        session.unsubscribe("sub");
    }

    @Test
    void changingTheSelectorReplacesTheDurableSubscription() throws Exception {
        Connection connection = connectionWithClientId("change-" + UUID.randomUUID());
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Topic topic = freshTopic(session);
        session.createDurableConsumer(topic, "sub", "kind = 'a'", false).close();
        Message a = session.createTextMessage("old");
        a.setStringProperty("kind", "a");
        session.createProducer(topic).send(a);
        MessageConsumer replaced = session.createDurableConsumer(topic, "sub", "kind = 'b'", false);
        assertNull(replaced.receive(300), "the old subscription and its message are gone");
    }

    @Test
    void changingTheTopicReplacesTheDurableSubscription() throws Exception {
        Connection connection = connectionWithClientId("move-" + UUID.randomUUID());
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Topic first = freshTopic(session);
        Topic second = freshTopic(session);
        session.createDurableConsumer(first, "sub").close();
        session.createProducer(first).send(session.createTextMessage("on first"));
        MessageConsumer moved = session.createDurableConsumer(second, "sub");
        assertNull(moved.receive(300));
        assertEquals(0, factory.node().broker().administration().depth(DestinationKey.topic(first.getTopicName())), "old subscription deleted");
        session.createProducer(second).send(session.createTextMessage("on second"));
        assertEquals("on second", text(moved.receive(WAIT)));
    }

    @Test
    void sharedSubscriptionSplitsMessagesWithNoneMissingOrDoubled() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Topic topic = freshTopic(session);
        List<MessageConsumer> consumers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            consumers.add(session(Session.AUTO_ACKNOWLEDGE).createSharedConsumer(topic, "workers"));
        }
        MessageConsumer everything = session(Session.AUTO_ACKNOWLEDGE).createConsumer(topic);
        Session publisherSession = session(Session.AUTO_ACKNOWLEDGE);
        MessageProducer publisher = publisherSession.createProducer(topic);
        int total = 30;
        Set<String> seen = new HashSet<>();
        int received = 0;
        List<Integer> perConsumer = new ArrayList<>();
        for (int batch = 0; batch < total / 3; batch++) {
            for (int i = 0; i < 3; i++) {
                publisher.send(publisherSession.createTextMessage("w" + (batch * 3 + i)));
            }
            assertNotNull(everything.receive(WAIT));
            assertNotNull(everything.receive(WAIT));
            assertNotNull(everything.receive(WAIT));
            // drain what arrived; the backlog limit (5) keeps batches small
            for (MessageConsumer c : consumers) {
                for (Message m = c.receive(100); m != null; m = c.receiveNoWait()) {
                    assertTrue(seen.add(text(m)), "delivered twice: " + text(m));
                    received++;
                }
            }
        }
        for (MessageConsumer c : consumers) {
            int mine = 0;
            for (Message m = c.receiveNoWait(); m != null; m = c.receiveNoWait()) {
                assertTrue(seen.add(text(m)));
                received++;
                mine++;
            }
            perConsumer.add(mine);
        }
        assertEquals(total, received);
        assertEquals(total, seen.size());
    }

    @Test
    void sharedDurableSubscriptionOutlivesItsConsumers() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Topic topic = freshTopic(session);
        session.createSharedDurableConsumer(topic, "keep").close();
        session.createProducer(topic).send(session.createTextMessage("kept"));
        MessageConsumer back = session(Session.AUTO_ACKNOWLEDGE).createSharedDurableConsumer(topic, "keep");
        assertEquals("kept", text(back.receive(WAIT)));
        back.close();
        session.unsubscribe("keep");
    }

    @Test
    void noLocalSubscriberSkipsItsOwnConnectionsMessages() throws Exception {
        Connection mine = startedConnection();
        Session session = mine.createSession(Session.AUTO_ACKNOWLEDGE);
        Topic topic = freshTopic(session);
        MessageConsumer noLocal = session.createConsumer(topic, null, true);
        session.createProducer(topic).send(session.createTextMessage("own"));
        Session other = session(Session.AUTO_ACKNOWLEDGE);
        other.createProducer(topic).send(other.createTextMessage("foreign"));
        assertEquals("foreign", text(noLocal.receive(WAIT)));
        assertNull(noLocal.receiveNoWait());
    }

    @Test
    void topicSelectorIsAppliedWhenPublishing() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Topic topic = freshTopic(session);
        MessageConsumer urgent = session.createConsumer(topic, "JMSPriority > 6 OR urgent = TRUE");
        MessageProducer publisher = session.createProducer(topic);
        publisher.send(session.createTextMessage("low"), jakarta.jms.DeliveryMode.PERSISTENT, 1, 0);
        publisher.send(session.createTextMessage("high"), jakarta.jms.DeliveryMode.PERSISTENT, 8, 0);
        Message flagged = session.createTextMessage("flagged");
        flagged.setBooleanProperty("urgent", true);
        publisher.send(flagged);
        assertEquals(2, factory.node().broker().administration().depth(DestinationKey.topic(topic.getTopicName())),
                "the non-matching message was never stored for the subscription");
        assertEquals("high", text(urgent.receive(WAIT)));
        assertEquals("flagged", text(urgent.receive(WAIT)));
        assertNull(urgent.receiveNoWait());
    }

    @Test
    void temporaryTopicBelongsToItsConnection() throws Exception {
        Connection owner = startedConnection();
        Session ownerSession = owner.createSession(Session.AUTO_ACKNOWLEDGE);
        TemporaryTopic temp = ownerSession.createTemporaryTopic();
        Session other = session(Session.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidDestinationException.class, () -> other.createConsumer(temp));
        assertThrows(InvalidDestinationException.class, () -> ownerSession.createSharedConsumer(temp, "x"));
        MessageConsumer consumer = ownerSession.createConsumer(temp);
        other.createProducer(temp).send(other.createTextMessage("to temp"));
        assertEquals("to temp", text(consumer.receive(WAIT)));
        assertThrows(IllegalStateException.class, temp::delete);
        consumer.close();
        temp.delete();
        assertThrows(InvalidDestinationException.class,
                () -> other.createProducer(temp).send(other.createTextMessage("gone")));
    }

    @Test
    void onePublishReachesFiftySubscriptions() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Topic topic = freshTopic(session);
        List<MessageConsumer> subscribers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            subscribers.add(session.createConsumer(topic));
        }
        session.createProducer(topic).send(session.createTextMessage("fan-out"));
        for (MessageConsumer s : subscribers) {
            assertEquals("fan-out", text(s.receive(WAIT)));
        }
    }

    @Test
    void fullSubscriptionFailsThePublishWithoutPublishingAnything() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Topic topic = freshTopic(session);
        MessageConsumer slow = session.createConsumer(topic);
        MessageProducer publisher = session.createProducer(topic);
        for (int i = 0; i < 5; i++) {
            publisher.send(session.createTextMessage("m" + i));
        }
        assertThrows(ResourceAllocationException.class, () -> publisher.send(session.createTextMessage("m5")));
        for (int i = 0; i < 5; i++) {
            assertEquals("m" + i, text(slow.receive(WAIT)));
        }
        assertNull(slow.receiveNoWait(), "the refused message reached no subscription");
        publisher.send(session.createTextMessage("after"));
        assertEquals("after", text(slow.receive(WAIT)));
    }

    @Test
    void subscriptionMessagesAreRedeliveredThenDeadLettered() throws Exception {
        Session session = session(Session.SESSION_TRANSACTED);
        Topic topic = freshTopic(session);
        MessageConsumer consumer = session.createConsumer(topic);
        session.createProducer(topic).send(session.createTextMessage("bad"));
        session.commit();
        Message first = consumer.receive(WAIT);
        session.rollback();
        Message second = consumer.receive(WAIT);
        assertTrue(second.getJMSRedelivered());
        assertEquals(2, second.getIntProperty("JMSXDeliveryCount"));
        session.rollback();
        assertNull(consumer.receive(300), "out of attempts");
        MessageConsumer dlq = session.createConsumer(session.createQueue("DLQ"),
                "HJMS_OriginalDestination LIKE 'topic:" + topic.getTopicName() + "#%'");
        assertEquals("bad", text(dlq.receive(WAIT)));
        assertNotNull(first);
        session.commit();
    }
}
