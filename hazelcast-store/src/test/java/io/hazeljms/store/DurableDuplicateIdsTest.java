package io.hazeljms.store;

import io.hazeljms.store.durable.Databases;
import io.hazeljms.store.durable.DurableStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Duplicate ids with the durable store: a dropped duplicate leaves no row (else a restart of the whole cluster would
 * bring it back), and after such a restart a destination knows again the ids of its last PERSISTENT sends, those
 * of messages consumed before it too, within its window; the database keeps no more than the window.
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
            assertEquals(0, broker.messages().send(queue, message("e", "y")).added(),
                    "c was consumed before the restart: y is remembered all the same");
            assertEquals(0, broker.messages().send(topic, message("t3", "t")).added(), "t is remembered by the topic");
            assertEquals(1, broker.messages().send(queue, message("f", "z")).added());
            List<String> ids = new ArrayList<>();
            for (StoredMessage m; (m = broker.messages().claim(queue, null, owner).message()) != null; ) {
                ids.add(m.messageId());
            }
            assertEquals(List.of("a", "f"), ids);
            broker.close();
        }
    }

    /**
     * A database of the previous schema (no send ids) is upgraded in place; the window applies to the ids kept:
     * the database holds the newest {@code duplicateIdCacheSize} of a queue, and after a restart those are refused
     * and an older one is stored again.
     */
    @Test
    void theDatabaseKeepsTheWindowOfIdsAndAnUpgradedDatabaseToo() throws Exception {
        DestinationKey queue = DestinationKey.queue("window");
        DestinationSettings eight = DestinationSettings.defaults().withDuplicateIdCacheSize(8);
        open().close();
        DataSource db = Databases.forUrl(Databases.embeddedUrl(dir, "store"));
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) { // as version 1 left it
            s.execute("DROP TABLE hjms_send_id");
            s.execute("UPDATE hjms_schema SET version = 1");
        }
        try (TestCluster cluster = TestCluster.start(1)) {
            DurableStore store = open();
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT MAX(version) FROM hjms_schema")) {
                rs.next();
                assertEquals(3, rs.getInt(1), "upgraded in place (to the current version)");
            }
            Broker broker = new Broker(cluster.member(0), eight, MemberOperations.jvmDefault(), store);
            LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c1", "s1");
            for (int i = 0; i < 20; i++) {
                assertEquals(1, broker.messages().send(queue, message("m" + i, "w" + i)).added());
                String id = broker.messages().claim(queue, null, owner).message().messageId();
                broker.messages().acknowledge(queue, List.of(id), owner);
            }
            store.flush();
            assertEquals(0, store.messageCount());
            assertEquals(8, store.sendIdCount(queue.encode()), "the window, no more");
            cluster.terminate(cluster.member(0));
            store.close();
        }
        try (TestCluster cluster = TestCluster.start(1)) {
            DurableStore store = open();
            Broker broker = new Broker(cluster.member(0), eight, MemberOperations.jvmDefault(), store);
            LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c2", "s1");
            assertEquals(0, broker.messages().send(queue, message("r19", "w19")).added(), "the newest id");
            assertEquals(0, broker.messages().send(queue, message("r12", "w12")).added(), "the oldest in the window");
            assertEquals(1, broker.messages().send(queue, message("r11", "w11")).added(), "beyond the window");
            assertEquals("r11", broker.messages().claim(queue, null, owner).message().messageId());
            assertNull(broker.messages().claim(queue, null, owner).message());
            broker.close();
        }
    }

    /**
     * A resend refused by a full queue leaves the row of the id the queue remembers from the consumed original, so
     * after a restart of the whole cluster it is still refused; the id of a refused send that was new is forgotten,
     * so that send is stored after the restart (it was never stored before).
     */
    @Test
    void aRefusedResendKeepsTheRememberedIdAndARefusedNewSendForgetsItsOwn() throws Exception {
        DestinationKey queue = DestinationKey.queue("full");
        DestinationSettings one = DestinationSettings.defaults().withMaxMessages(1);
        try (TestCluster cluster = TestCluster.start(1)) {
            DurableStore store = open();
            Broker broker = new Broker(cluster.member(0), one, MemberOperations.jvmDefault(), store);
            LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c1", "s1");
            assertEquals(1, broker.messages().send(queue, message("a", "x")).added());
            broker.messages().acknowledge(queue, List.of(broker.messages().claim(queue, null, owner).message()
                    .messageId()), owner);
            assertEquals(1, broker.messages().send(queue, message("b", "y")).added(), "the queue is full now");
            assertTrue(broker.messages().send(queue, message("a2", "x")).isRefused(), "x again: full, refused");
            assertTrue(broker.messages().send(queue, message("n", "new")).isRefused(), "a new id: refused");
            assertTrue(broker.messages().sendAsync(queue, List.of(message("a3", "x")), true).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS).isRefused(), "x again, asynchronously: refused");
            store.flush(); // the asynchronous refusal queued its deletes before it completed
            assertEquals(2, store.sendIdCount(queue.encode()), "x and y; the refused new id is forgotten");
            cluster.terminate(cluster.member(0));
            store.close();
        }
        try (TestCluster cluster = TestCluster.start(1)) {
            DurableStore store = open();
            Broker broker = new Broker(cluster.member(0), DestinationSettings.defaults(),
                    MemberOperations.jvmDefault(), store);
            LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c2", "s1");
            assertEquals("b", broker.messages().claim(queue, null, owner).message().messageId());
            broker.messages().acknowledge(queue, List.of("b"), owner);
            assertEquals(0, broker.messages().send(queue, message("a4", "x")).added(),
                    "a was stored and consumed before the restart: x is still known");
            assertEquals(1, broker.messages().send(queue, message("n2", "new")).added(),
                    "the refused send was never stored: its id is not known");
            assertEquals("n2", broker.messages().claim(queue, null, owner).message().messageId());
            broker.close();
        }
    }
}
