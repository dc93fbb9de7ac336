package io.hazeljms.jms;

import io.hazeljms.jms.client.HazelcastConnection;
import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.jms.management.BrokerManagement;
import io.hazeljms.jms.management.DestinationInfo;
import io.hazeljms.jms.management.MoveResult;
import io.hazeljms.jms.security.PasswordHash;
import io.hazeljms.store.TestCluster;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code connection.management()} acts as the connection's user: {@code manage} for figures, browse, purge, move
 * and redrive (each destination involved), {@code deleteDestination} and {@code deleteDurable} for deleting; a
 * refusal changes nothing. {@code factory.management()} is the JVM's operator and checks nothing.
 */
class ManagementAuthorizationTest {

    private static final long WAIT = 5_000;
    private static TestCluster cluster;
    private HazelcastConnectionFactory factory;
    private final List<Connection> connections = new ArrayList<>();
    private String app;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(1);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @BeforeEach
    void factory() {
        app = "app" + UUID.randomUUID().toString().substring(0, 8);
        String hash = PasswordHash.of("pw", 1_000);
        factory = new HazelcastConnectionFactory(ProviderConfig.builder().instance(cluster.member(0))
                .maxDeliveryAttempts(1).deadLetterQueue(app + ".dlq").jmx(false)
                .authenticator("users")
                .users(String.join(";",
                        "admin:" + hash + ":admins",
                        "operator:" + hash + ":operators",
                        "nobody:" + hash))
                .permissions(String.join(";",
                        "*,createDestination # admins",
                        "manage queue:" + app + ".dlq operators",
                        "manage queue:" + app + ".orders operators",
                        "manage topic:" + app + ".# operators"))
                .build());
    }

    @AfterEach
    void close() throws JMSException {
        for (Connection c : connections) {
            c.close();
        }
        factory.close();
    }

    private HazelcastConnection connection(String user) throws JMSException {
        HazelcastConnection c = (HazelcastConnection) factory.createConnection(user, "pw");
        connections.add(c);
        c.start();
        return c;
    }

    private static void assertRefused(String user, String permission, String destination, Executable call) {
        JMSSecurityException e = assertThrows(JMSSecurityException.class, call);
        assertEquals("HJMS-SEC-003", e.getErrorCode());
        assertTrue(e.getMessage().contains("user '" + user + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("permission '" + permission + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(destination), e.getMessage());
    }

    /** The admin sends to {@code target} and dead-letters one message from {@code source} to the DLQ. */
    private void deadLetterFrom(Session admin, Queue source) throws JMSException {
        admin.createProducer(source).send(admin.createTextMessage("dead"));
        Session tx = connection("admin").createSession(Session.SESSION_TRANSACTED);
        MessageConsumer consumer = tx.createConsumer(source);
        assertNotNull(consumer.receive(WAIT));
        tx.rollback();
        consumer.close();
    }

    @Test
    void everyManagementActionNeedsItsPermissionAndARefusalChangesNothing() throws Exception {
        Session admin = connection("admin").createSession(Session.AUTO_ACKNOWLEDGE);
        Queue orders = admin.createQueue(app + ".orders");
        Queue invoices = admin.createQueue(app + ".invoices");
        Queue dlq = admin.createQueue(app + ".dlq");
        admin.createProducer(invoices).send(admin.createTextMessage("i"));
        admin.createProducer(orders).send(admin.createTextMessage("o"));

        BrokerManagement nobody = connection("nobody").management();
        assertRefused("nobody", "manage", app + ".orders", () -> nobody.destination(orders));
        assertRefused("nobody", "manage", app + ".orders", () -> nobody.browse(orders, null, 10));
        assertRefused("nobody", "manage", app + ".orders", () -> nobody.purge(orders));
        assertRefused("nobody", "manage", app + ".dlq", () -> nobody.redriveAll(dlq));
        assertRefused("nobody", "deleteDestination", app + ".orders", () -> nobody.deleteDestination(orders));
        assertEquals(List.of(), nobody.destinations(), "a listing shows only what the user may manage");

        BrokerManagement operator = connection("operator").management();
        assertEquals(1, operator.destination(orders).pending());
        assertRefused("operator", "manage", app + ".invoices", () -> operator.purge(invoices));
        assertRefused("operator", "manage", app + ".invoices", () -> operator.move(orders, invoices, null));
        assertRefused("operator", "deleteDestination", app + ".orders", () -> operator.deleteDestination(orders));
        assertEquals(1, factory.management().destination(invoices).pending(), "nothing was purged");
        assertEquals(1, factory.management().destination(orders).pending(), "nothing was moved");
        assertTrue(operator.destinations().stream().map(DestinationInfo::name).toList().contains(app + ".orders"));
        assertTrue(operator.destinations().stream().noneMatch(d -> d.name().equals(app + ".invoices")));
        assertEquals(1, operator.purge(orders));
    }

    @Test
    void aRedriveLeavesTheMessagesWhoseOriginalQueueTheUserMayNotManage() throws Exception {
        Session admin = connection("admin").createSession(Session.AUTO_ACKNOWLEDGE);
        Queue orders = admin.createQueue(app + ".orders");
        Queue invoices = admin.createQueue(app + ".invoices");
        Queue dlq = admin.createQueue(app + ".dlq");
        deadLetterFrom(admin, orders);
        deadLetterFrom(admin, invoices);
        assertEquals(2, factory.management().destination(dlq).pending());

        MoveResult result = connection("operator").management().redriveAll(dlq);
        assertEquals(1, result.moved());
        assertEquals(1, result.left());
        assertEquals(List.of("queue:" + app + ".invoices"), result.deniedTargets());
        assertEquals(1, factory.management().destination(orders).pending());
        assertEquals(0, factory.management().destination(invoices).pending());
        assertEquals(1, factory.management().destination(dlq).pending(), "the other stays where it was");
        assertEquals(0, factory.management().destination(dlq).inFlight());

        assertEquals(1, factory.management().redriveAll(dlq).moved(), "the operator of the JVM may do it all");
        Message back = connection("admin").createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(invoices).receive(WAIT);
        assertNotNull(back);
    }

    @Test
    void deletingADurableSubscriptionNeedsDeleteDurable() throws Exception {
        Connection c = factory.createConnection("admin", "pw");
        connections.add(c);
        c.setClientID("c-" + app);
        Session admin = c.createSession(Session.AUTO_ACKNOWLEDGE);
        Topic prices = admin.createTopic(app + ".prices");
        admin.createDurableSubscriber(prices, "audit").close();
        BrokerManagement operator = connection("operator").management();
        String name = operator.subscriptions(prices).get(0).name();
        assertRefused("operator", "deleteDurable", app + ".prices",
                () -> operator.deleteDurableSubscription(prices, name));
        assertEquals(1, operator.subscriptions(prices).size());
        connection("admin").management().deleteDurableSubscription(prices, name);
        assertEquals(List.of(), operator.subscriptions(prices));
    }

    @Test
    void aClosedConnectionsManagementRefusesEverythingAndPurgesNothing() throws Exception {
        Session admin = connection("admin").createSession(Session.AUTO_ACKNOWLEDGE);
        Queue orders = admin.createQueue(app + ".orders");
        admin.createProducer(orders).send(admin.createTextMessage("kept"));
        HazelcastConnection c = connection("admin");
        BrokerManagement management = c.management();
        assertEquals(1, management.destination(orders).pending());
        assertFalse(management.members().isEmpty());
        c.close();
        for (Executable call : List.<Executable>of(management::members, management::destinations,
                () -> management.destination(orders), () -> management.purge(orders),
                () -> management.browse(orders, null, 10), () -> management.redriveAll(orders))) {
            jakarta.jms.IllegalStateException e = assertThrows(jakarta.jms.IllegalStateException.class, call);
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        }
        assertEquals(1, factory.management().destination(orders).pending(), "nothing was purged");
    }
}
