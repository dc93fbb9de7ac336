package io.hazeljms.store;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Consumers with selectors on the public-API path (a Hazelcast client, a member with memberOperations=off): on a
 * node that does not own the queue, an entry event wakes only the consumers whose selector a claim would find
 * something for ({@link SelectorWakes}), and no consumer misses a message it matches — sent, released back, delivered late, or on a new owner after
 * the old one was killed. The test picks its path itself, so the suite's public-API run skips it.
 */
@DisabledIfSystemProperty(named = MemberOperations.PROPERTY, matches = "off")
class PublicApiSelectorWakeTest {

    private static final int SHARDS = 12;

    private TestCluster cluster;
    private HazelcastInstance client;
    private final AtomicBoolean stop = new AtomicBoolean();

    @AfterEach
    void close() {
        stop.set(true);
        if (client != null) {
            client.shutdown();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * Twelve receivers with disjoint selectors wait; one send per shard, in an order unlike the one they started
     * in, reaches exactly its receiver, and each send wakes that one selector only: waking all would wake 78 and
     * run as many claims.
     */
    @ParameterizedTest
    @ValueSource(strings = {"client", "member"})
    void aSendWakesOnlyTheSelectorItMatches(String node) throws Exception {
        cluster = TestCluster.start(2);
        Broker producer = new Broker(cluster.member(0), DestinationSettings.defaults(), MemberOperations.OFF);
        Broker receivers = node.equals("client") ? clientBroker()
                : new Broker(cluster.member(1), DestinationSettings.defaults(), MemberOperations.OFF);
        // owned by the producer's member: on the owner itself a node wakes all (a claim there is a local call)
        DestinationKey queue = ownedBy(cluster.member(0), "wake-" + node);
        producer.administration().createDestination(queue, DestinationSettings.defaults());
        long claimsBefore = receivers.messages().publicApiWaitingClaims();
        List<CompletableFuture<StoredMessage>> received = new ArrayList<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            received.add(receive(receivers, queue, "shard = " + shard));
        }
        awaitTrue(() -> receivers.messages().publicApiWaitingClaims() - claimsBefore >= SHARDS,
                "every receiver claimed once and waits");
        long wakesBefore = receivers.messages().selectorWakes();
        long claimsWaiting = receivers.messages().publicApiWaitingClaims();

        int[] order = {7, 0, 11, 3, 5, 1, 10, 2, 9, 4, 8, 6};
        for (int i = 0; i < order.length; i++) {
            int shard = order[i];
            producer.messages().send(queue, shard("m" + shard, shard));
            assertEquals("m" + shard, received.get(shard).get(30, TimeUnit.SECONDS).messageId());
            long woken = receivers.messages().selectorWakes() - wakesBefore;
            assertTrue(woken <= i + 1, "after " + (i + 1) + " sends, " + woken + " selectors were woken");
            for (int later = i + 1; later < order.length; later++) {
                assertFalse(received.get(order[later]).isDone(), "shard " + order[later] + " ended early");
            }
        }
        long claims = receivers.messages().publicApiWaitingClaims() - claimsWaiting;
        assertTrue(claims <= 2 * SHARDS, claims + " claims for " + SHARDS + " messages (waking all: 78)");
        assertEquals(0, producer.administration().stats(queue).pending());
    }

    /**
     * On a client: a message its receiver's selector rejected nothing of comes back released (a rollback), one
     * falls due late (delivery time), and one is sent after the queue's owner was killed; each reaches the
     * waiting receiver whose selector it matches, while the other selectors keep waiting.
     */
    @Test
    void releasedDelayedAndAfterTheOwnerDiedStillReachTheirSelector() throws Exception {
        cluster = TestCluster.start(3);
        Broker receivers = clientBroker();
        DestinationKey queue = DestinationKey.queue("wake-edges-" + UUID.randomUUID());
        receivers.administration().createDestination(queue, DestinationSettings.defaults());
        CompletableFuture<StoredMessage> other = receive(receivers, queue, "shard = 9");

        // released back: taken by a consumer without selector while the shard-2 receiver waits, then rolled back
        receivers.messages().send(queue, shard("back", 2));
        LeaseOwner holder = new LeaseOwner("elsewhere-" + UUID.randomUUID(), "conn", "session");
        assertEquals("back", receivers.messages().claim(queue, null, holder).message().messageId());
        CompletableFuture<StoredMessage> two = receive(receivers, queue, "shard = 2");
        receivers.messages().send(queue, shard("not-two", 1));
        receivers.messages().release(queue, List.of("back"), holder, true);
        StoredMessage back = two.get(30, TimeUnit.SECONDS);
        assertEquals("back", back.messageId());
        assertEquals(2, back.deliveryCount(), "delivered again, as the rollback said");

        // delivered late: the receiver waits through the delivery time, without a send at that time
        CompletableFuture<StoredMessage> three = receive(receivers, queue, "shard = 3");
        long due = System.currentTimeMillis() + 1_500;
        receivers.messages().send(queue, shard("late", 3).deliveryTime(due));
        assertEquals("late", three.get(30, TimeUnit.SECONDS).messageId());
        assertTrue(System.currentTimeMillis() >= due, "not before its delivery time");

        // the owner dies while receivers wait: a send to the new owner still reaches its receiver
        CompletableFuture<StoredMessage> four = receive(receivers, queue, "shard = 4");
        HazelcastInstance owner = ownerOf(queue.encode());
        cluster.terminate(owner);
        receivers.messages().send(queue, shard("after-kill", 4));
        assertEquals("after-kill", four.get(30, TimeUnit.SECONDS).messageId());

        assertFalse(other.isDone(), "shard 9 had nothing");
        receivers.messages().send(queue, shard("nine", 9));
        assertEquals("nine", other.get(30, TimeUnit.SECONDS).messageId());
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private Broker clientBroker() {
        ClientConfig config = new ClientConfig();
        config.setClusterName(cluster.name());
        config.setClassLoader(PublicApiSelectorWakeTest.class.getClassLoader());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setAddresses(TestCluster.memberList());
        client = HazelcastClient.newHazelcastClient(StoreConfig.applyTo(config));
        return new Broker(client, DestinationSettings.defaults(), MemberOperations.AUTO);
    }

    private static StoredMessage shard(String id, int shard) {
        StoredMessage m = BrokerTest.message(id, 4);
        m.properties().put("shard", shard);
        return m;
    }

    /**
     * A receiver with a selector on its own thread: claims, and after a claim that found nothing waits up to two
     * minutes for a wake before it claims again (no periodic recheck), so only a wake ends it in time.
     */
    private CompletableFuture<StoredMessage> receive(Broker broker, DestinationKey queue, String selector) {
        CompletableFuture<StoredMessage> result = new CompletableFuture<>();
        LeaseOwner owner = new LeaseOwner(broker.nodeId(), "conn", "session-" + UUID.randomUUID());
        Thread t = new Thread(() -> {
            try (Messages.Watch watch = broker.messages().consumerWatch(Address.queue(queue))) {
                while (!stop.get()) {
                    ClaimResult r = broker.messages().claimOrWait(watch, selector, owner, 120_000);
                    if (!r.messages().isEmpty()) {
                        result.complete(r.message());
                        return;
                    }
                }
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "receive " + selector);
        t.setDaemon(true);
        t.start();
        return result;
    }

    /** Counters are not events anyone can listen to: look, with a bound. */
    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within 30 s: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static DestinationKey ownedBy(HazelcastInstance member, String prefix) {
        while (true) {
            DestinationKey queue = DestinationKey.queue(prefix + "-" + UUID.randomUUID());
            if (member.getPartitionService().getPartition(queue.encode()).getOwner()
                    .equals(member.getCluster().getLocalMember())) {
                return queue;
            }
        }
    }

    private HazelcastInstance ownerOf(String key) {
        var ownerUuid = cluster.member(0).getPartitionService().getPartition(key).getOwner().getUuid();
        return cluster.members().stream().filter(m -> m.getCluster().getLocalMember().getUuid().equals(ownerUuid))
                .findFirst().orElseThrow();
    }
}
