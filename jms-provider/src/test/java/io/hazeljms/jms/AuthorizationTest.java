package io.hazeljms.jms;

import io.hazeljms.jms.client.HazelcastConnection;
import io.hazeljms.jms.config.DestinationPolicy;
import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.jms.config.SettingValues;
import io.hazeljms.jms.config.Scope;
import io.hazeljms.jms.config.Settings;
import io.hazeljms.jms.security.PasswordHash;
import io.hazeljms.store.TestCluster;
import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user may touch: each permission is granted on destination patterns to roles; a refused operation throws
 * JMSSecurityException naming user, permission and destination, and stores or changes nothing.
 */
class AuthorizationTest {

    private static final long WAIT = 5_000;
    private static TestCluster cluster;
    private HazelcastConnectionFactory factory;
    private final List<Connection> connections = new ArrayList<>();
    /** A prefix no other test uses, so "does it exist" starts from nothing. */
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
                .authenticator("users")
                .users(String.join(";",
                        "admin:" + hash + ":admins",
                        "writer:" + hash + ":writers",
                        "reader:" + hash + ":readers",
                        "browser:" + hash + ":browsers",
                        "subscriber:" + hash + ":readers,durables",
                        "nobody:" + hash))
                .permissions(String.join(";",
                        "*,createDestination # admins",
                        "send " + app + ".# writers",
                        "consume " + app + ".orders.* readers",
                        "consume topic:" + app + ".# readers",
                        "createDurable topic:" + app + ".# durables",
                        "browse queue:" + app + ".# browsers"))
                .build());
    }

    @AfterEach
    void close() throws JMSException {
        for (Connection c : connections) {
            c.close();
        }
        factory.close();
    }

    private Session session(String user) throws JMSException {
        return session(user, Session.AUTO_ACKNOWLEDGE);
    }

    private Session session(String user, int mode) throws JMSException {
        Connection c = factory.createConnection(user, "pw");
        c.setClientID(user + "-" + UUID.randomUUID());
        connections.add(c);
        c.start();
        return c.createSession(mode);
    }

    private HazelcastConnection connection(String user) throws JMSException {
        HazelcastConnection c = (HazelcastConnection) factory.createConnection(user, "pw");
        connections.add(c);
        return c;
    }

    /** The admin sends once, which creates the destination. */
    private void create(jakarta.jms.Destination destination) throws JMSException {
        Session admin = session("admin");
        MessageProducer producer = admin.createProducer(destination);
        if (destination instanceof Queue) {
            producer.send(admin.createTextMessage("created"));
            admin.createConsumer(destination).receive(WAIT);
        } else {
            producer.send(admin.createTextMessage("created"));
        }
    }

    private static void assertRefused(String user, String permission, String destination, Executable call) {
        JMSSecurityException e = assertThrows(JMSSecurityException.class, call);
        assertEquals("HJMS-SEC-003", e.getErrorCode());
        assertTrue(e.getMessage().contains("user '" + user + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("permission '" + permission + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(destination), e.getMessage());
    }

    private List<String> drain(Queue queue) throws JMSException {
        MessageConsumer consumer = session("admin").createConsumer(queue);
        List<String> bodies = new ArrayList<>();
        for (Message m = consumer.receive(1_000); m != null; m = consumer.receive(1_000)) {
            bodies.add(((TextMessage) m).getText());
        }
        consumer.close();
        return bodies;
    }

    @Test
    void sendNeedsSendAndNothingIsStoredWhenRefused() throws Exception {
        Queue orders = session("admin").createQueue(app + ".orders.eu");
        create(orders);
        Session reader = session("reader");
        Message refused = reader.createTextMessage("refused");
        assertRefused("reader", "send", app + ".orders.eu",
                () -> reader.createProducer(orders).send(refused));
        assertNull(refused.getJMSMessageID(), "a refused send sets no headers on the message");
        assertRefused("reader", "send", app + ".orders.eu",
                () -> reader.createProducer(null).send(orders, reader.createTextMessage("refused")));
        Session transacted = session("reader", Session.SESSION_TRANSACTED);
        assertRefused("reader", "send", app + ".orders.eu",
                () -> transacted.createProducer(orders).send(transacted.createTextMessage("refused")));
        transacted.commit();
        Session writer = session("writer");
        writer.createProducer(orders).send(writer.createTextMessage("allowed"));
        assertEquals(List.of("allowed"), drain(orders));
    }

    @Test
    void theSimplifiedApiIsCheckedTheSameWay() throws Exception {
        Queue orders = session("admin").createQueue(app + ".orders.us");
        create(orders);
        try (JMSContext reader = factory.createContext("reader", "pw");
             JMSContext nobody = factory.createContext("nobody", "pw")) {
            JMSSecurityRuntimeException e = assertThrows(JMSSecurityRuntimeException.class,
                    () -> reader.createProducer().send(orders, "refused"));
            assertEquals("HJMS-SEC-003", e.getErrorCode());
            assertThrows(JMSSecurityRuntimeException.class, () -> nobody.createConsumer(orders));
            try (JMSConsumer consumer = reader.createConsumer(orders)) {
                assertNull(consumer.receiveNoWait());
            }
        }
        assertEquals(List.of(), drain(orders));
    }

    @Test
    void consumeNeedsConsumeOnTheMatchingPattern() throws Exception {
        Queue eu = session("admin").createQueue(app + ".orders.eu");
        Queue deep = session("admin").createQueue(app + ".orders.eu.archive");
        create(eu);
        create(deep);
        session("writer").createProducer(eu).send(session("writer").createTextMessage("kept"));
        assertRefused("writer", "consume", app + ".orders.eu", () -> session("writer").createConsumer(eu));
        // '*' is one word: orders.eu.archive is outside app.orders.*
        assertRefused("reader", "consume", app + ".orders.eu.archive", () -> session("reader").createConsumer(deep));
        MessageConsumer consumer = session("reader").createConsumer(eu);
        assertEquals("kept", ((TextMessage) consumer.receive(WAIT)).getText());
    }

    @Test
    void browseNeedsBrowse() throws Exception {
        Queue queue = session("admin").createQueue(app + ".orders.asia");
        create(queue);
        session("writer").createProducer(queue).send(session("writer").createTextMessage("seen"));
        assertRefused("reader", "browse", app + ".orders.asia", () -> session("reader").createBrowser(queue));
        QueueBrowser browser = session("browser").createBrowser(queue);
        assertEquals(1, Collections.list(browser.getEnumeration()).size());
    }

    @Test
    void usingADestinationThatDoesNotExistNeedsCreateDestination() throws Exception {
        Queue fresh = session("admin").createQueue(app + ".orders.new");
        HazelcastConnection probe = connection("admin");
        assertRefused("writer", "createDestination", app + ".orders.new",
                () -> session("writer").createProducer(fresh).send(session("writer").createTextMessage("x")));
        assertRefused("reader", "createDestination", app + ".orders.new", () -> session("reader").createConsumer(fresh));
        assertFalse(cluster.member(0).getMap("hazeljms.destinations").containsKey("queue:" + app + ".orders.new"),
                "a refused use creates nothing");
        create(fresh);
        session("writer").createProducer(fresh).send(session("writer").createTextMessage("now it exists"));
        assertEquals(List.of("now it exists"), drain(fresh));
        assertNotNull(probe);
    }

    @Test
    void durableSubscriptionsNeedCreateDurableAndUnsubscribeNeedsDeleteDurable() throws Exception {
        Topic news = session("admin").createTopic(app + ".news");
        create(news);
        Session reader = session("reader");
        assertRefused("reader", "createDurable", app + ".news", () -> reader.createDurableConsumer(news, "d1"));
        assertRefused("reader", "createDurable", app + ".news", () -> reader.createSharedDurableConsumer(news, "d2"));
        assertNotNull(reader.createSharedConsumer(news, "shared-ok"), "non-durable subscriptions need only consume");

        Session subscriber = session("subscriber");
        MessageConsumer durable = subscriber.createDurableConsumer(news, "kept");
        durable.close();
        assertRefused("subscriber", "deleteDurable", app + ".news", () -> subscriber.unsubscribe("kept"));
        session("writer").createProducer(news).send(session("writer").createTextMessage("still subscribed"));
        MessageConsumer again = subscriber.createDurableConsumer(news, "kept");
        assertEquals("still subscribed", ((TextMessage) again.receive(WAIT)).getText(),
                "a refused unsubscribe left the subscription and its messages");
        again.close();
    }

    @Test
    void deleteDestinationAndManageGuardTheAdministration() throws Exception {
        Queue queue = session("admin").createQueue(app + ".orders.admin");
        create(queue);
        session("writer").createProducer(queue).send(session("writer").createTextMessage("one"));
        HazelcastConnection writer = connection("writer");
        assertRefused("writer", "manage", app + ".orders.admin", () -> writer.purge(queue));
        SettingValues values = new SettingValues(Scope.JAVA);
        values.set(Settings.MAX_DELIVERY_ATTEMPTS, 2);
        DestinationPolicy policy = DestinationPolicy.given(values);
        assertRefused("writer", "manage", app + ".orders.admin", () -> writer.applyPolicy(queue, policy));
        assertRefused("writer", "deleteDestination", app + ".orders.admin", () -> writer.deleteDestination(queue));
        assertTrue(cluster.member(0).getMap("hazeljms.destinations").containsKey("queue:" + app + ".orders.admin"));

        HazelcastConnection admin = connection("admin");
        assertFalse(admin.applyPolicy(queue, policy).changes().isEmpty());
        assertEquals(1, admin.purge(queue));
        assertTrue(admin.deleteDestination(queue));
        assertFalse(cluster.member(0).getMap("hazeljms.destinations").containsKey("queue:" + app + ".orders.admin"));
    }

    @Test
    void temporaryDestinationsBelongToTheirConnection() throws Exception {
        Session nobody = session("nobody");
        TemporaryQueue replies = nobody.createTemporaryQueue();
        MessageConsumer consumer = nobody.createConsumer(replies);
        Session writer = session("writer");
        writer.createProducer(replies).send(writer.createTextMessage("reply"));
        assertEquals("reply", ((TextMessage) consumer.receive(WAIT)).getText());
        assertThrows(jakarta.jms.InvalidDestinationException.class, () -> writer.createConsumer(replies),
                "only the creating connection consumes from a temporary destination");
        consumer.close();
        replies.delete();
    }

    @Test
    void withoutGrantsEveryoneWhoGotInMayDoEverything() throws Exception {
        String hash = PasswordHash.of("pw", 1_000);
        try (HazelcastConnectionFactory open = new HazelcastConnectionFactory(ProviderConfig.builder()
                .instance(cluster.member(0)).authenticator("users").users("nobody:" + hash).build());
             Connection c = open.createConnection("nobody", "pw")) {
            c.start();
            Session s = c.createSession();
            Queue queue = s.createQueue(app + ".anything");
            s.createProducer(queue).send(s.createTextMessage("free"));
            assertEquals("free", ((TextMessage) s.createConsumer(queue).receive(WAIT)).getText());
        }
    }
}
