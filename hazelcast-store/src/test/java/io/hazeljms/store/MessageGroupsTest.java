package io.hazeljms.store;

import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Message groups with real members: the binding of a group to a consumer is in the queue's replicated state,
 * so consumers on different members see one binding, and it survives the loss of the member that owns the queue.
 */
class MessageGroupsTest {

    /** One cluster for the class (starting members is most of the time): the kill leaves two, enough for the rest. */
    private static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(3);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** One consumer: a broker's session and a watch (whose id names the consumer). */
    private record Consumer(String name, Broker broker, LeaseOwner owner, Messages.Watch watch) {

        StoredMessage receive() throws InterruptedException {
            List<StoredMessage> got = broker.messages().receive(watch, null, owner, -1, () -> false, 1, List.of());
            return got.isEmpty() ? null : got.get(0);
        }

        void acknowledge(StoredMessage m) {
            broker.messages().acknowledge(watch.address(), List.of(m.messageId()), owner);
        }
    }

    private static Consumer consumer(String name, Broker broker, DestinationKey queue) {
        LeaseOwner owner = new LeaseOwner(broker.nodeId(), "conn-" + name, "session-" + name);
        return new Consumer(name, broker, owner, broker.messages().consumerWatch(Address.queue(queue)));
    }

    static StoredMessage grouped(String group, int seq) {
        StoredMessage m = BrokerTest.message(group + "-" + seq + "-" + UUID.randomUUID(), 4);
        m.properties().put(MessageGroups.GROUP_ID, group);
        m.properties().put(MessageGroups.GROUP_SEQ, seq);
        return m;
    }

    /** Runs on both hot paths: the module's suite runs again with {@code hazeljms.memberOperations=off}. */
    @Test
    void groupsSpreadOverConsumersOnSeveralMembersKeepOrderAndSurviveTheOwnersLoss() throws Exception {
        DestinationKey queue = DestinationKey.queue("groups-" + UUID.randomUUID());
        HazelcastInstance owner = ownerOf(queue.encode());
        List<HazelcastInstance> others = cluster.members().stream().filter(m -> m != owner).toList();
        List<Consumer> consumers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Broker broker = new Broker(others.get(i % 2), DestinationSettings.defaults());
            consumers.add(consumer("c" + i, broker, queue));
        }
        int groups = 6; // not a multiple of the consumers, so taking turns alone would mix the groups up
        int perGroup = 6;
        for (int seq = 1; seq <= perGroup; seq++) {
            for (int g = 0; g < groups; g++) {
                consumers.get(0).broker().messages().send(queue, grouped("g" + g, seq));
            }
        }
        Map<String, String> holder = new HashMap<>();
        Map<String, List<Integer>> received = new LinkedHashMap<>();
        int total = groups * perGroup;
        int got = drain(consumers, holder, received, total / 2);

        int size = cluster.members().size();
        cluster.terminate(owner);
        cluster.awaitSize(size - 1);
        got += drain(consumers, holder, received, total - got);

        assertEquals(total, got);
        for (int g = 0; g < groups; g++) {
            assertEquals(List.of(1, 2, 3, 4, 5, 6), received.get("g" + g), "group g" + g + " in order, once each");
        }
        Map<String, Integer> groupsPerConsumer = new HashMap<>();
        holder.values().forEach(c -> groupsPerConsumer.merge(c, 1, Integer::sum));
        assertEquals(Map.of("c0", 2, "c1", 2, "c2", 1, "c3", 1), groupsPerConsumer, "groups spread evenly");
        assertNull(consumers.get(0).receive(), "nothing left");
    }

    /** Consumers take turns, each acknowledging what it got; a group must stay with the consumer it first went to. */
    private static int drain(List<Consumer> consumers, Map<String, String> holder,
                             Map<String, List<Integer>> received, int count) throws InterruptedException {
        int got = 0;
        int idle = 0;
        while (got < count && idle < 100 * consumers.size()) {
            for (Consumer c : consumers) {
                StoredMessage m = got < count ? c.receive() : null;
                if (m == null) {
                    idle++;
                    continue;
                }
                idle = 0;
                String group = MessageGroups.groupOf(m);
                String was = holder.putIfAbsent(group, c.name());
                assertEquals(was == null ? c.name() : was, c.name(), "group " + group + " stays with one consumer");
                assertEquals(was == null ? Boolean.TRUE : null, m.properties().get(MessageGroups.FIRST_FOR_CONSUMER),
                        "only the first message of a group a consumer gets is flagged");
                received.computeIfAbsent(group, k -> new ArrayList<>()).add((Integer) m.properties().get(MessageGroups.GROUP_SEQ));
                c.acknowledge(m);
                got++;
            }
        }
        return got;
    }

    @Test
    void aClosedConsumersGroupMovesOnlyAfterItsInFlightMessageAndClosingSequenceRebinds() throws Exception {
        DestinationKey queue = DestinationKey.queue("groups-move-" + UUID.randomUUID());
        Broker b0 = new Broker(cluster.member(0), DestinationSettings.defaults());
        Broker b1 = new Broker(cluster.member(1), DestinationSettings.defaults());
        Consumer first = consumer("first", b0, queue);
        Consumer second = consumer("second", b1, queue);
        for (int seq = 1; seq <= 3; seq++) {
            b0.messages().send(queue, grouped("G", seq));
        }
        b0.messages().send(queue, grouped("G", -1));
        b0.messages().send(queue, grouped("G", 5));

        StoredMessage m1 = first.receive();
        assertEquals(1, m1.properties().get(MessageGroups.GROUP_SEQ));
        assertEquals(Boolean.TRUE, m1.properties().get(MessageGroups.FIRST_FOR_CONSUMER));
        assertNull(second.receive(), "the group is bound to the first consumer");
        DestinationState copy = cluster.member(1).<String, DestinationState>getMap(StoreConfig.DESTINATIONS_MAP)
                .get(queue.encode()); // serialized and read back, as a migration does
        assertEquals(first.owner(), copy.groups().holderOf("G").owner(), "the binding is part of the state");

        first.watch().close(); // the consumer closes; its session still holds m1, unacknowledged
        assertNull(second.receive(), "the group may not run ahead of its message in flight");
        b0.messages().release(Address.queue(queue), List.of(m1.messageId()), first.owner(), true); // rollback

        StoredMessage again = second.receive();
        assertEquals(m1.messageId(), again.messageId(), "the message in flight comes first, to the new consumer");
        assertEquals(Boolean.TRUE, again.properties().get(MessageGroups.FIRST_FOR_CONSUMER));
        assertEquals(2, again.deliveryCount());
        second.acknowledge(again);
        for (int seq : new int[] {2, 3, -1}) {
            StoredMessage m = second.receive();
            assertEquals(seq, m.properties().get(MessageGroups.GROUP_SEQ));
            assertNull(m.properties().get(MessageGroups.FIRST_FOR_CONSUMER));
            if (seq != -1) {
                second.acknowledge(m);
            } else {
                Consumer third = consumer("third", b0, queue);
                assertNull(third.receive(), "a closed group binds anew only once its closing message is acknowledged");
                second.acknowledge(m);
                StoredMessage fifth = third.receive();
                assertEquals(5, fifth.properties().get(MessageGroups.GROUP_SEQ));
                assertEquals(Boolean.TRUE, fifth.properties().get(MessageGroups.FIRST_FOR_CONSUMER), "bound anew");
            }
        }
        assertTrue(b0.administration().stats(queue).pending() == 0);
    }

    private HazelcastInstance ownerOf(String key) {
        var ownerUuid = cluster.member(0).getPartitionService().getPartition(key).getOwner().getUuid();
        return cluster.members().stream().filter(m -> m.getCluster().getLocalMember().getUuid().equals(ownerUuid))
                .findFirst().orElseThrow();
    }
}
