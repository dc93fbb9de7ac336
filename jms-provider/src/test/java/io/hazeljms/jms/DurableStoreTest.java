package io.hazeljms.jms;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.Hazelcast;
import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.store.durable.Databases;
import io.hazeljms.store.durable.DurableStore;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Through the JMS API: a provider whose whole cluster (one embedded member) stops and starts again on the
 * embedded durable store keeps PERSISTENT messages of queues and durable subscriptions, in order, and drops
 * NON_PERSISTENT ones. A clean stop leaves nothing flagged as redelivered. (Crashes: crash-tests.)
 */
class DurableStoreTest {

    private static final int PORT = 5870;

    @TempDir
    Path dir;

    private HazelcastConnectionFactory factory(String cluster) {
        return new HazelcastConnectionFactory(ProviderConfig.builder().clusterName(cluster).port(PORT)
                .members(List.of("127.0.0.1:" + PORT)).durableStore("embedded")
                .durableStoreDirectory(dir.toString()).build());
    }

    @Test
    void persistentMessagesAndDurableSubscriptionsSurviveAStopOfTheWholeCluster() throws JMSException {
        String cluster = "durable-" + UUID.randomUUID();
        try (HazelcastConnectionFactory factory = factory(cluster);
             Connection connection = factory.createConnection()) {
            connection.setClientID("subscriber");
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue queue = session.createQueue("orders");
            Topic topic = session.createTopic("prices");
            session.createDurableSubscriber(topic, "audit").close();
            MessageProducer producer = session.createProducer(null);
            for (int i = 0; i < 20; i++) {
                producer.send(queue, session.createTextMessage("p" + i), DeliveryMode.PERSISTENT, 4, 0);
                producer.send(queue, session.createTextMessage("np" + i), DeliveryMode.NON_PERSISTENT, 4, 0);
            }
            producer.send(topic, session.createTextMessage("t-persistent"), DeliveryMode.PERSISTENT, 4, 0);
            producer.send(topic, session.createTextMessage("t-non-persistent"), DeliveryMode.NON_PERSISTENT, 4, 0);
            connection.start();
            MessageConsumer consumer = session.createConsumer(queue);
            Message last = null;
            for (int i = 0; i < 10; i++) { // p0 np0 … p4 np4
                last = consumer.receive(10_000);
            }
            last.acknowledge();
        }
        try (HazelcastConnectionFactory factory = factory(cluster);
             Connection connection = factory.createConnection()) {
            connection.setClientID("subscriber");
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            connection.start();
            MessageConsumer consumer = session.createConsumer(session.createQueue("orders"));
            List<String> bodies = new ArrayList<>();
            for (Message m; (m = consumer.receive(2_000)) != null; ) {
                bodies.add(((TextMessage) m).getText());
                assertFalse(m.getJMSRedelivered(), "a clean stop flags nothing: " + bodies);
            }
            List<String> expected = new ArrayList<>();
            for (int i = 5; i < 20; i++) {
                expected.add("p" + i);
            }
            assertEquals(expected, bodies);
            MessageConsumer audit = session.createDurableSubscriber(session.createTopic("prices"), "audit");
            assertEquals("t-persistent", ((TextMessage) audit.receive(10_000)).getText());
            assertNull(audit.receive(500));
        }
    }

    /**
     * One durable store per cluster, checked when a node starts: a client given the member's store starts and its
     * PERSISTENT sends reach the member; a client on another H2 directory, and a member with durableStore=off, are
     * refused with HJMS-STORE-095 naming both stores, and the refused client wrote nothing to its own store and
     * left no Hazelcast instance running; a factory on the application's own instance is refused alike and leaves
     * the instance running.
     */
    @Test
    void aNodeWhoseDurableStoreIsNotTheClustersDoesNotStart(@TempDir Path otherDir) throws Exception {
        String cluster = "store-id-" + UUID.randomUUID();
        try (HazelcastConnectionFactory member = factory(cluster);
             Connection onMember = member.createConnection()) {
            String address = "127.0.0.1:" + member.node().hazelcast().getCluster().getLocalMember().getAddress()
                    .getPort();
            try (HazelcastConnectionFactory client = new HazelcastConnectionFactory(ProviderConfig.builder()
                    .clusterName(cluster).client(List.of(address)).durableStore("embedded")
                    .durableStoreDirectory(dir.toString()).build());
                 Connection viaClient = client.createConnection()) {
                Session session = viaClient.createSession(Session.AUTO_ACKNOWLEDGE);
                session.createProducer(session.createQueue("shared")).send(session.createTextMessage("same store"));
                onMember.start();
                Session memberSession = onMember.createSession(Session.AUTO_ACKNOWLEDGE);
                assertEquals("same store", ((TextMessage) memberSession.createConsumer(memberSession.createQueue("shared"))
                        .receive(10_000)).getText());
            }
            int clients = HazelcastClient.getAllHazelcastClients().size();
            try (HazelcastConnectionFactory stray = new HazelcastConnectionFactory(ProviderConfig.builder()
                    .clusterName(cluster).client(List.of(address)).durableStore("embedded")
                    .durableStoreDirectory(otherDir.toString()).build())) {
                JMSException refused = assertThrows(JMSException.class, stray::createConnection);
                assertEquals("HJMS-STORE-095", refused.getErrorCode());
                assertTrue(refused.getMessage().contains(otherDir.toAbsolutePath().toString())
                        && refused.getMessage().contains(dir.toAbsolutePath().toString()), refused.getMessage());
            }
            assertEquals(clients, HazelcastClient.getAllHazelcastClients().size(), "the refused client was shut down");
            String url = Databases.embeddedUrl(otherDir, cluster);
            try (DurableStore strayStore = DurableStore.open(Databases.forUrl(url), url, "check")) {
                assertEquals(0, strayStore.messageCount());
                assertEquals(Set.of(), strayStore.nodesMarkedRunning(), "no node row: it wrote nothing");
            }
            int members = Hazelcast.getAllHazelcastInstances().size();
            try (HazelcastConnectionFactory inMemory = new HazelcastConnectionFactory(ProviderConfig.builder()
                    .clusterName(cluster).port(PORT).members(List.of(address)).durableStore("off").build())) {
                JMSException refused = assertThrows(JMSException.class, inMemory::createConnection);
                assertTrue(refused.getMessage().contains("durable store off (memory only) is not the one"),
                        refused.getMessage());
            }
            assertEquals(members, Hazelcast.getAllHazelcastInstances().size(), "the refused member was shut down");
            // the application's own instance (here the member's) is checked alike, and left running
            try (HazelcastConnectionFactory onInstance = new HazelcastConnectionFactory(ProviderConfig.builder()
                    .instance(member.node().hazelcast()).durableStore("off").build())) {
                JMSException refused = assertThrows(JMSException.class, onInstance::createConnection);
                assertEquals("HJMS-STORE-095", refused.getErrorCode());
            }
            assertTrue(member.node().hazelcast().getLifecycleService().isRunning());
        }
    }
}
