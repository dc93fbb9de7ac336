package io.hazeljms.store;

import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Duplicate detection with real members: a second send with the same duplicate id is accepted and not stored,
 * one beyond the window is stored again, and the remembered ids survive the loss of the queue's owner.
 */
class DuplicateDetectionTest {

    private TestCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static StoredMessage order(String duplicateId) {
        StoredMessage m = BrokerTest.message("ID:" + UUID.randomUUID(), 4);
        m.properties().put(StoredMessage.DUPLICATE_ID_PROPERTY, duplicateId);
        return m;
    }

    @Test
    void sameIdTwiceIsStoredOnceBeyondTheWindowAgainAndTheIdsSurviveTheOwnersLoss() {
        cluster = TestCluster.start(2);
        DestinationKey queue = DestinationKey.queue("dedup-" + UUID.randomUUID());
        HazelcastInstance owner = ownerOf(queue.encode());
        HazelcastInstance survivor = cluster.members().stream().filter(m -> m != owner).findFirst().orElseThrow();
        Broker broker = new Broker(survivor, DestinationSettings.defaults().withDuplicateIdCacheSize(3));
        Messages messages = broker.messages();

        assertEquals(1, messages.send(queue, order("o-1")).added());
        assertEquals(0, messages.send(queue, order("o-1")).added(), "a duplicate is accepted, not stored");
        assertEquals(1, messages.send(queue, List.of(order("o-2"), order("o-2"))).added(), "within one batch too");
        messages.send(queue, order("o-3"));
        messages.send(queue, order("o-4")); // a window of 3: o-1 is forgotten now
        assertEquals(1, messages.send(queue, order("o-1")).added(), "beyond the window it is stored again");

        cluster.terminate(owner);
        cluster.awaitSize(1);

        for (String id : List.of("o-3", "o-4", "o-1")) {
            assertEquals(0, messages.send(queue, order(id)).added(), "the new owner remembers " + id);
        }
        assertEquals(List.of("o-1", "o-2", "o-3", "o-4", "o-1"), drain(broker, queue));
    }

    private static List<String> drain(Broker broker, DestinationKey queue) {
        LeaseOwner consumer = new LeaseOwner("elsewhere-" + UUID.randomUUID(), "conn", "session");
        List<String> ids = new ArrayList<>();
        for (StoredMessage m : broker.messages().claim(Address.queue(queue), null, consumer, 100, List.of()).messages()) {
            ids.add(m.duplicateId());
        }
        return ids;
    }

    private HazelcastInstance ownerOf(String key) {
        var ownerUuid = cluster.member(0).getPartitionService().getPartition(key).getOwner().getUuid();
        return cluster.members().stream().filter(m -> m.getCluster().getLocalMember().getUuid().equals(ownerUuid))
                .findFirst().orElseThrow();
    }
}
