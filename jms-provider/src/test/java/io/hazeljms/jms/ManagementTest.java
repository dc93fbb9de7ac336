package io.hazeljms.jms;

import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.jms.management.BrokerManagement;
import io.hazeljms.jms.management.DestinationInfo;
import io.hazeljms.jms.management.ManagementBeans;
import io.hazeljms.jms.management.MemberInfo;
import io.hazeljms.jms.management.MessageView;
import io.hazeljms.jms.management.MoveResult;
import io.hazeljms.jms.management.SubscriptionInfo;
import io.hazeljms.store.TestCluster;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The management API and its MBeans on two real members: figures are cluster-wide (the same through either
 * member), browse shows without taking, purge, move and redrive move what they say and lose nothing.
 */
class ManagementTest {

    private static final long WAIT = 5_000;
    private static TestCluster cluster;
    private HazelcastConnectionFactory first;
    private HazelcastConnectionFactory second;
    private final List<Connection> connections = new ArrayList<>();
    private String name;
    private String dlqName;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(2);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @BeforeEach
    void factories(TestInfo info) {
        name = info.getTestMethod().orElseThrow().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        dlqName = "dlq-" + name;
        first = new HazelcastConnectionFactory(config().instance(cluster.member(0)).build());
        second = new HazelcastConnectionFactory(config().instance(cluster.member(1)).build());
    }

    private ProviderConfig.Builder config() {
        return ProviderConfig.builder().maxDeliveryAttempts(1).deadLetterQueue(dlqName).redeliveryDelayMillis(0);
    }

    @AfterEach
    void close() throws JMSException {
        for (Connection c : connections) {
            c.close();
        }
        first.close();
        second.close();
    }

    private Session session(HazelcastConnectionFactory factory, int mode) throws JMSException {
        Connection c = factory.createConnection();
        connections.add(c);
        c.start();
        return c.createSession(mode);
    }

    private void send(Session s, Queue q, String text, int n) throws JMSException {
        TextMessage m = s.createTextMessage(text);
        m.setIntProperty("n", n);
        s.createProducer(q).send(m);
    }

    /** Sends {@code count} messages to {@code queue}, receives them in a transaction and rolls back: all dead. */
    private List<String> deadLetter(Queue queue, int count) throws JMSException {
        Session s = session(first, Session.AUTO_ACKNOWLEDGE);
        for (int i = 1; i <= count; i++) {
            send(s, queue, "body-" + i, i);
        }
        Session tx = session(first, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = tx.createConsumer(queue);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message m = consumer.receive(WAIT);
            assertNotNull(m);
            ids.add(m.getJMSMessageID());
        }
        tx.rollback();
        consumer.close();
        return ids;
    }

    private DestinationInfo figures(HazelcastConnectionFactory factory, jakarta.jms.Destination d) throws JMSException {
        return factory.management().destination(d);
    }

    @Test
    void figuresAreTheSameThroughEitherMember() throws Exception {
        Session s = session(first, Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue(name);
        for (int i = 1; i <= 4; i++) {
            send(s, q, "m" + i, i);
        }
        MessageProducer delayed = s.createProducer(q);
        delayed.setDeliveryDelay(600_000);
        delayed.send(s.createTextMessage("later"));
        MessageConsumer consumer = s.createConsumer(q);
        Message got = consumer.receive(WAIT);
        got.acknowledge();                     // one acknowledged
        assertNotNull(consumer.receive(WAIT)); // one in flight (a consumer may hold more in its prefetch)
        session(second, Session.AUTO_ACKNOWLEDGE).createConsumer(q); // a second consumer, on the other member

        DestinationInfo a = figures(first, q);
        DestinationInfo b = figures(second, q);
        for (DestinationInfo f : List.of(a, b)) {
            assertEquals("queue", f.kind());
            assertEquals(name, f.name());
            assertEquals(5, f.enqueued());
            assertEquals(1, f.acknowledged());
            assertEquals(4, f.depth());
            assertEquals(1, f.scheduled(), "the delayed message");
            assertEquals(2, f.consumers(), "one consumer per member");
            assertEquals(0, f.deadLettered());
        }
        assertEquals(a.pending(), b.pending());
        assertEquals(a.inFlight(), b.inFlight());
        assertEquals(a.bytes(), b.bytes());
        assertTrue(a.bytes() > 0);
        try (HazelcastConnectionFactory client = new HazelcastConnectionFactory(config()
                .clusterName(cluster.name())
                .client(List.of("127.0.0.1:" + cluster.member(1).getCluster().getLocalMember().getAddress().getPort()))
                .build())) {
            DestinationInfo c = figures(client, q);
            assertEquals(List.of(a.depth(), a.pending(), a.inFlight(), a.scheduled(), (long) a.consumers(), a.enqueued(),
                            a.acknowledged(), a.bytes()),
                    List.of(c.depth(), c.pending(), c.inFlight(), c.scheduled(), (long) c.consumers(), c.enqueued(),
                            c.acknowledged(), c.bytes()), "a Hazelcast client reads the same");
        }

        List<MemberInfo> members = first.management().members();
        assertEquals(2, members.size());
        assertEquals(members, second.management().members());
        assertTrue(first.management().destinations().stream().anyMatch(d -> d.name().equals(name)));
        assertNull(first.management().destination(s.createQueue("never-" + name)));
    }

    @Test
    void browseShowsHeadersPropertiesAndABoundedPreviewWithoutTakingAnything() throws Exception {
        Session s = session(first, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(name);
        TextMessage text = s.createTextMessage("x".repeat(1_000));
        text.setStringProperty("customer", "c-42");
        text.setJMSCorrelationID("corr-1");
        MessageProducer producer = s.createProducer(q);
        producer.setPriority(7);
        producer.send(text);
        BytesMessage bytes = s.createBytesMessage();
        bytes.writeBytes(new byte[] {1, 2, (byte) 0xff});
        producer.send(bytes);

        List<MessageView> views = second.management().browse(q, null, 10);
        assertEquals(2, views.size());
        MessageView t = views.get(0);
        assertEquals(text.getJMSMessageID(), t.messageId());
        assertEquals(7, t.priority());
        assertEquals("corr-1", t.correlationId());
        assertEquals("c-42", t.properties().get("customer"));
        assertEquals("text", t.bodyType());
        assertEquals(1_000, t.bodySize());
        assertEquals("x".repeat(BrokerManagement.PREVIEW_CHARS) + "…", t.bodyPreview());
        assertEquals(1, t.deliveryCount());
        assertEquals("bytes", views.get(1).bodyType());
        assertEquals("0102ff", views.get(1).bodyPreview());
        assertEquals(List.of(bytes.getJMSMessageID()),
                first.management().browse(q, "customer IS NULL", 10).stream().map(MessageView::messageId).toList());
        assertEquals(2, figures(first, q).pending(), "browsing took nothing");
        assertThrows(jakarta.jms.InvalidSelectorException.class, () -> first.management().browse(q, "n = ", 10));
    }

    @Test
    void purgeDeletesThePendingMessages() throws Exception {
        Session s = session(first, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(name);
        for (int i = 0; i < 3; i++) {
            send(s, q, "m", i);
        }
        assertEquals(3, second.management().purge(q));
        assertEquals(0, figures(first, q).pending());
        assertNull(s.createConsumer(q).receive(200));
    }

    @Test
    void redriveSendsDeadLetteredMessagesBackOneBySelectionAndAllThenTheyAreConsumedAsNew() throws Exception {
        Session s = session(first, Session.AUTO_ACKNOWLEDGE);
        Queue orders = s.createQueue(name);
        Queue dlq = s.createQueue(dlqName);
        List<String> ids = deadLetter(orders, 5);
        DestinationInfo dead = figures(second, dlq);
        assertEquals(5, dead.pending());
        assertEquals(5, figures(second, orders).deadLettered());
        assertEquals("queue:" + name, second.management().browse(dlq, null, 1).get(0).properties()
                .get("HJMS_OriginalDestination"));

        BrokerManagement management = second.management();
        assertEquals(new MoveResult(1, 0, List.of()), management.redrive(dlq, ids.get(0)));
        assertEquals(0, management.redrive(dlq, "ID:no-such-message").moved());
        assertEquals(2, management.redriveSelected(dlq, "n = 2 OR n = 3").moved());
        assertEquals(3, figures(first, orders).pending());
        assertEquals(2, management.redriveAll(dlq).moved());
        assertEquals(0, figures(first, dlq).depth());

        MessageConsumer consumer = s.createConsumer(orders);
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Message m = consumer.receive(WAIT);
            assertNotNull(m, "message " + i + " came back");
            assertEquals(1, m.getIntProperty("JMSXDeliveryCount"), "a fresh count");
            assertFalse(m.getJMSRedelivered());
            assertFalse(m.propertyExists("HJMS_Reason"));
            assertFalse(m.propertyExists("HJMS_OriginalDestination"));
            assertEquals("body-" + m.getIntProperty("n"), ((TextMessage) m).getText());
            assertTrue(ids.contains(m.getJMSMessageID()), "it keeps its id");
            got.add(m.getIntProperty("n"));
        }
        got.sort(Integer::compare);
        assertEquals(List.of(1, 2, 3, 4, 5), got);
        assertNull(consumer.receive(200));
    }

    @Test
    void aMessageDeadLetteredFromADurableSubscriptionIsRedrivenToThatSubscriptionOnly() throws Exception {
        Connection c = first.createConnection();
        connections.add(c);
        c.setClientID("client-" + name);
        c.start();
        Session tx = c.createSession(Session.SESSION_TRANSACTED);
        Topic topic = tx.createTopic(name);
        MessageConsumer audit = tx.createDurableSubscriber(topic, "audit");
        MessageConsumer other = session(first, Session.AUTO_ACKNOWLEDGE).createConsumer(topic);
        Session plain = session(first, Session.AUTO_ACKNOWLEDGE);
        plain.createProducer(topic).send(plain.createTextMessage("price"));
        assertNotNull(other.receive(WAIT));
        assertNotNull(audit.receive(WAIT));
        tx.rollback(); // its one attempt: to the dead-letter queue
        Queue dlq = plain.createQueue(dlqName);
        assertEquals(1, figures(second, dlq).pending());
        assertTrue(String.valueOf(second.management().browse(dlq, null, 1).get(0).properties()
                .get("HJMS_OriginalDestination")).startsWith("topic:" + name + "#"));

        assertEquals(new MoveResult(1, 0, List.of()), second.management().redriveAll(dlq));
        Message again = audit.receive(WAIT);
        assertNotNull(again, "back on the subscription it was dead-lettered from");
        assertEquals("price", ((TextMessage) again).getText());
        assertEquals(1, again.getIntProperty("JMSXDeliveryCount"));
        tx.commit();
        assertNull(other.receive(200), "the other subscription does not get it again");
        assertEquals(0, figures(first, dlq).depth());
    }

    @Test
    void aMoveToAFullQueueIsRefusedNamingItAndMovesNothing() throws Exception {
        Session s = session(first, Session.AUTO_ACKNOWLEDGE);
        Queue source = s.createQueue(name);
        Queue full = s.createQueue("full-" + name);
        first.management().applyPolicy(full, io.hazeljms.jms.config.DestinationPolicy.given(
                new io.hazeljms.jms.config.SettingValues(io.hazeljms.jms.config.Scope.JAVA)
                        .set(io.hazeljms.jms.config.Settings.MAX_QUEUE_MESSAGES, 1)));
        send(s, full, "there", 0);
        send(s, source, "a", 1);
        send(s, source, "b", 2);
        ResourceAllocationException e = assertThrows(ResourceAllocationException.class,
                () -> second.management().move(source, full, null));
        assertEquals("HJMS-MGMT-001", e.getErrorCode());
        assertTrue(e.getMessage().contains("full-" + name), e.getMessage());
        DestinationInfo left = figures(first, source);
        assertEquals(2, left.pending());
        assertEquals(0, left.inFlight());
        assertEquals(1, figures(first, full).depth());
        assertThrows(InvalidDestinationException.class,
                () -> first.management().move(source, (Queue) s.createTemporaryQueue(), null));
    }

    @Test
    void aDurableSubscriptionIsListedAndDeleted() throws Exception {
        Connection c = first.createConnection();
        connections.add(c);
        c.setClientID("client-" + name);
        Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
        Topic topic = s.createTopic(name);
        s.createDurableSubscriber(topic, "audit").close();
        s.createProducer(topic).send(s.createTextMessage("kept"));
        List<SubscriptionInfo> subs = second.management().subscriptions(topic);
        assertEquals(1, subs.size());
        SubscriptionInfo audit = subs.get(0);
        assertTrue(audit.durable());
        assertEquals(1, audit.pending());
        assertEquals(0, audit.consumers());
        assertEquals(1, figures(second, topic).subscriptions());
        assertThrows(InvalidDestinationException.class,
                () -> second.management().deleteDurableSubscription(topic, "durable:nobody:audit"));
        second.management().deleteDurableSubscription(topic, audit.name());
        assertEquals(List.of(), first.management().subscriptions(topic));
        assertTrue(first.management().deleteDestination(topic));
        assertNull(figures(second, topic));
    }

    @Test
    void mbeansShowTheFiguresAndPurgeAndGoAwayWithTheLastNode() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String clusterName = first.management().clusterName();
        second.management(); // both nodes started: they share the MBeans
        ObjectName broker = ManagementBeans.brokerName(clusterName);
        assertTrue(server.isRegistered(broker));
        Session s = session(first, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(name);
        send(s, q, "a", 1);
        send(s, q, "b", 2);
        String[] names = (String[]) server.getAttribute(broker, "Destinations");
        assertTrue(List.of(names).contains("queue:" + name));
        ObjectName bean = ManagementBeans.destinationName(clusterName, "queue", name);
        assertEquals(new ObjectName("io.hazeljms:type=Destination,cluster=" + clusterName + ",kind=queue,name=\""
                + name + "\""), bean);
        assertEquals(2L, server.getAttribute(bean, "Pending"));
        assertEquals(2L, server.getAttribute(bean, "Enqueued"));
        CompositeData[] browsed = (CompositeData[]) server.invoke(bean, "browse", new Object[] {"", 10},
                new String[] {String.class.getName(), int.class.getName()});
        assertEquals(2, browsed.length, "open types only: a JMX client needs no HazelJMS class");
        assertEquals("text", browsed[0].get("bodyType"));
        assertTrue(((String) browsed[0].get("bodyPreview")).startsWith("a"), (String) browsed[0].get("bodyPreview"));
        assertEquals("1", ((TabularData) browsed[0].get("properties")).get(new Object[] {"n"}).get("value"));
        assertEquals(2, server.invoke(bean, "purge", new Object[0], new String[0]));
        assertEquals(0L, server.getAttribute(bean, "Pending"));

        first.close();
        assertTrue(server.isRegistered(broker), "the second node still serves them");
        assertEquals(0L, server.getAttribute(bean, "Depth"));
        server.invoke(broker, "deleteDestination", new Object[] {"queue", name},
                new String[] {String.class.getName(), String.class.getName()});
        assertFalse(server.isRegistered(bean), "deleted with its destination");
        second.close();
        assertFalse(server.isRegistered(broker));

        HazelcastConnectionFactory quiet = new HazelcastConnectionFactory(config().instance(cluster.member(0))
                .jmx(false).build());
        try {
            quiet.management();
            assertFalse(server.isRegistered(broker), "jmx=false registers nothing");
        } finally {
            quiet.close();
        }
    }
}
