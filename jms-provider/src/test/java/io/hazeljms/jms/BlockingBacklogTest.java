package io.hazeljms.jms;

import io.hazeljms.jms.config.BacklogPolicy;
import io.hazeljms.jms.config.ProviderConfig;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The BLOCK backlog policy: a publisher waits for a slow subscriber, boundedly. */
class BlockingBacklogTest extends JmsTestSupport {

    @Override
    protected ProviderConfig.Builder config() {
        return ProviderConfig.builder().maxQueueMessages(3)
                .backlogPolicy(new BacklogPolicy(BacklogPolicy.Mode.BLOCK, 2_000));
    }

    @Test
    void publisherWaitsForRoomThenProceeds() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("blocking-" + System.nanoTime());
        MessageConsumer slow = session(Session.AUTO_ACKNOWLEDGE).createConsumer(topic);
        MessageProducer publisher = session.createProducer(topic);
        for (int i = 0; i < 3; i++) {
            publisher.send(session.createTextMessage("m" + i));
        }
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
            try {
                publisher.send(session.createTextMessage("m3"));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertFalse(blocked.isDone(), "the fourth publish waits while the subscription is full");
        assertEquals("m0", ((TextMessage) slow.receive(10_000)).getText());
        blocked.get(10, TimeUnit.SECONDS);
        for (int i = 1; i <= 3; i++) {
            assertEquals("m" + i, ((TextMessage) slow.receive(10_000)).getText());
        }
    }

    @Test
    void publisherGivesUpAfterTheBlockTime() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("stuck-" + System.nanoTime());
        session(Session.AUTO_ACKNOWLEDGE).createConsumer(topic);
        MessageProducer publisher = session.createProducer(topic);
        for (int i = 0; i < 3; i++) {
            publisher.send(session.createTextMessage("m" + i));
        }
        assertThrows(ResourceAllocationException.class, () -> publisher.send(session.createTextMessage("m3")));
    }
}
