package io.hazeljms.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.spi.impl.operationparker.impl.OperationParkerImpl;
import io.hazeljms.store.hazelcastinternal.PartitionOperationsAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Receives on a queue without selector park on the partition that owns the queue and are handed the next
 * message by the operation that makes it deliverable (enqueue, release, a delayed message falling due), across
 * members, with cancellation, and across the loss of the primary. Member operations on purpose (AUTO), whatever
 * the JVM default.
 */
class ParkingClaimTest {

    private TestCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aReceiveParkedOnAnotherMemberIsHandedTheNextSend() throws Exception {
        cluster = TestCluster.start(2);
        DestinationKey queue = DestinationKey.queue("parked-" + UUID.randomUUID());
        HazelcastInstance owner = ownerOf(queue.encode());
        HazelcastInstance other = otherThan(owner);
        Broker consumerSide = new Broker(other, DestinationSettings.defaults(), MemberOperations.AUTO);
        Broker producerSide = new Broker(owner, DestinationSettings.defaults(), MemberOperations.AUTO);
        producerSide.messages().send(queue, BrokerTest.message("first", 4));
        assertEquals("first", receive(consumerSide, queue, lease(), 10_000, new AtomicBoolean()).get(30, TimeUnit.SECONDS));

        CompletableFuture<String> waiting = receive(consumerSide, queue, lease(), 60_000, new AtomicBoolean());
        awaitParked(owner, 1);
        producerSide.messages().send(queue, BrokerTest.message("second", 4));
        assertEquals("second", waiting.get(30, TimeUnit.SECONDS));
    }

    @Test
    void cancellingOneParkedReceiveEndsItAndLeavesTheOtherWaiting() throws Exception {
        DestinationKey queue = DestinationKey.queue("cancel-" + UUID.randomUUID());
        Broker broker = oneMemberWith(queue);
        AtomicBoolean firstCancelled = new AtomicBoolean();
        Messages.Watch firstWatch = broker.messages().watch(queue);
        CompletableFuture<String> first = receive(broker, firstWatch, lease(), 0, firstCancelled);
        CompletableFuture<String> second = receive(broker, queue, lease(), 0, new AtomicBoolean());
        awaitParked(cluster.member(0), 2);

        firstCancelled.set(true);
        firstWatch.wakeUp();
        assertEquals("(none)", first.get(30, TimeUnit.SECONDS), "the cancelled receive returns empty");

        broker.messages().send(queue, BrokerTest.message("m", 4));
        assertEquals("m", second.get(30, TimeUnit.SECONDS), "the other receive still waits and gets the message");
        DestinationStats stats = broker.administration().stats(queue);
        assertEquals(0, stats.pending());
        assertEquals(1, stats.inFlight());
    }

    @Test
    void aParkedReceiveTakesADelayedMessageWhenItFallsDue() throws Exception {
        DestinationKey queue = DestinationKey.queue("delayed-" + UUID.randomUUID());
        Broker broker = oneMemberWith(queue);
        CompletableFuture<String> waiting = receive(broker, queue, lease(), 60_000, new AtomicBoolean());
        awaitParked(cluster.member(0), 1);
        long due = System.currentTimeMillis() + 300;
        broker.messages().send(queue, BrokerTest.message("later", 4).deliveryTime(due));
        assertEquals("later", waiting.get(30, TimeUnit.SECONDS), "no further send is needed to deliver it");
        assertTrue(System.currentTimeMillis() >= due, "not delivered before its delivery time");
    }

    @Test
    void aReceiveParkedOnADeletedQueueGetsTheFirstMessageOfItsSuccessor() throws Exception {
        DestinationKey queue = DestinationKey.queue("recreated-" + UUID.randomUUID());
        Broker broker = oneMemberWith(queue);
        CompletableFuture<String> waiting = receive(broker, queue, lease(), 60_000, new AtomicBoolean());
        awaitParked(cluster.member(0), 1);
        broker.administration().deleteDestination(queue);
        broker.messages().send(queue, BrokerTest.message("anew", 4)); // creates the queue again: a new state
        assertEquals("anew", waiting.get(30, TimeUnit.SECONDS));
    }

    @Test
    void aReleasedMessageWakesAParkedReceive() throws Exception {
        cluster = TestCluster.start(1);
        DestinationKey queue = DestinationKey.queue("released-" + UUID.randomUUID());
        Broker broker = new Broker(cluster.member(0), DestinationSettings.defaults(), MemberOperations.AUTO);
        LeaseOwner first = lease();
        broker.messages().send(queue, BrokerTest.message("a", 4));
        assertEquals("a", broker.messages().claim(queue, null, first).message().messageId());
        CompletableFuture<String> waiting = receive(broker, queue, lease(), 60_000, new AtomicBoolean());
        awaitParked(cluster.member(0), 1);
        broker.messages().release(queue, List.of("a"), first, false);
        assertEquals("a", waiting.get(30, TimeUnit.SECONDS));
    }

    @Test
    void aParkedReceiveOutlivesThePrimaryAndSendsReachedTheBackup() throws Exception {
        cluster = TestCluster.start(2);
        DestinationKey queue = DestinationKey.queue("failover-" + UUID.randomUUID());
        HazelcastInstance primary = ownerOf(queue.encode());
        HazelcastInstance survivor = otherThan(primary);
        Broker broker = new Broker(survivor, DestinationSettings.defaults(), MemberOperations.AUTO);
        for (String id : List.of("a", "b", "c")) {
            broker.messages().send(queue, BrokerTest.message(id, 4)); // the first creates the queue, the others take the fast path
        }
        LeaseOwner owner = new LeaseOwner("elsewhere-" + UUID.randomUUID(), "conn", "session");
        assertEquals(3, broker.messages().claim(Address.queue(queue), null, owner, 3, List.of()).messages().size());
        CompletableFuture<String> waiting = receive(broker, queue, owner, 120_000, new AtomicBoolean());
        awaitParked(primary, 1);

        cluster.terminate(primary);
        cluster.awaitSize(1);
        assertEquals(3, broker.administration().stats(queue).inFlight(), "the backup holds the sends and the claim");

        broker.messages().send(queue, BrokerTest.message("d", 4));
        assertEquals("d", waiting.get(60, TimeUnit.SECONDS), "the receive moved to the new primary");
    }

    @Test
    void acknowledgementsCarriedByAParkedClaimReachTheBackupEvenWhenTheWaitExpires() throws Exception {
        cluster = TestCluster.start(2);
        DestinationKey queue = DestinationKey.queue("acked-" + UUID.randomUUID());
        HazelcastInstance primary = ownerOf(queue.encode());
        HazelcastInstance survivor = otherThan(primary);
        Broker broker = new Broker(survivor, DestinationSettings.defaults(), MemberOperations.AUTO);
        LeaseOwner owner = new LeaseOwner("elsewhere-" + UUID.randomUUID(), "conn", "session");
        broker.messages().send(queue, BrokerTest.message("a", 4));
        assertEquals("a", broker.messages().claim(Address.queue(queue), null, owner, 1, List.of()).message().messageId());
        try (Messages.Watch watch = broker.messages().watch(queue)) {
            // the queue is empty: this receive parks with its acknowledgement, then its wait expires
            assertTrue(broker.messages().receive(watch, null, owner, 200, () -> false, 1, List.of("a")).isEmpty());
        }
        assertEquals(0, broker.administration().stats(queue).inFlight(), "acknowledged on the primary");

        cluster.terminate(primary);
        cluster.awaitSize(1);
        DestinationStats stats = broker.administration().stats(queue);
        assertEquals(0, stats.inFlight(), "the backup learnt the acknowledgement");
        assertEquals(1, stats.acknowledged());
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** A one-member cluster with {@code queue} created on it, and a broker on that member. */
    private Broker oneMemberWith(DestinationKey queue) {
        cluster = TestCluster.start(1);
        Broker broker = new Broker(cluster.member(0), DestinationSettings.defaults(), MemberOperations.AUTO);
        broker.administration().createDestination(queue, DestinationSettings.defaults());
        return broker;
    }

    private static LeaseOwner lease() {
        return new LeaseOwner("elsewhere-" + UUID.randomUUID(), "conn", "session-" + UUID.randomUUID());
    }

    /** A receive on its own thread; completes with the message id, or "(none)". */
    private static CompletableFuture<String> receive(Broker broker, DestinationKey queue, LeaseOwner owner, long timeout,
                                                     AtomicBoolean cancelled) {
        return receive(broker, broker.messages().watch(queue), owner, timeout, cancelled);
    }

    private static CompletableFuture<String> receive(Broker broker, Messages.Watch watch, LeaseOwner owner,
                                                     long timeout, AtomicBoolean cancelled) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (watch) {
                StoredMessage m = broker.messages().receive(watch, null, owner, timeout, cancelled::get);
                result.complete(m == null ? "(none)" : m.messageId());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "parked-receive");
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

    private HazelcastInstance otherThan(HazelcastInstance member) {
        return cluster.members().stream().filter(m -> m != member).findFirst().orElseThrow();
    }
}
