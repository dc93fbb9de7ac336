package io.hazeljms.store;

import io.hazeljms.store.durable.Databases;
import io.hazeljms.store.durable.DurableStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The durable store on the embedded database: a whole cluster stops, a new one starts on the same database and
 * finds what was acknowledged and not consumed — PERSISTENT only, in order, flagged after a crash.
 */
class DurableRecoveryTest {

    @TempDir
    Path dir;

    private DurableStore open() {
        return DurableStore.open(Databases.forUrl(Databases.embeddedUrl(dir, "store")), "test", "test");
    }

    private static StoredMessage message(String id, boolean persistent, int priority) {
        return new StoredMessage(id, null).persistent(persistent).priority(priority).timestamp(System.currentTimeMillis())
                .bodyType(StoredMessage.BODY_TEXT).body(id.getBytes());
    }

    @Test
    void aCrashedClusterComesBackWithWhatWasNotConsumedFlagged() throws Exception {
        DestinationKey queue = DestinationKey.queue("orders");
        DestinationKey topic = DestinationKey.topic("prices");
        List<String> expected = new ArrayList<>();
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = new Broker(cluster.member(0), DestinationSettings.defaults(), MemberOperations.jvmDefault(),
                    open());
            LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c1", "s1");
            broker.subscriptions().subscribe(topic, "c1:durable", new SubscriptionSpec(true, false, null, false),
                    "consumer-1", owner);
            broker.subscriptions().detach(topic, "c1:durable", "consumer-1");
            for (int i = 0; i < 50; i++) {
                broker.messages().send(queue, message("p-" + i, true, i % 2 == 0 ? 4 : 7));
                broker.messages().send(queue, message("np-" + i, false, 4));
            }
            broker.messages().send(topic, message("t-1", true, 4));
            broker.messages().send(topic, message("t-2", false, 4));
            // consume and acknowledge the first ten deliveries: the high-priority ones go first
            List<String> acked = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                StoredMessage m = broker.messages().claim(queue, null, owner).message();
                acked.add(m.messageId());
            }
            broker.messages().acknowledge(queue, acked, owner);
            // one more claimed and never acknowledged: in flight when everything stops
            StoredMessage inFlight = broker.messages().claim(queue, null, owner).message();
            assertNotNull(inFlight);
            for (int i = 0; i < 50; i++) {
                String id = "p-" + i;
                if (!acked.contains(id)) {
                    expected.add(id);
                }
            }
            broker.durability().store().flush();
            cluster.terminate(cluster.member(0)); // no close(): the node never says it stopped
            broker.durability().store().close(); // its file is the next cluster's; the test deletes it at the end
        }
        try (TestCluster cluster = TestCluster.start(1)) {
            DurableStore store = open();
            Broker broker = new Broker(cluster.member(0), DestinationSettings.defaults(), MemberOperations.jvmDefault(),
                    store);
            LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c2", "s1");
            Set<String> seen = new HashSet<>();
            List<String> order = new ArrayList<>();
            for (StoredMessage m; (m = broker.messages().claim(queue, null, owner).message()) != null; ) {
                assertTrue(m.persistent(), m.messageId());
                assertTrue(m.deliveryCount() >= 2, "flagged after a crash: " + m);
                assertTrue(seen.add(m.messageId()), "twice: " + m.messageId());
                order.add(m.messageId());
                broker.messages().acknowledge(queue, List.of(m.messageId()), owner);
            }
            assertEquals(new HashSet<>(expected), seen);
            // priority 7 first, then 4, each in send order
            List<String> sorted = new ArrayList<>(expected);
            sorted.sort((a, b) -> {
                int ia = Integer.parseInt(a.substring(2)), ib = Integer.parseInt(b.substring(2));
                int pa = ia % 2 == 0 ? 4 : 7, pb = ib % 2 == 0 ? 4 : 7;
                return pa != pb ? pb - pa : ia - ib;
            });
            assertEquals(sorted, order);
            broker.subscriptions().subscribe(topic, "c1:durable", new SubscriptionSpec(true, false, null, false),
                    "consumer-2", owner);
            Address sub = Address.subscription(topic, "c1:durable");
            StoredMessage t = broker.messages().claim(sub, null, owner).message();
            assertNotNull(t, "the durable subscription kept its PERSISTENT message");
            assertEquals("t-1", t.messageId());
            broker.messages().acknowledge(sub, List.of("t-1"), owner);
            assertNull(broker.messages().claim(sub, null, owner).message(), "NON_PERSISTENT messages are not kept");
            broker.close();
        }
        // a clean stop, and every acknowledgement written: nothing is left
        try (TestCluster cluster = TestCluster.start(1)) {
            DurableStore store = open();
            Broker broker = new Broker(cluster.member(0), DestinationSettings.defaults(), MemberOperations.jvmDefault(),
                    store);
            assertEquals(0, store.messageCount());
            assertNull(broker.messages().claim(queue, null, new LeaseOwner(broker.nodeId(), "c3", "s")).message());
            assertFalse(broker.administration().exists(DestinationKey.queue("nothing")));
            broker.close();
        }
    }

    @Test
    void aCleanStopKeepsDeliveryCountsAndFlagsNothingElse() {
        DestinationKey queue = DestinationKey.queue("retries");
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = new Broker(cluster.member(0), DestinationSettings.defaults(), MemberOperations.jvmDefault(),
                    open());
            LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c1", "s1");
            broker.messages().send(queue, List.of(message("rolled-back", true, 4), message("fresh", true, 4)));
            for (int i = 0; i < 2; i++) { // delivered and rolled back twice
                StoredMessage m = broker.messages().claim(queue, null, owner).message();
                assertEquals("rolled-back", m.messageId());
                broker.messages().release(queue, List.of(m.messageId()), owner, true);
            }
            broker.close();
            cluster.terminate(cluster.member(0));
        }
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = new Broker(cluster.member(0), DestinationSettings.defaults(), MemberOperations.jvmDefault(),
                    open());
            LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c2", "s1");
            StoredMessage first = broker.messages().claim(queue, null, owner).message();
            StoredMessage second = broker.messages().claim(queue, null, owner).message();
            assertEquals("rolled-back", first.messageId());
            assertEquals(3, first.deliveryCount(), "its third delivery, as before the stop");
            assertEquals("fresh", second.messageId());
            assertEquals(1, second.deliveryCount(), "a clean stop flags nothing that was not delivered");
            broker.close();
        }
    }
}
