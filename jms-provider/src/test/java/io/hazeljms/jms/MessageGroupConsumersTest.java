package io.hazeljms.jms;

import com.hazelcast.core.HazelcastInstance;
import io.hazeljms.store.DestinationKey;
import io.hazeljms.store.TestCluster;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JMS message groups on a three-member cluster: competing listeners on two members, the queue owned by the
 * third, which is killed halfway; a consumer that closes hands its group on, flagged; and so does one whose
 * member dies.
 */
class MessageGroupConsumersTest {

    private static final String FIRST = "JMSXGroupFirstForConsumer";

    /** One cluster for the class (starting members is most of the time): the kill leaves two, enough for the rest. */
    private static TestCluster cluster;
    private final List<HazelcastConnectionFactory> factories = new ArrayList<>();

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(3);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @AfterEach
    void stop() {
        factories.forEach(HazelcastConnectionFactory::close);
    }

    private Connection connectTo(HazelcastInstance member) throws JMSException {
        HazelcastConnectionFactory factory = new HazelcastConnectionFactory(member);
        factories.add(factory);
        Connection connection = factory.createConnection();
        connection.start();
        return connection;
    }

    private record Delivery(String consumer, String group, int seq, boolean redelivered, boolean first) {
    }

    @Test
    void competingListenersOnTwoMembersEachOwnTheirGroupsInOrderWhileTheQueuesOwnerIsKilled() throws Exception {

        String queueName = "groups-" + UUID.randomUUID();
        HazelcastInstance owner = cluster.members().stream()
                .filter(m -> m.getPartitionService().getPartition(DestinationKey.queue(queueName).encode())
                        .getOwner().localMember())
                .findFirst().orElseThrow();
        List<HazelcastInstance> others = cluster.members().stream().filter(m -> m != owner).toList();
        ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
        AtomicInteger count = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            String name = "c" + i;
            Connection connection = connectTo(others.get(i % 2));
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            session.createConsumer(session.createQueue(queueName)).setMessageListener(m -> {
                try {
                    deliveries.add(new Delivery(name, m.getStringProperty("JMSXGroupID"), m.getIntProperty("JMSXGroupSeq"),
                            m.getJMSRedelivered(), m.getBooleanProperty(FIRST)));
                    synchronized (count) {
                        count.incrementAndGet();
                        count.notifyAll();
                    }
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        Session producerSession = connectTo(others.get(0)).createSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = producerSession.createQueue(queueName);
        MessageProducer producer = producerSession.createProducer(queue);
        int groups = 6;
        int perGroup = 20;
        send(producerSession, producer, groups, 1, perGroup / 2);
        awaitCount(count, groups * perGroup / 4);

        cluster.terminate(owner);
        send(producerSession, producer, groups, perGroup / 2 + 1, perGroup);
        awaitCount(count, groups * perGroup);

        Map<String, String> holder = new HashMap<>();
        Map<String, List<Integer>> seqs = new HashMap<>();
        for (Delivery d : deliveries) {
            assertEquals(holder.computeIfAbsent(d.group(), g -> d.consumer()), d.consumer(),
                    "group " + d.group() + " stays with one consumer: " + deliveries);
            List<Integer> got = seqs.computeIfAbsent(d.group(), g -> new ArrayList<>());
            if (got.contains(d.seq())) {
                assertTrue(d.redelivered(), "only a redelivery repeats a message: " + d);
            } else {
                assertEquals(got.size() + 1, d.seq(), "group " + d.group() + " in order: " + got + " then " + d);
                got.add(d.seq());
            }
            assertEquals(got.size() == 1 && !d.redelivered(), d.first(), "flagged first exactly once: " + d);
        }
        assertEquals(groups, seqs.size());
        seqs.values().forEach(s -> assertEquals(perGroup, s.size(), "nothing lost"));
        assertEquals(Set.of("c0", "c1", "c2", "c3"), new HashSet<>(holder.values()), "groups spread: " + holder);
    }

    private static void send(Session session, MessageProducer producer, int groups, int fromSeq, int toSeq)
            throws JMSException {
        for (int seq = fromSeq; seq <= toSeq; seq++) {
            for (int g = 0; g < groups; g++) {
                TextMessage m = session.createTextMessage("g" + g + "-" + seq);
                m.setStringProperty("JMSXGroupID", "g" + g);
                m.setIntProperty("JMSXGroupSeq", seq);
                producer.send(m);
            }
        }
    }

    private static void awaitCount(AtomicInteger count, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (count) {
            while (count.get() < atLeast) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                assertTrue(left > 0, "only " + count.get() + " of " + atLeast + " delivered in 60 s");
                count.wait(left);
            }
        }
    }

    @Test
    void aClosedConsumersGroupGoesToAnotherMembersConsumerFlaggedFirst() throws Exception {
        Session first = connectTo(cluster.member(0)).createSession(Session.AUTO_ACKNOWLEDGE);
        Session second = connectTo(cluster.member(1)).createSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = first.createQueue("groups-close-" + UUID.randomUUID());
        MessageConsumer c1 = first.createConsumer(queue);
        MessageConsumer c2 = second.createConsumer(queue);
        // both are receiving before the messages come: groups spread over the consumers that claim (README)
        assertNull(c1.receiveNoWait());
        assertNull(c2.receiveNoWait());
        MessageProducer producer = first.createProducer(queue);
        for (int seq = 1; seq <= 4; seq++) {
            for (String group : List.of("G", "H")) {
                TextMessage m = first.createTextMessage(group + seq);
                m.setStringProperty("JMSXGroupID", group);
                producer.send(m);
            }
        }
        Message g1 = c1.receive(10_000);
        assertEquals("G1", ((TextMessage) g1).getText());
        assertTrue(g1.getBooleanProperty(FIRST));
        Message h1 = c2.receive(10_000);
        assertEquals("H1", ((TextMessage) h1).getText(), "G is the first consumer's, H goes to the second");
        assertTrue(h1.getBooleanProperty(FIRST));
        Message g2 = c1.receive(10_000);
        assertEquals("G2", ((TextMessage) g2).getText());
        assertFalse(g2.getBooleanProperty(FIRST));

        c1.close(); // G3 and G4 may be prefetched by it: they go back, then G moves

        List<String> rest = new ArrayList<>();
        Map<String, Boolean> flagged = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            Message m = c2.receive(10_000);
            assertNotNull(m, "received so far " + rest);
            rest.add(((TextMessage) m).getText());
            flagged.put(((TextMessage) m).getText(), m.getBooleanProperty(FIRST));
        }
        assertEquals(List.of("G3", "G4"), rest.stream().filter(t -> t.startsWith("G")).toList());
        assertEquals(List.of("H2", "H3", "H4"), rest.stream().filter(t -> t.startsWith("H")).toList());
        assertEquals(Map.of("G3", true, "G4", false, "H2", false, "H3", false, "H4", false), flagged);
    }

    @Test
    void aConsumersGroupMovesFlaggedWhenItsMemberDies() throws Exception {
        HazelcastInstance doomed = cluster.addMember();
        cluster.awaitSafe();
        HazelcastInstance survivor = cluster.members().stream().filter(m -> m != doomed).findFirst().orElseThrow();
        String queueName;
        do { // a queue the doomed member does not own: this is about the consumer's member, not the owner
            queueName = "groups-die-" + UUID.randomUUID();
        } while (doomed.getPartitionService().getPartition(DestinationKey.queue(queueName).encode())
                .getOwner().localMember());
        Session onDoomed = connectTo(doomed).createSession(Session.CLIENT_ACKNOWLEDGE);
        Session onSurvivor = connectTo(survivor).createSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = onSurvivor.createQueue(queueName);
        MessageConsumer c1 = onDoomed.createConsumer(queue);
        MessageConsumer c2 = onSurvivor.createConsumer(queue);
        assertNull(c1.receiveNoWait());
        assertNull(c2.receiveNoWait());
        MessageProducer producer = onSurvivor.createProducer(queue);
        for (int seq = 1; seq <= 4; seq++) {
            for (String group : List.of("G", "H")) {
                TextMessage m = onSurvivor.createTextMessage(group + seq);
                m.setStringProperty("JMSXGroupID", group);
                producer.send(m);
            }
        }
        assertEquals("G1", ((TextMessage) c1.receive(10_000)).getText());
        assertEquals("H1", ((TextMessage) c2.receive(10_000)).getText());
        Message g2 = c1.receive(10_000);
        assertEquals("G2", ((TextMessage) g2).getText());
        g2.acknowledge(); // G1 and G2 are done; G3 and G4 may sit in the doomed consumer's prefetch

        cluster.terminate(doomed);

        List<String> rest = new ArrayList<>();
        Map<String, Boolean> flagged = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            Message m = c2.receive(30_000);
            assertNotNull(m, "the dead consumer's group comes to the living one; received so far " + rest);
            rest.add(((TextMessage) m).getText());
            flagged.put(((TextMessage) m).getText(), m.getBooleanProperty(FIRST));
        }
        assertEquals(List.of("G3", "G4"), rest.stream().filter(t -> t.startsWith("G")).toList(), "in order");
        assertEquals(List.of("H2", "H3", "H4"), rest.stream().filter(t -> t.startsWith("H")).toList());
        assertEquals(Map.of("G3", true, "G4", false, "H2", false, "H3", false, "H4", false), flagged);
        assertNull(c2.receive(500), "nothing twice");
    }
}
