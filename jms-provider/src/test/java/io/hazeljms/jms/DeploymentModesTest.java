package io.hazeljms.jms;

import com.hazelcast.core.LifecycleEvent;
import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.store.TestCluster;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Embedded members started by factories, and a Hazelcast client, all on loopback. */
class DeploymentModesTest {

    private static final int PORT = 5850;

    private static ProviderConfig.Builder embedded(String cluster) {
        return ProviderConfig.builder().clusterName(cluster).port(PORT)
                .members(List.of("127.0.0.1:" + PORT, "127.0.0.1:" + (PORT + 1), "127.0.0.1:" + (PORT + 2)));
    }

    private static String roundTrip(Connection from, Connection to, String queueName) throws JMSException {
        Session out = from.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = out.createQueue(queueName);
        out.createProducer(queue).send(out.createTextMessage("across"));
        to.start();
        return ((TextMessage) to.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(queue).receive(30_000))
                .getText();
    }

    @Test
    void twoEmbeddedFactoriesFormOneClusterAndShareQueues() throws Exception {
        String cluster = "embedded-" + UUID.randomUUID();
        try (HazelcastConnectionFactory a = new HazelcastConnectionFactory(embedded(cluster).build());
             HazelcastConnectionFactory b = new HazelcastConnectionFactory(embedded(cluster).build());
             Connection ca = a.createConnection();
             Connection cb = b.createConnection()) {
            assertEquals(2, a.node().hazelcast().getCluster().getMembers().size());
            assertEquals("across", roundTrip(ca, cb, "shared-" + UUID.randomUUID()));
            a.node().hazelcast().getCluster().getMembers().forEach(m ->
                    assertEquals("127.0.0.1", m.getAddress().getHost(), "loopback only"));
        }
    }

    @Test
    void clientModeUsesAnExistingCluster() throws Exception {
        try (TestCluster cluster = TestCluster.start(1);
             HazelcastConnectionFactory onMember = new HazelcastConnectionFactory(cluster.member(0));
             HazelcastConnectionFactory client = new HazelcastConnectionFactory(ProviderConfig.builder()
                     .clusterName(cluster.name())
                     // the member's own port: another JVM on this machine may hold the base port
                     .client(List.of("127.0.0.1:" + cluster.member(0).getCluster().getLocalMember().getAddress()
                             .getPort())).build());
             Connection viaClient = client.createConnection();
             Connection viaMember = onMember.createConnection()) {
            assertEquals("across", roundTrip(viaClient, viaMember, "client-" + UUID.randomUUID()));
        }
    }

    @Test
    void aClientWithADurableStoreClosesQuietlyAfterItsClusterIsGone(@TempDir Path storeDirectory) throws Exception {
        TestCluster cluster = TestCluster.start(1);
        HazelcastConnectionFactory client = new HazelcastConnectionFactory(ProviderConfig.builder()
                .clusterName(cluster.name())
                .client(List.of("127.0.0.1:" + cluster.member(0).getCluster().getLocalMember().getAddress().getPort()))
                .clientConnectTimeoutMillis(1_000)
                .durableStore("embedded").durableStoreDirectory(storeDirectory.toString()).build());
        try (Connection connection = client.createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue("gone-" + UUID.randomUUID())).send(session.createMessage());
        }
        var lifecycle = client.node().hazelcast().getLifecycleService();
        CountDownLatch shutDown = new CountDownLatch(1);
        lifecycle.addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                shutDown.countDown();
            }
        });
        cluster.close();
        assertTrue(shutDown.await(60, TimeUnit.SECONDS), "the client shuts down once it cannot reach its cluster");
        assertDoesNotThrow(client::close);
    }

    @Test
    void unreachableClusterFailsWithAJmsException() {
        try (HazelcastConnectionFactory factory = new HazelcastConnectionFactory(ProviderConfig.builder()
                .clusterName("nobody-" + UUID.randomUUID()).client(List.of("127.0.0.1:5899"))
                .clientConnectTimeoutMillis(1_000).build())) {
            JMSException e = assertThrows(JMSException.class, factory::createConnection);
            assertTrue(e.getMessage().contains("cannot reach"), e.getMessage());
        }
    }
}
