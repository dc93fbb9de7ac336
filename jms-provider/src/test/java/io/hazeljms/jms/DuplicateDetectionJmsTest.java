package io.hazeljms.jms;

import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.jms.management.ManagementBeans;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Duplicate detection through the JMS API: a message sent again with the same duplicate id (HazelJMS' or Artemis'
 * property) is accepted and not delivered twice, in plain and transacted sends, on queues and topics; the window
 * comes from the configuration catalog (here 3 ids); a duplicate id that is not a non-empty String is refused.
 */
class DuplicateDetectionJmsTest extends JmsTestSupport {

    private static final long WAIT = 10_000;

    @Override
    protected ProviderConfig.Builder config() {
        return ProviderConfig.builder().duplicateIdCacheSize(3);
    }

    private static TextMessage message(Session session, String text, String property, String duplicateId)
            throws JMSException {
        TextMessage m = session.createTextMessage(text);
        if (duplicateId != null) {
            m.setStringProperty(property, duplicateId);
        }
        return m;
    }

    /** Everything up to the message "end" (sent last, without a duplicate id), in order. */
    private static List<String> receiveUntilEnd(MessageConsumer consumer) throws JMSException {
        List<String> texts = new ArrayList<>();
        while (true) {
            Message m = consumer.receive(WAIT);
            assertNotNull(m, "got " + texts + " and then nothing");
            String text = ((TextMessage) m).getText();
            if (text.equals("end")) {
                return texts;
            }
            texts.add(text);
        }
    }

    @Test
    void plainAndTransactedSendsWithOneIdAreStoredOnceAndBeyondTheWindowAgain() throws Exception {
        Session plain = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(plain);
        Queue other = freshQueue(plain);
        MessageProducer producer = plain.createProducer(queue);
        String id = DuplicateDetection.ID_PROPERTY;
        producer.send(message(plain, "o-1", id, "o-1"));
        producer.send(message(plain, "o-1 again", id, "o-1"));
        producer.send(message(plain, "o-1 from Artemis code", DuplicateDetection.ARTEMIS_ID_PROPERTY, "o-1"));
        producer.send(message(plain, "o-1 NON_PERSISTENT", id, "o-1"), DeliveryMode.NON_PERSISTENT, 4, 0);
        CompletableFuture<Message> completed = new CompletableFuture<>();
        producer.send(message(plain, "o-1 with a CompletionListener", id, "o-1"), new CompletionListener() {
            @Override
            public void onCompletion(Message m) {
                completed.complete(m);
            }

            @Override
            public void onException(Message m, Exception e) {
                completed.completeExceptionally(e);
            }
        });
        completed.get(WAIT, TimeUnit.MILLISECONDS); // accepted, as a duplicate is

        Session tx = startedConnection().createSession(Session.SESSION_TRANSACTED);
        MessageProducer txProducer = tx.createProducer(null);
        txProducer.send(queue, message(tx, "o-1 in a transaction", id, "o-1"));
        txProducer.send(queue, message(tx, "o-2", id, "o-2"));
        txProducer.send(queue, message(tx, "o-2 twice in one transaction", id, "o-2"));
        txProducer.send(other, message(tx, "o-2 elsewhere", id, "o-2")); // per destination, like Artemis' per address
        tx.commit(); // the duplicates are dropped, the rest commits: the sender is told nothing

        producer.send(message(plain, "o-3", id, "o-3"));
        producer.send(message(plain, "o-4", id, "o-4")); // a window of 3: o-1 is forgotten now
        producer.send(message(plain, "o-1 beyond the window", id, "o-1"));
        producer.send(message(plain, "o-4 again", id, "o-4"));
        producer.send(plain.createTextMessage("end"));

        MessageConsumer consumer = plain.createConsumer(queue);
        assertEquals(List.of("o-1", "o-2", "o-3", "o-4", "o-1 beyond the window"), receiveUntilEnd(consumer));
        // again, in a transaction, twice in one, again within the window: counted where operators look
        assertEquals(7, factory.management().destination(queue).duplicatesDropped());
        String cluster = factory.management().clusterName();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        server.getAttribute(ManagementBeans.brokerName(cluster), "Destinations"); // registers the new queues' MBeans
        assertEquals(7L, server.getAttribute(
                ManagementBeans.destinationName(cluster, "queue", queue.getQueueName()), "DuplicatesDropped"));
        plain.createProducer(other).send(plain.createTextMessage("end"));
        assertEquals(List.of("o-2 elsewhere"), receiveUntilEnd(plain.createConsumer(other)));
    }

    @Test
    void aTopicDropsTheDuplicateForEverySubscription() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("prices-" + UUID.randomUUID());
        MessageConsumer first = session.createConsumer(topic);
        MessageConsumer second = startedConnection().createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(topic);
        MessageProducer producer = session.createProducer(topic);
        producer.send(message(session, "p-1", DuplicateDetection.ID_PROPERTY, "p-1"));
        producer.send(message(session, "p-1 again", DuplicateDetection.ID_PROPERTY, "p-1"));
        producer.send(session.createTextMessage("end"));
        assertEquals(List.of("p-1"), receiveUntilEnd(first));
        assertEquals(List.of("p-1"), receiveUntilEnd(second));
        assertEquals(1, factory.management().destination(topic).duplicatesDropped(), "once, not per subscription");
    }

    @Test
    void theSimplifiedApiSendsOnceAndRefusesANonStringIdWithTheRuntimeException() {
        try (JMSContext context = factory.createContext()) {
            Queue queue = context.createQueue("context-" + UUID.randomUUID());
            for (int i = 0; i < 2; i++) {
                context.createProducer().setProperty(DuplicateDetection.ID_PROPERTY, "c-1").send(queue, "c-1 #" + i);
            }
            context.createProducer().send(queue, "end");
            var consumer = context.createConsumer(queue);
            assertEquals("c-1 #0", consumer.receiveBody(String.class, WAIT));
            assertEquals("end", consumer.receiveBody(String.class, WAIT));
            assertThrows(MessageFormatRuntimeException.class,
                    () -> context.createProducer().setProperty(DuplicateDetection.ID_PROPERTY, 5L));
        }
    }

    @Test
    void aDuplicateIdThatIsNotANonEmptyStringIsAMessageFormatException() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Message m = session.createMessage();
        MessageFormatException notString = assertThrows(MessageFormatException.class,
                () -> m.setLongProperty(DuplicateDetection.ID_PROPERTY, 42L));
        assertTrue(notString.getMessage().contains("HJMS-MSG-080") && notString.getMessage().contains("Long"),
                notString.getMessage());
        MessageFormatException empty = assertThrows(MessageFormatException.class,
                () -> m.setStringProperty(DuplicateDetection.ID_PROPERTY, ""));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        assertThrows(MessageFormatException.class,
                () -> m.setObjectProperty(DuplicateDetection.ARTEMIS_ID_PROPERTY, 7));
        m.setStringProperty(DuplicateDetection.ID_PROPERTY, "fine");
        assertEquals("fine", m.getStringProperty(DuplicateDetection.ID_PROPERTY));
    }
}
