package io.hazeljms.jms;

import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every misuse the spec names raises its exception and changes nothing. */
class MisuseTest extends JmsTestSupport {

    @Test
    void closedObjectsRefuseUse() throws Exception {
        Connection connection = startedConnection();
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = session.createProducer(queue);
        MessageConsumer consumer = session.createConsumer(queue);
        consumer.close();
        assertThrows(IllegalStateException.class, consumer::receiveNoWait);
        producer.close();
        assertThrows(IllegalStateException.class, () -> producer.send(session.createMessage()));
        session.close();
        assertThrows(IllegalStateException.class, session::createMessage);
        assertThrows(IllegalStateException.class, () -> session.createConsumer(queue));
        connection.close();
        assertThrows(IllegalStateException.class, () -> connection.createSession(Session.AUTO_ACKNOWLEDGE));
        assertThrows(IllegalStateException.class, connection::getClientID);
        connection.close(); // closing twice is allowed
        session.close();
    }

    @Test
    void acknowledgeAfterSessionCloseIsRefused() throws Exception {
        Session session = session(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        session.createProducer(queue).send(session.createTextMessage("x"));
        Message m = session.createConsumer(queue).receive(10_000);
        session.close();
        assertThrows(IllegalStateException.class, m::acknowledge);
    }

    @Test
    void transactionCallsOnTheWrongSessionKind() throws Exception {
        Session auto = session(Session.AUTO_ACKNOWLEDGE);
        assertThrows(IllegalStateException.class, auto::commit);
        assertThrows(IllegalStateException.class, auto::rollback);
        Session transacted = session(Session.SESSION_TRANSACTED);
        assertThrows(IllegalStateException.class, transacted::recover);
        assertTrue(transacted.getTransacted());
        assertEquals(Session.SESSION_TRANSACTED, transacted.getAcknowledgeMode());
        assertThrows(JMSException.class, () -> startedConnection().createSession(false, 42));
    }

    @Test
    void nullAndInvalidDestinations() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidDestinationException.class, () -> session.createConsumer(null));
        assertThrows(InvalidDestinationException.class, () -> session.createBrowser(null));
        assertThrows(InvalidDestinationException.class, () -> session.createQueue(""));
        MessageProducer anonymous = session.createProducer(null);
        assertThrows(InvalidDestinationException.class, () -> anonymous.send(null, session.createMessage()));
        assertThrows(UnsupportedOperationException.class, () -> anonymous.send(session.createMessage()));
        MessageProducer fixed = session.createProducer(freshQueue(session));
        assertThrows(UnsupportedOperationException.class,
                () -> fixed.send(freshQueue(session), session.createMessage()));
        assertThrows(MessageFormatException.class, () -> fixed.send(null));
    }

    /** A null (or temporary) topic is reported first, not the missing client ID or subscription name. */
    @Test
    void anInvalidDestinationIsReportedBeforeAMissingClientIdOrName() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE); // no client ID
        TemporaryTopic temp = session.createTemporaryTopic();
        for (Topic topic : new Topic[] {null, temp}) {
            for (String name : new String[] {"sub", null}) {
                assertThrows(InvalidDestinationException.class, () -> session.createDurableConsumer(topic, name));
                assertThrows(InvalidDestinationException.class,
                        () -> session.createDurableConsumer(topic, name, null, false));
                assertThrows(InvalidDestinationException.class, () -> session.createDurableSubscriber(topic, name));
                assertThrows(InvalidDestinationException.class,
                        () -> session.createDurableSubscriber(topic, name, null, false));
                assertThrows(InvalidDestinationException.class, () -> session.createSharedDurableConsumer(topic, name));
                assertThrows(InvalidDestinationException.class,
                        () -> session.createSharedDurableConsumer(topic, name, null));
                assertThrows(InvalidDestinationException.class, () -> session.createSharedConsumer(topic, name));
                assertThrows(InvalidDestinationException.class,
                        () -> session.createSharedConsumer(topic, name, null));
            }
        }
        assertThrows(InvalidDestinationException.class, () -> session.createConsumer(null, "a = 1", true));
        assertThrows(InvalidDestinationException.class, () -> session.createBrowser(null, "a = 1"));
        Connection connection = connection();
        ServerSessionPool pool = () -> null;
        assertThrows(InvalidDestinationException.class,
                () -> connection.createDurableConnectionConsumer(null, "sub", null, pool, 1));
        assertThrows(InvalidDestinationException.class,
                () -> connection.createSharedDurableConnectionConsumer(null, null, null, pool, 1));
        assertThrows(InvalidDestinationException.class,
                () -> connection.createSharedConnectionConsumer(null, null, null, pool, 1));
        assertThrows(InvalidDestinationException.class, () -> connection.createConnectionConsumer(
                (Destination) null, null, pool, 1));

        try (JMSContext context = factory.createContext()) {
            for (String name : new String[] {"sub", null}) {
                assertThrows(InvalidDestinationRuntimeException.class, () -> context.createDurableConsumer(null, name));
                assertThrows(InvalidDestinationRuntimeException.class,
                        () -> context.createDurableConsumer(null, name, null, false));
                assertThrows(InvalidDestinationRuntimeException.class,
                        () -> context.createSharedDurableConsumer(null, name));
                assertThrows(InvalidDestinationRuntimeException.class,
                        () -> context.createSharedDurableConsumer(null, name, null));
                assertThrows(InvalidDestinationRuntimeException.class, () -> context.createSharedConsumer(null, name));
                assertThrows(InvalidDestinationRuntimeException.class,
                        () -> context.createSharedConsumer(null, name, null));
            }
            assertThrows(InvalidDestinationRuntimeException.class, () -> context.createConsumer(null, "a = 1"));
            assertThrows(InvalidDestinationRuntimeException.class, () -> context.createBrowser(null, "a = 1"));
        }
    }

    @Test
    void invalidSelectorFailsAtCreationNamingThePosition() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        InvalidSelectorException e = assertThrows(InvalidSelectorException.class,
                () -> session.createConsumer(queue, "colour = 'red' AND"));
        assertTrue(e.getMessage().contains("position"), e.getMessage());
        assertThrows(InvalidSelectorException.class, () -> session.createBrowser(queue, "a =="));
        assertThrows(InvalidSelectorException.class, () -> session.createConsumer(queue, "x LIKE 'a' ESCAPE 'ab'"));
    }

    @Test
    void invalidProducerSettingsAreRefused() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = session.createProducer(freshQueue(session));
        assertThrows(JMSException.class, () -> producer.setPriority(10));
        assertThrows(JMSException.class, () -> producer.setDeliveryMode(7));
        assertThrows(JMSException.class, () -> producer.send(session.createMessage(), 7, 4, 0));
        assertEquals(4, producer.getPriority(), "a refused setting changes nothing");
    }

    @Test
    void badPropertyNamesAndTypes() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Message m = session.createMessage();
        assertThrows(IllegalArgumentException.class, () -> m.setStringProperty("", "x"));
        assertThrows(IllegalArgumentException.class, () -> m.setStringProperty(null, "x"));
        assertThrows(IllegalArgumentException.class, () -> m.setIntProperty("1abc", 1));
        assertThrows(MessageFormatException.class, () -> m.setObjectProperty("list", new java.util.ArrayList<>()));
        m.setBooleanProperty("flag", true);
        assertThrows(MessageFormatException.class, () -> m.getIntProperty("flag"));
        Queue queue = freshQueue(session);
        session.createProducer(queue).send(m);
        Message received = session.createConsumer(queue).receive(10_000);
        assertThrows(MessageNotWriteableException.class, () -> received.setIntProperty("late", 1));
    }

    @Test
    void clientIdRules() throws Exception {
        String id = "client-" + UUID.randomUUID();
        Connection first = connection();
        first.setClientID(id);
        assertEquals(id, first.getClientID());
        assertThrows(IllegalStateException.class, () -> first.setClientID("another"));
        Connection second = connection();
        assertThrows(InvalidClientIDException.class, () -> second.setClientID(id));
        Connection used = connection();
        used.createSession(Session.AUTO_ACKNOWLEDGE);
        assertThrows(IllegalStateException.class, () -> used.setClientID("too-late-" + UUID.randomUUID()));
        first.close();
        Connection third = connection();
        third.setClientID(id); // freed by close
    }

    @Test
    void temporaryQueueBelongsToItsConnectionAndDiesWithIt() throws Exception {
        Connection owner = startedConnection();
        Session ownerSession = owner.createSession(Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue temp = ownerSession.createTemporaryQueue();
        Session other = session(Session.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidDestinationException.class, () -> other.createConsumer(temp));
        other.createProducer(temp).send(other.createTextMessage("reply"));
        MessageConsumer consumer = ownerSession.createConsumer(temp);
        assertNotNull(consumer.receive(10_000));
        assertThrows(IllegalStateException.class, temp::delete, "refused while a consumer is open");
        consumer.close();
        owner.close();
        assertThrows(InvalidDestinationException.class,
                () -> other.createProducer(temp).send(other.createTextMessage("too late")));
        String tempName = temp.getQueueName();
        assertTrue(factory.node().broker().administration().destinationNames().stream().noneMatch(n -> n.name().contains(tempName)));
    }

    @Test
    void deletedTemporaryQueueRefusesSends() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue temp = session.createTemporaryQueue();
        temp.delete();
        assertThrows(InvalidDestinationException.class,
                () -> session.createProducer(temp).send(session.createTextMessage("x")));
    }

    @Test
    void metaDataNamesTheSupportedJmsxProperties() throws Exception {
        var meta = connection().getMetaData();
        assertEquals(3, meta.getJMSMajorVersion());
        assertEquals(1, meta.getJMSMinorVersion());
        var names = java.util.Collections.list(meta.getJMSXPropertyNames());
        assertTrue(names.containsAll(java.util.List.of("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq")));
    }

    @Test
    void receiveIsRefusedWhileAListenerIsSet() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(freshQueue(session));
        consumer.setMessageListener(m -> { });
        assertThrows(IllegalStateException.class, () -> consumer.receive(10));
        consumer.setMessageListener(null);
        assertNull(consumer.receiveNoWait());
    }
}
