package io.hazeljms.store;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bounded destinations on real members: the limits and the memory guard are decided on the primary, a refusal
 * stores nothing, and backups replay without deciding again.
 */
class LimitsTest {

    private static TestCluster cluster;
    private static Broker broker;
    private final LeaseOwner owner = new LeaseOwner(broker.nodeId(), "conn-" + UUID.randomUUID(), "session-1");
    private DestinationKey queue;

    @BeforeAll
    static void startMember() {
        cluster = TestCluster.start(1);
        broker = new Broker(cluster.member(0), DestinationSettings.defaults().withMaxDeliveryAttempts(1)
                .withMaxMessages(3).withMaxBytes(0));
    }

    @AfterAll
    static void stopMember() {
        cluster.close();
    }

    @BeforeEach
    void uniqueQueue(TestInfo info) {
        queue = DestinationKey.queue(info.getTestMethod().orElseThrow().getName() + "-" + UUID.randomUUID());
    }

    private static StoredMessage message(String id, int bodyBytes) {
        return new StoredMessage(id, null).timestamp(System.currentTimeMillis())
                .bodyType(StoredMessage.BODY_BYTES).body(new byte[bodyBytes]);
    }

    private static List<StoredMessage> messages(String prefix, int n) {
        List<StoredMessage> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(message(prefix + i, 10));
        }
        return list;
    }

    @Test
    void messageLimitRefusesOnEveryPathAndStoresNothing() throws Exception {
        assertEquals(2, broker.messages().send(queue, messages("a", 2)).added()); // entry processor: creates the queue
        assertEquals(Refusal.FULL_MESSAGES, broker.messages().send(queue, messages("b", 2)).refusal(),
                "a batch that does not fit is refused whole");
        assertEquals(2, broker.administration().depth(queue));
        assertEquals(1, broker.messages().send(queue, messages("c", 1)).added()); // member operation: the queue is known now
        assertEquals(Refusal.FULL_MESSAGES, broker.messages().send(queue, messages("d", 1)).refusal());
        assertEquals(Refusal.FULL_MESSAGES,
                broker.messages().sendAsync(queue, messages("e", 1), true).toCompletableFuture().get(10, TimeUnit.SECONDS).refusal());
        assertEquals(Refusal.FULL_MESSAGES, broker.messages().room(queue, 1, 100));
        assertEquals(3, broker.administration().depth(queue));

        // a claimed message still counts; an acknowledged one makes room
        StoredMessage claimed = broker.messages().claim(queue, null, owner).message();
        assertNotNull(claimed);
        assertEquals(Refusal.FULL_MESSAGES, broker.messages().send(queue, messages("f", 1)).refusal());
        broker.messages().acknowledge(queue, List.of(claimed.messageId()), owner);
        assertNull(broker.messages().room(queue, 1, 100));
        assertEquals(1, broker.messages().send(queue, messages("g", 1)).added());
        assertEquals(3, broker.administration().depth(queue));
    }

    @Test
    void byteLimitCountsBodiesAndHeaders() {
        StoredMessage probe = message("p", 1_000); // ids of one character, as those sent below
        int size = probe.estimatedSize();
        assertTrue(size > 1_000 && size < 1_500, "body plus an estimate of the rest: " + size);
        broker.administration().createDestination(queue, broker.defaults().withMaxMessages(0).withMaxBytes(2L * size + size / 2));
        assertEquals(1, broker.messages().send(queue, List.of(message("a", 1_000))).added());
        assertEquals(1, broker.messages().send(queue, List.of(message("b", 1_000))).added());
        assertEquals(Refusal.FULL_BYTES, broker.messages().send(queue, List.of(message("c", 1_000))).refusal());
        assertEquals(1, broker.messages().send(queue, List.of(message("small", 10))).added(), "what fits in the bytes left goes in");
        DestinationStats stats = broker.administration().stats(queue);
        assertEquals(3, stats.depth());
        assertEquals(2L * size + message("small", 10).estimatedSize(), stats.bytes());
        assertEquals(2L * size + size / 2, stats.maxBytes());
    }

    @Test
    void settingsOfOneDestinationOverrideTheDefaults() {
        broker.administration().createDestination(queue, broker.defaults().withMaxMessages(1));
        assertEquals(1, broker.messages().send(queue, messages("a", 1)).added());
        assertEquals(Refusal.FULL_MESSAGES, broker.messages().send(queue, messages("b", 1)).refusal());
        DestinationKey other = DestinationKey.queue(queue.name() + "-default");
        assertEquals(3, broker.messages().send(other, messages("c", 3)).added(), "the default limit is 3");
        assertEquals(Refusal.FULL_MESSAGES, broker.messages().send(other, messages("d", 1)).refusal());
    }

    @Test
    void aTopicRefusesWhenOneSubscriptionIsFull() {
        DestinationKey topic = DestinationKey.topic(queue.name());
        broker.administration().createDestination(topic, broker.defaults());
        broker.subscriptions().subscribe(topic, "slow", new SubscriptionSpec(false, false, null, false), "c1", owner);
        broker.subscriptions().subscribe(topic, "fast", new SubscriptionSpec(false, false, null, false), "c2", owner);
        assertEquals(6, broker.messages().send(topic, messages("a", 3)).added());
        broker.messages().claim(Address.subscription(topic, "fast"), null, owner, 3, List.of());
        assertEquals(Refusal.FULL_MESSAGES, broker.messages().send(topic, messages("b", 1)).refusal());
    }

    @Test
    void aDeadMessageStaysWhereItIsWhileTheDeadLetterQueueIsFull() {
        DestinationKey dlq = DestinationKey.queue(queue.name() + "-dlq");
        broker.administration().createDestination(dlq, broker.defaults().withMaxMessages(1));
        broker.administration().createDestination(queue, broker.defaults().withDeadLetterQueue(dlq.encode()));
        broker.messages().send(dlq, messages("old", 1));
        broker.messages().send(queue, messages("x", 1));
        StoredMessage x = broker.messages().claim(queue, null, owner).message();
        broker.messages().release(queue, List.of(x.messageId()), owner, true); // out of attempts: to the full DLQ

        assertEquals(1, broker.administration().depth(queue), "not lost: still on its queue, leased");
        assertEquals(1, broker.administration().depth(dlq));

        StoredMessage old = broker.messages().claim(dlq, null, owner).message();
        broker.messages().acknowledge(dlq, List.of(old.messageId()), owner); // room in the DLQ
        broker.messages().releaseOwner(queue, owner, LeaseOwner.Scope.SESSION); // the lease ends: x is pending again
        assertNull(broker.messages().claim(queue, null, owner).message(), "a dead message is moved, not delivered");
        assertEquals(0, broker.administration().depth(queue));
        StoredMessage moved = broker.messages().claim(dlq, null, owner).message();
        assertEquals("x0", moved.messageId());
    }

    /** A heap reading a test sets: 0..1. */
    private static final class FakeHeap implements java.util.function.DoubleSupplier {
        private volatile double used;

        @Override
        public double getAsDouble() {
            return used;
        }
    }

    @Test
    void memoryGuardRefusesOnThePrimaryAndBackupsNeverRefuse() {
        try (TestCluster two = TestCluster.start(0)) {
            FakeHeap heapA = new FakeHeap();
            FakeHeap heapB = new FakeHeap();
            MemoryGuard guardA = new MemoryGuard(75, heapA);
            MemoryGuard guardB = new MemoryGuard(75, heapB);
            HazelcastInstance a = two.addMember(withGuard(two.memberConfig(), guardA));
            HazelcastInstance b = two.addMember(withGuard(two.memberConfig(), guardB));
            two.awaitSize(2);
            Broker onA = new Broker(a, DestinationSettings.defaults());
            DestinationKey ownedByA = keyOwnedBy(a, queue.name() + "-a");
            DestinationKey ownedByB = keyOwnedBy(b, queue.name() + "-b");
            onA.messages().send(ownedByA, messages("first", 1)); // created while the heap is fine
            onA.messages().send(ownedByB, messages("first", 1));

            heapB.used = 0.9; // B is "full": it owns one queue and backs up the other
            guardB.check();
            assertEquals(Refusal.LOW_MEMORY, onA.messages().send(ownedByB, messages("refused", 2)).refusal());
            assertEquals(Refusal.LOW_MEMORY, onA.messages().room(ownedByB, 1, 100));
            assertEquals(1, onA.administration().depth(ownedByB), "a refused send stores nothing");
            assertEquals(2, onA.messages().send(ownedByA, messages("accepted", 2)).added(), "A accepts; B's backup replays it");

            heapB.used = 0.5; // memory came back: the member is usable again
            guardB.check();
            assertEquals(1, onA.messages().send(ownedByB, messages("later", 1)).added());

            heapB.used = 0.9;
            guardB.check();
            assertEquals(2, onA.messages().send(ownedByA, messages("more", 2)).added());
            two.terminate(a); // B takes over A's queue from its backup, which never refused
            two.awaitSize(1);
            Broker onB = new Broker(b, DestinationSettings.defaults());
            assertEquals(5, onB.administration().depth(ownedByA), "every message A accepted survived on B's backup");
            assertEquals(Refusal.LOW_MEMORY, onB.messages().send(ownedByA, messages("now B decides", 1)).refusal());
        }
    }

    private static Config withGuard(Config config, MemoryGuard guard) {
        config.getUserContext().put(MemoryGuard.USER_CONTEXT_KEY, guard);
        return config;
    }

    private static DestinationKey keyOwnedBy(HazelcastInstance member, String base) {
        for (int i = 0; ; i++) {
            DestinationKey key = DestinationKey.queue(base + "-" + i);
            if (member.getPartitionService().getPartition(key.encode()).getOwner().getUuid()
                    .equals(member.getCluster().getLocalMember().getUuid())) {
                return key;
            }
        }
    }
}
