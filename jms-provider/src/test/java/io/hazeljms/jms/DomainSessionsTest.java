package io.hazeljms.jms;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The legacy QueueSession, TopicSession and QueueConnection refuse the other domain's methods with
 * IllegalStateException (the lists in their javadoc); what createSession makes accepts both domains.
 */
class DomainSessionsTest extends JmsTestSupport {

    private static void refused(String method, Executable call) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call, method);
        assertTrue(e.getMessage().contains("HJMS-SESSION-015") && e.getMessage().contains(method + " is not allowed"),
                e.getMessage());
    }

    /** Every method the QueueSession javadoc lists, on a session of a QueueConnection or of an XA queue one. */
    private static void refusesTopicMethods(QueueSession session, Topic topic) {
        refused("QueueSession.createTopic", () -> session.createTopic("t"));
        refused("QueueSession.createTemporaryTopic", session::createTemporaryTopic);
        refused("QueueSession.unsubscribe", () -> session.unsubscribe("sub"));
        refused("QueueSession.createDurableSubscriber", () -> session.createDurableSubscriber(topic, "d"));
        refused("QueueSession.createDurableSubscriber", () -> session.createDurableSubscriber(topic, "d", null, false));
        refused("QueueSession.createDurableConsumer", () -> session.createDurableConsumer(topic, "d"));
        refused("QueueSession.createDurableConsumer", () -> session.createDurableConsumer(topic, "d", null, false));
        refused("QueueSession.createSharedConsumer", () -> session.createSharedConsumer(topic, "s"));
        refused("QueueSession.createSharedConsumer", () -> session.createSharedConsumer(topic, "s", null));
        refused("QueueSession.createSharedDurableConsumer", () -> session.createSharedDurableConsumer(topic, "s"));
        refused("QueueSession.createSharedDurableConsumer",
                () -> session.createSharedDurableConsumer(topic, "s", null));
    }

    private static void refusesQueueMethods(TopicSession session, Queue queue) {
        refused("TopicSession.createQueue", () -> session.createQueue("q"));
        refused("TopicSession.createTemporaryQueue", session::createTemporaryQueue);
        refused("TopicSession.createBrowser", () -> session.createBrowser(queue));
        refused("TopicSession.createBrowser", () -> session.createBrowser(queue, "a = 1"));
    }

    @Test
    void queueSessionRefusesTopicMethodsAndStillWorksOnQueues() throws Exception {
        Session general = session(Session.AUTO_ACKNOWLEDGE);
        Topic topic = general.createTopic(testName + "-" + UUID.randomUUID());
        try (QueueConnection connection = factory.createQueueConnection()) {
            connection.setClientID("domain-" + UUID.randomUUID());
            connection.start();
            QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            refusesTopicMethods(session, topic);
            // the refused durable subscriptions were not created: a general session finds none to delete
            Session other = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            assertThrows(InvalidDestinationException.class, () -> other.unsubscribe("d"));

            Queue queue = session.createQueue(testName + "-" + UUID.randomUUID());
            session.createSender(queue).send(session.createTextMessage("p2p"));
            assertEquals("p2p", ((TextMessage) session.createReceiver(queue).receive(10_000)).getText());
            assertNotNull(session.createBrowser(queue));
            assertNotNull(session.createTemporaryQueue());
        }
    }

    @Test
    void topicSessionRefusesQueueMethodsAndStillWorksOnTopics() throws Exception {
        Queue queue = freshQueue(session(Session.AUTO_ACKNOWLEDGE));
        try (TopicConnection connection = factory.createTopicConnection()) {
            connection.setClientID("domain-" + UUID.randomUUID());
            connection.start();
            TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            refusesQueueMethods(session, queue);

            Topic topic = session.createTopic(testName + "-" + UUID.randomUUID());
            var subscriber = session.createSubscriber(topic);
            var durable = session.createDurableSubscriber(topic, "d");
            session.createPublisher(topic).publish(session.createTextMessage("pub"));
            assertEquals("pub", ((TextMessage) subscriber.receive(10_000)).getText());
            assertEquals("pub", ((TextMessage) durable.receive(10_000)).getText());
            durable.close();
            session.unsubscribe("d");
            assertNotNull(session.createTemporaryTopic());
        }
    }

    @Test
    void sessionsOfCreateSessionAcceptBothDomainsOnEveryConnectionKind() throws Exception {
        try (QueueConnection queues = factory.createQueueConnection();
             TopicConnection topics = factory.createTopicConnection()) {
            for (Connection connection : new Connection[] {queues, topics, connection()}) {
                Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
                Queue queue = session.createQueue(testName + "-" + UUID.randomUUID());
                Topic topic = session.createTopic(testName + "-" + UUID.randomUUID());
                assertNotNull(session.createBrowser(queue));
                assertNotNull(session.createSharedConsumer(topic, "shared-" + UUID.randomUUID()));
                assertNotNull(session.createTemporaryQueue());
                assertNotNull(session.createTemporaryTopic());
            }
        }
    }

    @Test
    void xaQueueAndTopicSessionsGiveSessionsOfTheirKind() throws Exception {
        Session general = session(Session.AUTO_ACKNOWLEDGE);
        Topic topic = general.createTopic(testName + "-" + UUID.randomUUID());
        Queue queue = freshQueue(general);
        try (XAQueueConnection queues = factory.createXAQueueConnection();
             XATopicConnection topics = factory.createXATopicConnection()) {
            XAQueueSession xaQueue = queues.createXAQueueSession();
            refusesTopicMethods(xaQueue.getQueueSession(), topic);
            assertNotNull(xaQueue.getQueueSession().createQueue("q"));
            XATopicSession xaTopic = topics.createXATopicSession();
            refusesQueueMethods(xaTopic.getTopicSession(), queue);
            assertNotNull(xaTopic.getTopicSession().createTopic("t"));
            // their plain sessions are general ones
            assertNotNull(queues.createXASession().getSession().createTopic("t"));
            assertNotNull(queues.createQueueSession(true, Session.SESSION_TRANSACTED).createQueue("q"));
        }
    }

    @Test
    void queueConnectionRefusesDurableConnectionConsumers() throws Exception {
        Topic topic = session(Session.AUTO_ACKNOWLEDGE).createTopic(testName + "-" + UUID.randomUUID());
        try (QueueConnection connection = factory.createQueueConnection()) {
            connection.setClientID("domain-" + UUID.randomUUID());
            refused("QueueConnection.createDurableConnectionConsumer",
                    () -> connection.createDurableConnectionConsumer(topic, "d", null, () -> null, 1));
        }
    }

    @Test
    void topicConnectionsAndGeneralConnectionsKeepDurableConnectionConsumers() throws JMSException {
        Topic topic = session(Session.AUTO_ACKNOWLEDGE).createTopic(testName + "-" + UUID.randomUUID());
        try (TopicConnection connection = factory.createTopicConnection()) {
            connection.setClientID("domain-" + UUID.randomUUID());
            connection.createDurableConnectionConsumer(topic, "d", null, () -> null, 1).close();
        }
    }
}
