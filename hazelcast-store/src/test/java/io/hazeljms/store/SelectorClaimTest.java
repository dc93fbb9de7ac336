package io.hazeljms.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.spi.impl.operationparker.impl.OperationParkerImpl;
import io.hazeljms.store.hazelcastinternal.PartitionOperationsAccess;
import io.hazeljms.store.selector.Selector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Consumers with selectors: a send wakes the parked claim whose selector matches it, whatever the others wait for
 * (each selector parks on a wait key of its own), and a claim that skipped messages its selector rejected still
 * sees a matching message that lands before where it stopped: released back, or sent with a higher priority.
 */
class SelectorClaimTest {

    private TestCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * Twelve claims with disjoint selectors park (from the other member, for two minutes, so only a wake can end
     * them in time); one send per shard, in an order unlike the order they parked in, reaches exactly its claim.
     */
    @Test
    void aSendWakesTheParkedClaimWhoseSelectorMatchesIt() throws Exception {
        cluster = TestCluster.start(2);
        DestinationKey queue = DestinationKey.queue("shards-" + UUID.randomUUID());
        HazelcastInstance owner = ownerOf(queue.encode());
        HazelcastInstance other = cluster.members().stream().filter(m -> m != owner).findFirst().orElseThrow();
        Broker producer = new Broker(owner, DestinationSettings.defaults(), MemberOperations.AUTO);
        producer.administration().createDestination(queue, DestinationSettings.defaults());
        List<CompletableFuture<ClaimResult>> claims = new ArrayList<>();
        for (int shard = 0; shard < 12; shard++) {
            claims.add(PartitionOperationsAccess.claimParkedLong(other, queue.encode(), "shard = " + shard, lease()));
        }
        awaitParked(owner, 12);
        int[] order = {7, 0, 11, 3, 5, 1, 10, 2, 9, 4, 8, 6};
        for (int i = 0; i < order.length; i++) {
            int shard = order[i];
            producer.messages().send(queue, shard("m" + shard, shard, 4));
            assertEquals("m" + shard, claims.get(shard).get(30, TimeUnit.SECONDS).message().messageId());
            for (int later = i + 1; later < order.length; later++) {
                int shardLater = order[later];
                CompletableFuture<ClaimResult> waiting = claims.get(shardLater);
                assertFalse(waiting.isDone(), () -> "shard " + shardLater + " ended before its message: "
                        + waiting.handle((r, e) -> e != null ? e.toString() : r.messages().toString()).join());
            }
        }
        assertEquals(0, producer.administration().stats(queue).pending());
    }

    /**
     * A consumer with a selector that closes ends its parked claim (which waits on its selector's key, not the
     * queue's); the claims of other selectors wake with it, answer empty, and park again when asked again.
     */
    @Test
    void cancellingAParkedSelectorClaimEndsItAndTheOtherSelectorAsksAgain() throws Exception {
        cluster = TestCluster.start(1);
        HazelcastInstance member = cluster.member(0);
        DestinationKey queue = DestinationKey.queue("cancel-shards-" + UUID.randomUUID());
        Broker broker = new Broker(member, DestinationSettings.defaults(), MemberOperations.AUTO);
        broker.administration().createDestination(queue, DestinationSettings.defaults());
        String closing = UUID.randomUUID().toString();
        CompletableFuture<ClaimResult> first = PartitionOperationsAccess.claimParkedLong(member, queue.encode(),
                "shard = 1", lease(), closing);
        CompletableFuture<ClaimResult> second = PartitionOperationsAccess.claimParkedLong(member, queue.encode(),
                "shard = 2", lease());
        awaitParked(member, 2);

        PartitionOperationsAccess.cancelWait(member, queue.encode(), closing);
        assertEquals(List.of(), first.get(30, TimeUnit.SECONDS).messages(), "the cancelled claim ends empty");
        // the other claim woke too (a cancellation wakes every parked claim) and answered empty: it asks again
        assertEquals(List.of(), second.get(30, TimeUnit.SECONDS).messages());
        CompletableFuture<ClaimResult> again = PartitionOperationsAccess.claimParkedLong(member, queue.encode(),
                "shard = 2", lease());
        awaitParked(member, 1);
        broker.messages().send(queue, shard("two", 2, 4));
        assertEquals("two", again.get(30, TimeUnit.SECONDS).message().messageId());
    }

    /**
     * A selector's claim passes over messages it rejects and later starts after them; a matching message that
     * comes back before that point (released by its holder) or is sent ahead of it (a higher priority) is still
     * found, by a claim that waits (woken by the release or send) and by one that asks.
     */
    @ParameterizedTest
    @EnumSource(value = MemberOperations.class, names = {"AUTO", "OFF"})
    void aMatchingMessageBackBeforeWhereTheScanStoppedIsSeen(MemberOperations path) throws Exception {
        cluster = TestCluster.start(1);
        Broker broker = new Broker(cluster.member(0), DestinationSettings.defaults(), path);
        DestinationKey queue = DestinationKey.queue("rescan-" + UUID.randomUUID());
        String two = "shard = 2";
        broker.messages().send(queue, shard("a", 2, 4));
        for (int i = 0; i < 5; i++) {
            broker.messages().send(queue, shard("other" + i, 1, 4));
        }
        LeaseOwner holder = lease();
        assertEquals("a", broker.messages().claim(queue, null, holder).message().messageId());
        LeaseOwner consumer = lease();
        // the selector's claim rejects every pending message: its next claims start after them
        assertNull(broker.messages().claim(queue, two, consumer).message());
        assertNull(broker.messages().claim(queue, two, consumer).message());

        // released while the selector's receive waits: woken, it finds "a" before where it had stopped
        CompletableFuture<String> waiting = receive(broker, queue, two, consumer);
        broker.messages().release(queue, List.of("a"), holder, true);
        assertEquals("a", waiting.get(30, TimeUnit.SECONDS));
        assertNull(broker.messages().claim(queue, two, consumer).message(), "only the other shard's are pending");

        broker.messages().send(queue, shard("urgent", 2, 9)); // ahead of every pending message
        assertEquals("urgent", broker.messages().claim(queue, two, consumer).message().messageId());

        broker.messages().release(queue, List.of("a", "urgent"), consumer, true);
        assertEquals("urgent", broker.messages().claim(queue, two, lease()).message().messageId());
        assertEquals("a", broker.messages().claim(queue, two, lease()).message().messageId());
        assertEquals(5, broker.administration().stats(queue).pending(), "the other shard's messages wait");
    }

    /**
     * The scan positions are a cache of the state: a selector that skipped the other shards' messages still moves
     * an expired one it meets (expiring messages are never skipped), and forgets its position when the settings
     * change what is dead.
     */
    @Test
    void aSelectorsScanStillMovesWhatExpiresAndSeesWhatSettingsMakeDead() throws Exception {
        DestinationState state = new DestinationState("queue:scan", DestinationSettings.defaults()
                .withMaxDeliveryAttempts(5));
        Selector two = Selector.parse("shard = 2");
        state.enqueue(shard("kept", 1, 4));
        state.enqueue(shard("expiring", 1, 4).expiration(2_000));
        StoredMessage redelivered = shard("redelivered", 1, 4);
        redelivered.deliveryCount(3);
        state.enqueue(redelivered);
        assertEquals(List.of(), state.decideClaim(two, 1_000, 1).claimed);
        assertEquals(List.of(), state.decideClaim(two, 1_000, 1).expired, "nothing expired yet");

        assertEquals(List.of("expiring"), state.decideClaim(two, 3_000, 1).expired,
                "a selector's claim still meets the expiring message it rejected before");
        state.replaceSettings(state.settings().withMaxDeliveryAttempts(3));
        assertEquals(List.of("redelivered"), state.decideClaim(two, 3_000, 1).dead,
                "out of attempts under the new settings: found by a selector that had skipped it");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static StoredMessage shard(String id, int shard, int priority) {
        StoredMessage m = BrokerTest.message(id, priority);
        m.properties().put("shard", shard);
        return m;
    }

    private static LeaseOwner lease() {
        return new LeaseOwner("elsewhere-" + UUID.randomUUID(), "conn", "session-" + UUID.randomUUID());
    }

    /** A receive with a selector on its own thread; completes with the message id, or "(none)". */
    private static CompletableFuture<String> receive(Broker broker, DestinationKey queue, String selector,
                                                     LeaseOwner owner) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (Messages.Watch watch = broker.messages().watch(queue)) {
                StoredMessage m = broker.messages().receive(watch, selector, owner, 60_000, () -> false);
                result.complete(m == null ? "(none)" : m.messageId());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "selector-receive");
        t.setDaemon(true);
        t.start();
        return result;
    }

    /** Parked operations are not events anyone can listen to: look, with a bound. */
    private static void awaitParked(HazelcastInstance member, int count) {
        OperationParkerImpl parker = PartitionOperationsAccess.parker(member);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (parker.getTotalValidWaitingOperationCount() < count) {
            if (System.nanoTime() > deadline) {
                fail("no " + count + " parked claim(s) on " + member.getName());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private HazelcastInstance ownerOf(String key) {
        var ownerUuid = cluster.member(0).getPartitionService().getPartition(key).getOwner().getUuid();
        return cluster.members().stream().filter(m -> m.getCluster().getLocalMember().getUuid().equals(ownerUuid))
                .findFirst().orElseThrow();
    }
}
