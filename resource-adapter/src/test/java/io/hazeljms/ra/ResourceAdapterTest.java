package io.hazeljms.ra;

import io.hazeljms.jms.HazelcastConnectionFactory;
import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.jms.destination.HazelcastQueue;
import io.hazeljms.jms.destination.HazelcastTopic;
import io.hazeljms.ra.inbound.HazelJmsActivationSpec;
import io.hazeljms.ra.outbound.HazelJmsManagedConnectionFactory;
import io.hazeljms.store.DestinationKey;
import io.hazeljms.store.TestCluster;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.jms.TopicSession;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapterInternalException;
import io.hazeljms.store.MemberOperations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resource adapter with a real embedded member and hand-written container fakes. */
class ResourceAdapterTest {

    private HazelJmsResourceAdapter ra;
    private Fakes.Bootstrap bootstrap;
    private HazelcastConnectionFactory plain;
    private String queueName;

    @BeforeEach
    void start() throws Exception {
        ra = new HazelJmsResourceAdapter();
        ra.setClusterName("ra-test-" + UUID.randomUUID());
        ra.setPort(5870);
        ra.setMaxDeliveryAttempts(3);
        bootstrap = new Fakes.Bootstrap();
        ra.start(bootstrap);
        plain = ra.provider();
        queueName = "ra-" + UUID.randomUUID();
    }

    @AfterEach
    void stop() {
        ra.stop();
        bootstrap.pool.shutdownNow();
    }

    private void send(String... texts) throws JMSException {
        try (Connection c = plain.createConnection()) {
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            var producer = s.createProducer(s.createQueue(queueName));
            for (String t : texts) {
                producer.send(s.createTextMessage(t));
            }
        }
    }

    private HazelJmsActivationSpec queueSpec(int maxSession) {
        HazelJmsActivationSpec spec = new HazelJmsActivationSpec();
        spec.setResourceAdapter(ra);
        spec.setDestination(queueName);
        spec.setMaxSession(maxSession);
        return spec;
    }

    private static String text(Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (JMSException e) {
            throw new RuntimeException(e);
        }
    }

    @Test
    void transactedEndpointReceivesEveryMessageConcurrently() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch all = new CountDownLatch(40);
        CountDownLatch twoAtOnce = new CountDownLatch(2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        Fakes.EndpointFactory factory = new Fakes.EndpointFactory(true, m -> {
            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            twoAtOnce.countDown();
            try {
                twoAtOnce.await(5, TimeUnit.SECONDS); // the first two deliveries overlap if sessions are concurrent
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.add(text(m));
            threads.add(Thread.currentThread().getName());
            inside.decrementAndGet();
            all.countDown();
        });
        ra.endpointActivation(factory, queueSpec(4));
        for (int i = 0; i < 40; i++) {
            send("m" + i);
        }
        assertTrue(all.await(60, TimeUnit.SECONDS));
        assertEquals(40, seen.size());
        assertTrue(maxInside.get() > 1, "maxSession > 1 delivers concurrently");
        // the bean has run for every message; the container commits right after it
        assertTrue(factory.completed.tryAcquire(40, 30, TimeUnit.SECONDS), "every delivery's transaction completed");
        assertEquals(0, plain.node().broker().administration().depth(DestinationKey.queue(queueName)), "each committed delivery consumed its message");
    }

    @Test
    void messageGroupsSpreadOverTheMdbSessionsEachInOrder() throws Exception {
        int groups = 4;
        int perGroup = 10;
        Map<String, List<String>> byGroup = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(groups * perGroup);
        Fakes.EndpointFactory factory = new Fakes.EndpointFactory(true, m -> {
            try {
                // each MDB session delivers on a thread of its own (its Work)
                byGroup.computeIfAbsent(m.getStringProperty("JMSXGroupID"), g -> Collections.synchronizedList(new ArrayList<>()))
                        .add(Thread.currentThread().getName() + " " + m.getIntProperty("JMSXGroupSeq"));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
            all.countDown();
        });
        ra.endpointActivation(factory, queueSpec(4));
        try (Connection c = plain.createConnection()) {
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            var producer = s.createProducer(s.createQueue(queueName));
            for (int seq = 1; seq <= perGroup; seq++) {
                for (int g = 0; g < groups; g++) {
                    TextMessage m = s.createTextMessage("g" + g + "-" + seq);
                    m.setStringProperty("JMSXGroupID", "g" + g);
                    m.setIntProperty("JMSXGroupSeq", seq);
                    producer.send(m);
                }
            }
        }
        assertTrue(all.await(60, TimeUnit.SECONDS));
        Set<String> sessions = new HashSet<>();
        byGroup.forEach((group, deliveries) -> {
            String thread = deliveries.get(0).split(" ")[0];
            List<String> expected = new ArrayList<>();
            for (int seq = 1; seq <= perGroup; seq++) {
                expected.add(thread + " " + seq);
            }
            assertEquals(expected, deliveries, "group " + group + ": one session, in order");
            sessions.add(thread);
        });
        assertTrue(sessions.size() > 1, "groups spread over the MDB sessions: " + byGroup);
    }

    @Test
    void rolledBackDeliveryIsRedeliveredThenDeadLettered() throws Exception {
        List<Integer> counts = new CopyOnWriteArrayList<>();
        CountDownLatch attempts = new CountDownLatch(3);
        ra.endpointActivation(new Fakes.EndpointFactory(true, m -> {
            try {
                counts.add(m.getIntProperty("JMSXDeliveryCount"));
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
            attempts.countDown();
            throw new RuntimeException("the bean fails every time");
        }), queueSpec(1));
        send("poison");
        assertTrue(attempts.await(30, TimeUnit.SECONDS));
        try (Connection c = plain.createConnection()) {
            c.start();
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer dlq = s.createConsumer(s.createQueue("DLQ"),
                    "HJMS_OriginalDestination = 'queue:" + queueName + "'");
            Message dead = dlq.receive(30_000);
            assertNotNull(dead, "after 3 attempts the message is on the DLQ");
            assertEquals("poison", text(dead));
        }
        assertEquals(List.of(1, 2, 3), counts);
    }

    @Test
    void nonTransactedEndpointIsRedeliveredWhenItThrows() throws Exception {
        List<Boolean> redelivered = new CopyOnWriteArrayList<>();
        CountDownLatch twice = new CountDownLatch(2);
        ra.endpointActivation(new Fakes.EndpointFactory(false, m -> {
            try {
                redelivered.add(m.getJMSRedelivered());
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
            twice.countDown();
            if (redelivered.size() == 1) {
                throw new RuntimeException("first attempt fails");
            }
        }), queueSpec(1));
        send("once more");
        assertTrue(twice.await(30, TimeUnit.SECONDS));
        assertEquals(List.of(false, true), redelivered);
    }

    @Test
    void deactivationStopsDeliveryAndLeavesMessagesQueued() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        HazelJmsActivationSpec spec = queueSpec(2);
        Fakes.EndpointFactory factory = new Fakes.EndpointFactory(true, m -> first.countDown());
        ra.endpointActivation(factory, spec);
        send("before");
        assertTrue(first.await(30, TimeUnit.SECONDS));
        ra.endpointDeactivation(factory, spec);
        send("after");
        try (Connection c = plain.createConnection()) {
            c.start();
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            Message m = s.createConsumer(s.createQueue(queueName)).receive(10_000);
            assertEquals("after", text(m));
        }
    }

    @Test
    void validateNamesEveryBadProperty() {
        HazelJmsActivationSpec spec = new HazelJmsActivationSpec();
        spec.setDestinationType("jakarta.jms.Stream");
        spec.setAcknowledgeMode("Client-acknowledge");
        spec.setMaxSession(0);
        spec.setMessageSelector("a = ");
        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);
        for (String property : List.of("destination", "destinationType", "acknowledgeMode", "maxSession", "messageSelector")) {
            assertTrue(e.getMessage().contains(property), property + " named in: " + e.getMessage());
        }
        HazelJmsActivationSpec durable = new HazelJmsActivationSpec();
        durable.setDestination("t");
        durable.setDestinationType("jakarta.jms.Topic");
        durable.setSubscriptionDurability("Durable");
        InvalidPropertyException d = assertThrows(InvalidPropertyException.class, durable::validate);
        assertTrue(d.getMessage().contains("subscriptionName") && d.getMessage().contains("clientId"), d.getMessage());
        assertEquals(List.of("subscriptionName", "clientId"), descriptorNames(d));
    }

    @Test
    void resourceAdapterNamesEveryBadPropertyInOneException() {
        HazelJmsResourceAdapter bad = new HazelJmsResourceAdapter();
        bad.setPort(0);
        bad.setPrefetch(0);
        bad.setBacklogPolicy("later");
        bad.setClientConnectTimeoutMillis(0L);
        bad.setMemberOperations("sometimes");
        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, bad::validate);
        assertEquals(List.of("port", "clientConnectTimeoutMillis", "memberOperations", "backlogPolicy", "prefetch"),
                descriptorNames(e));
        assertTrue(e.getMessage().startsWith("HJMS-RA-008 invalid resource adapter properties (5): "
                + "HJMS-CFG-001 port must be 1..65535, was '0'"), e.getMessage());
        ResourceAdapterInternalException start = assertThrows(ResourceAdapterInternalException.class,
                () -> bad.start(new Fakes.Bootstrap()));
        assertTrue(start.getCause() instanceof InvalidPropertyException, "start() reports the same exception as cause");
    }

    @Test
    void plainJavaSettingsAreSettableInTheResourceAdapter() throws Exception {
        HazelJmsResourceAdapter tuned = new HazelJmsResourceAdapter();
        assertNull(tuned.providerConfig().memberOperations(), "unset: the store's JVM default");
        tuned.setMemberOperations("off");
        tuned.setClientConnectTimeoutMillis(1_500L);
        tuned.setBacklogPolicy("FAIL");
        tuned.setBacklogBlockMillis(0L);
        tuned.setRedeliveryDelayMillis(250L);
        ProviderConfig config = tuned.providerConfig();
        assertEquals(MemberOperations.OFF, config.memberOperations());
        assertEquals(1_500L, config.clientConnectTimeoutMillis());
        assertEquals(new io.hazeljms.jms.config.BacklogPolicy(io.hazeljms.jms.config.BacklogPolicy.Mode.FAIL, 0),
                config.backlogPolicy());
        assertEquals(250L, config.redeliveryDelayMillis());
        tuned.setRedeliveryDelay(400L); // the former name, deprecated, wins when given
        assertEquals(400L, tuned.providerConfig().redeliveryDelayMillis());
        tuned.setMemberOperations(""); // an empty ra.xml value: unset again
        assertNull(tuned.providerConfig().memberOperations());
    }

    /** DESIGN.md: an MDB may set its destination's policy, but only what it gives, and never silently. */
    @Test
    void anActivationThatChangesItsDestinationsPolicySaysSoAndKeepsTheRest() throws Exception {
        DestinationKey key = DestinationKey.queue(queueName);
        HazelJmsActivationSpec first = queueSpec(1);
        first.setRedeliveryDelayMillis(50L);
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override public void publish(LogRecord r) { logged.add(r); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        Logger log = Logger.getLogger(io.hazeljms.ra.inbound.HazelJmsActivation.class.getName());
        Level level = log.getLevel();
        log.setLevel(Level.INFO); // the build's logging.properties shows warnings only
        log.addHandler(handler);
        try {
            Fakes.EndpointFactory factory = new Fakes.EndpointFactory(true, m -> { });
            ra.endpointActivation(factory, first);
            assertTrue(logged.stream().anyMatch(r -> r.getLevel() == Level.INFO && r.getMessage().startsWith("HJMS-RA-066")),
                    "creating the destination is logged");
            ra.endpointDeactivation(factory, first);
            logged.clear();

            HazelJmsActivationSpec second = queueSpec(1);
            second.setMaxDeliveryAttempts(5); // the RA's (and so the queue's) is 3
            ra.endpointActivation(factory, second);
            List<String> warnings = logged.stream().filter(r -> r.getLevel() == Level.WARNING)
                    .map(LogRecord::getMessage).toList();
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("HJMS-RA-067") && warnings.get(0).contains("maxDeliveryAttempts 3 → 5")
                    && warnings.get(0).contains(key.encode()) && !warnings.get(0).contains("redeliveryDelayMillis"), warnings.get(0));
            var settings = plain.node().broker().administration().settings(key);
            assertEquals(5, settings.deadLetter().maxDeliveryAttempts());
            assertEquals(50, settings.redelivery().delayMillis(), "what the second bean does not give stays");
            ra.endpointDeactivation(factory, second);
            logged.clear();

            ra.endpointActivation(factory, second); // the same policy again: nothing changes, nothing to say
            assertTrue(logged.stream().noneMatch(r -> r.getLevel() == Level.WARNING), logged.toString());
            ra.endpointDeactivation(factory, second);
        } finally {
            log.removeHandler(handler);
            log.setLevel(level);
        }
    }

    private static List<String> descriptorNames(InvalidPropertyException e) {
        return java.util.Arrays.stream(e.getInvalidPropertyDescriptors()).map(java.beans.PropertyDescriptor::getName)
                .toList();
    }

    @Test
    void outboundSessionOutsideATransactionSendsAtOnceAndRefusesEeForbiddenCalls() throws Exception {
        HazelJmsManagedConnectionFactory mcf = new HazelJmsManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory();
        try (Connection connection = cf.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(queueName);
            session.createProducer(queue).send(session.createTextMessage("outbound"));
            assertThrows(jakarta.jms.IllegalStateException.class, () -> connection.createSession(false, Session.AUTO_ACKNOWLEDGE));
            assertThrows(jakarta.jms.IllegalStateException.class, () -> connection.setClientID("x"));
            assertThrows(jakarta.jms.IllegalStateException.class, connection::stop);
            MessageConsumer consumer = session.createConsumer(queue);
            assertThrows(jakarta.jms.IllegalStateException.class, () -> consumer.setMessageListener(m -> { }));
            connection.start();
            assertEquals("outbound", text(consumer.receive(10_000)));
        }
        assertEquals(0, plain.node().broker().administration().depth(DestinationKey.queue(queueName)), "auto-acknowledged on receive");
    }

    @Test
    void outboundQueueAndTopicSessionsRefuseTheOtherDomain() throws Exception {
        HazelJmsManagedConnectionFactory mcf = new HazelJmsManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        Object cf = mcf.createConnectionFactory();
        try (QueueConnection connection = ((QueueConnectionFactory) cf).createQueueConnection()) {
            QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic topic = new HazelcastTopic("ra-topic");
            for (var call : List.<org.junit.jupiter.api.function.Executable>of(() -> session.createTopic("t"),
                    session::createTemporaryTopic, () -> session.unsubscribe("d"),
                    () -> session.createDurableSubscriber(topic, "d"), () -> session.createDurableConsumer(topic, "d"),
                    () -> session.createSharedConsumer(topic, "s"), () -> session.createSharedDurableConsumer(topic, "s"))) {
                var e = assertThrows(jakarta.jms.IllegalStateException.class, call);
                assertTrue(e.getMessage().startsWith("HJMS-SESSION-015 QueueSession."), e.getMessage());
            }
            var e = assertThrows(jakarta.jms.IllegalStateException.class,
                    () -> connection.createDurableConnectionConsumer(topic, "d", null, null, 1));
            assertTrue(e.getMessage().startsWith("HJMS-SESSION-015 QueueConnection."), e.getMessage());
            Queue queue = session.createQueue(queueName);
            session.createSender(queue).send(session.createTextMessage("legacy"));
            assertEquals(1, plain.node().broker().administration().depth(DestinationKey.queue(queueName)));
        }
        try (TopicConnection connection = ((TopicConnectionFactory) cf).createTopicConnection()) {
            TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = new HazelcastQueue(queueName);
            for (var call : List.<org.junit.jupiter.api.function.Executable>of(() -> session.createQueue("q"),
                    session::createTemporaryQueue, () -> session.createBrowser(queue),
                    () -> session.createBrowser(queue, "a = 1"))) {
                var e = assertThrows(jakarta.jms.IllegalStateException.class, call);
                assertTrue(e.getMessage().startsWith("HJMS-SESSION-015 TopicSession."), e.getMessage());
            }
            assertNotNull(session.createTopic("t"));
        }
        try (Connection connection = ((ConnectionFactory) cf).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertNotNull(session.createTopic("t"));
            assertNotNull(session.createBrowser(session.createQueue(queueName)));
        }
    }

    /** Through the handles too, a null topic is reported before the missing client ID. */
    @Test
    void outboundHandlesReportANullTopicFirst() throws Exception {
        HazelJmsManagedConnectionFactory mcf = new HazelJmsManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory();
        try (Connection connection = cf.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(jakarta.jms.InvalidDestinationException.class, () -> session.createDurableConsumer(null, "d"));
            assertThrows(jakarta.jms.InvalidDestinationException.class,
                    () -> session.createDurableSubscriber(null, "d", null, false));
            assertThrows(jakarta.jms.InvalidDestinationException.class, () -> session.createSharedConsumer(null, null));
        }
        try (jakarta.jms.JMSContext context = cf.createContext()) {
            assertThrows(jakarta.jms.InvalidDestinationRuntimeException.class,
                    () -> context.createDurableConsumer(null, "d"));
            assertThrows(jakarta.jms.InvalidDestinationRuntimeException.class,
                    () -> context.createSharedDurableConsumer(null, null));
        }
    }

    @Test
    void outboundLocalTransactionCommitsOnCommitOnly() throws Exception {
        HazelJmsManagedConnectionFactory mcf = new HazelJmsManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory();
        try (Connection connection = cf.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            session.createProducer(session.createQueue(queueName)).send(session.createTextMessage("local"));
            assertEquals(0, plain.node().broker().administration().depth(DestinationKey.queue(queueName)));
            session.commit();
            assertEquals(1, plain.node().broker().administration().depth(DestinationKey.queue(queueName)));
        }
    }

    @Test
    void contextFromTheAdaptersFactorySendsAndReceivesBodies() throws Exception {
        HazelJmsManagedConnectionFactory mcf = new HazelJmsManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory();
        try (jakarta.jms.JMSContext context = cf.createContext()) {
            Queue queue = context.createQueue(queueName);
            context.createProducer().setProperty("kind", "greeting").send(queue, "hello from a context");
            assertEquals("hello from a context", context.createConsumer(queue, "kind = 'greeting'")
                    .receiveBody(String.class, 10_000));
        }
        assertEquals(0, plain.node().broker().administration().depth(DestinationKey.queue(queueName)));
        try (jakarta.jms.JMSContext client = cf.createContext(jakarta.jms.JMSContext.CLIENT_ACKNOWLEDGE)) {
            Queue queue = client.createQueue(queueName);
            client.createProducer().send(queue, "ack me");
            assertNotNull(client.createConsumer(queue).receive(10_000));
            assertEquals(1, plain.node().broker().administration().depth(DestinationKey.queue(queueName)), "not acknowledged yet");
            client.acknowledge();
            assertEquals(0, plain.node().broker().administration().depth(DestinationKey.queue(queueName)));
        }
    }

    @Test
    void outboundHandlesUseTheProvidersSettingsAndModes() throws Exception {
        HazelJmsManagedConnectionFactory mcf = new HazelJmsManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory();
        try (Connection connection = cf.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var producer = session.createProducer(session.createQueue(queueName));
            assertEquals(io.hazeljms.jms.client.ProducerSettings.DEFAULTS.priority(), producer.getPriority());
            JMSException refused = assertThrows(JMSException.class, () -> producer.setPriority(10));
            assertTrue(refused.getMessage().startsWith("HJMS-PRODUCER-002"), refused.getMessage());
            producer.setPriority(8);
            producer.send(session.createTextMessage("not a number"));
        }
        try (jakarta.jms.JMSContext context = cf.createContext()) {
            var consumer = context.createConsumer(context.createQueue(queueName));
            assertThrows(jakarta.jms.MessageFormatRuntimeException.class, () -> consumer.receiveBody(Long.class, 10_000));
            assertEquals(1, plain.node().broker().administration().depth(DestinationKey.queue(queueName)), "auto-acknowledge kept the wrong body");
            Message again = consumer.receive(10_000);
            assertEquals("not a number", text(again));
            assertFalse(again.getJMSRedelivered(), "the wrong body went back uncounted");
            assertEquals(8, again.getJMSPriority(), "the handle's settings reached the message");
        }
        assertEquals(0, plain.node().broker().administration().depth(DestinationKey.queue(queueName)));
    }

    @Test
    void configPropertiesReachTheProvider() {
        assertEquals(3, ra.providerConfig().maxDeliveryAttempts());
        assertEquals(1, ra.providerConfig().prefetch(), "MDB sessions claim one message at a time by default");
        HazelJmsResourceAdapter tuned = new HazelJmsResourceAdapter();
        tuned.setPrefetch(0);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, tuned::providerConfig);
        assertTrue(refused.getMessage().contains("prefetch"), refused.getMessage());
        assertTrue(ra.providerConfig().asyncNonPersistentSends(), "NON_PERSISTENT sends do not wait, as in plain Java");
        tuned.setPrefetch(1);
        tuned.setAsyncNonPersistentSends(false);
        assertFalse(tuned.providerConfig().asyncNonPersistentSends());
        HazelJmsResourceAdapter bad = new HazelJmsResourceAdapter();
        bad.setMode("sideways");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::providerConfig);
        assertTrue(e.getMessage().contains("mode"));
    }

    @Test
    void limitsAndTheBacklogPolicyReachTheProvider() {
        HazelJmsResourceAdapter defaults = new HazelJmsResourceAdapter();
        assertEquals(100_000, defaults.providerConfig().maxQueueMessages());
        assertEquals(32L << 20, defaults.providerConfig().maxQueueBytes());
        assertEquals(75, defaults.providerConfig().memoryLimitPercent());
        assertEquals(io.hazeljms.jms.config.BacklogPolicy.defaults(), defaults.providerConfig().backlogPolicy());
        HazelJmsResourceAdapter tuned = new HazelJmsResourceAdapter();
        tuned.setMaxQueueMessages(50);
        tuned.setMaxQueueBytes(4096L);
        tuned.setMemoryLimitPercent(60);
        tuned.setBacklogPolicy("fail");
        tuned.setBacklogBlockMillis(0L);
        ProviderConfig config = tuned.providerConfig();
        assertEquals(50, config.maxQueueMessages());
        assertEquals(4096L, config.destinationDefaults().maxBytes());
        assertEquals(60, config.memoryLimitPercent());
        assertEquals(io.hazeljms.jms.config.BacklogPolicy.Mode.FAIL, config.backlogPolicy().mode());
        tuned.setMaxBacklog(7); // the former name, when set, is used instead
        assertEquals(7, tuned.providerConfig().destinationDefaults().maxMessages());
        tuned.setBacklogPolicy("later");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, tuned::providerConfig);
        assertTrue(e.getMessage().contains("backlogPolicy"), e.getMessage());
    }
}
