package io.hazeljms.store;

import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryUpdatedListener;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch claim that also acknowledges is replayed exactly on the backup: after the primary is killed, the
 * surviving replica holds the same pending, in-flight and acknowledged messages.
 */
class ClaimReplicationTest {

    private TestCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void batchClaimWithFoldedAcksSurvivesTheLossOfThePrimary() {
        cluster = TestCluster.start(2);
        DestinationKey queue = DestinationKey.queue("replicated-" + UUID.randomUUID());
        HazelcastInstance primary = ownerOf(queue.encode());
        HazelcastInstance survivor = cluster.members().stream().filter(m -> m != primary).findFirst().orElseThrow();
        Broker broker = new Broker(survivor, DestinationSettings.defaults());
        // a lease owner on no real member, so no departure handling releases its messages
        LeaseOwner owner = new LeaseOwner("elsewhere-" + UUID.randomUUID(), "conn", "session");
        for (String id : List.of("a", "b", "c", "d", "e")) {
            broker.messages().send(queue, BrokerTest.message(id, 4));
        }
        assertEquals(2, broker.messages().claim(Address.queue(queue), null, owner, 2, List.of()).messages().size());
        List<StoredMessage> next = broker.messages().claim(Address.queue(queue), null, owner, 2, List.of("a", "b")).messages();
        assertEquals(List.of("c", "d"), next.stream().map(StoredMessage::messageId).toList());

        cluster.terminate(primary);
        cluster.awaitSize(1);

        DestinationStats stats = broker.administration().stats(queue);
        assertEquals(2, stats.acknowledged(), "the folded acknowledgements reached the backup");
        assertEquals(2, stats.inFlight(), "the second batch is still leased");
        assertEquals(1, stats.pending());
        assertEquals("e", broker.messages().claim(Address.queue(queue), null, owner, 5, List.of()).message().messageId());
    }

    @Test
    void aConsumerWaitingBeforeThePrimaryDiedIsWokenByTheNextSend() throws Exception {
        cluster = TestCluster.start(2);
        DestinationKey queue = DestinationKey.queue("awaited-" + UUID.randomUUID());
        HazelcastInstance primary = ownerOf(queue.encode());
        HazelcastInstance survivor = cluster.members().stream().filter(m -> m != primary).findFirst().orElseThrow();
        Broker broker = new Broker(survivor, DestinationSettings.defaults());
        LeaseOwner owner = new LeaseOwner("elsewhere-" + UUID.randomUUID(), "conn", "session");
        broker.messages().send(queue, BrokerTest.message("a", 4));
        broker.messages().send(queue, BrokerTest.message("b", 4)); // announced, so no one is marked as waiting now
        broker.messages().claim(Address.queue(queue), null, owner, 2, List.of());
        // the claim a waiting consumer makes: it finds nothing and marks the queue awaited, on the backup too
        assertTrue(broker.messages().claim(Address.queue(queue), null, owner, 1, List.of(), true).messages().isEmpty());

        cluster.terminate(primary);
        cluster.awaitSize(1);

        CountDownLatch announced = new CountDownLatch(1);
        IMap<String, DestinationState> map = survivor.getMap(StoreConfig.DESTINATIONS_MAP);
        map.addEntryListener((EntryUpdatedListener<String, DestinationState>) e -> announced.countDown(), queue.encode(), false);
        broker.messages().send(queue, BrokerTest.message("c", 4));
        assertTrue(announced.await(30, TimeUnit.SECONDS), "the new primary announced the send to the waiter");
    }

    private HazelcastInstance ownerOf(String key) {
        var ownerUuid = cluster.member(0).getPartitionService().getPartition(key).getOwner().getUuid();
        return cluster.members().stream().filter(m -> m.getCluster().getLocalMember().getUuid().equals(ownerUuid))
                .findFirst().orElseThrow();
    }
}
