package io.hazeljms.store;

import io.hazeljms.store.durable.Databases;
import io.hazeljms.store.durable.DurableStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Duplicate ids with the durable store: a dropped duplicate leaves no row (else a restart of the whole cluster would
 * bring it back), and after such a restart the ids of the messages still stored are known again; the ids of
 * messages consumed before it are not (the documented limit).
 */
class DurableDuplicateIdsTest {

    @TempDir
    Path dir;

    private DurableStore open() {
        return DurableStore.open(Databases.forUrl(Databases.embeddedUrl(dir, "store")), "test", "test");
    }

    private static StoredMessage message(String id, String duplicateId) {
        StoredMessage m = new StoredMessage(id, null).persistent(true).timestamp(System.currentTimeMillis())
                .bodyType(StoredMessage.BODY_TEXT).body(id.getBytes());
        m.properties().put(StoredMessage.DUPLICATE_ID_PROPERTY, duplicateId);
        return m;
    }

    @Test
    void droppedDuplicatesLeaveNoRowAndStoredIdsAreKnownAfterARestart() {
        DestinationKey queue = DestinationKey.queue("orders");
        DestinationKey topic = DestinationKey.topic("prices");
        try (TestCluster cluster = TestCluster.start(1)) {
            DurableStore store = open();
            Broker broker = new Broker(cluster.member(0), DestinationSettings.defaults(), MemberOperations.jvmDefault(),
                    store);
            LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c1", "s1");
            broker.subscriptions().subscribe(topic, "c1:durable", new SubscriptionSpec(true, false, null, false),
                    "consumer-1", owner);
            assertEquals(1, broker.messages().send(queue, message("a", "x")).added());
            assertEquals(0, broker.messages().send(queue, message("b", "x")).added());
            assertEquals(1, broker.messages().send(queue, message("c", "y")).added());
            assertEquals("a", broker.messages().claim(queue, null, owner).message().messageId());
            assertEquals("c", broker.messages().claim(queue, null, owner).message().messageId());
            broker.messages().acknowledge(queue, List.of("c"), owner);
            broker.messages().release(queue, List.of("a"), owner, false);
            assertEquals(1, broker.messages().send(topic, message("t1", "t")).added());
            assertEquals(0, broker.messages().send(topic, message("t2", "t")).added());
            store.flush();
            assertEquals(2, store.messageCount(), "rows of a and t1 only");
            cluster.terminate(cluster.member(0));
            store.close();
        }
        try (TestCluster cluster = TestCluster.start(1)) {
            DurableStore store = open();
            Broker broker = new Broker(cluster.member(0), DestinationSettings.defaults(), MemberOperations.jvmDefault(),
                    store);
            LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c2", "s1");
            assertEquals(0, broker.messages().send(queue, message("d", "x")).added(), "a is stored: x is known");
            assertEquals(1, broker.messages().send(queue, message("e", "y")).added(),
                    "c was consumed before the restart: y is forgotten");
            List<String> ids = new ArrayList<>();
            for (StoredMessage m; (m = broker.messages().claim(queue, null, owner).message()) != null; ) {
                ids.add(m.messageId());
            }
            assertEquals(List.of("a", "e"), ids);
            broker.close();
        }
    }
}
