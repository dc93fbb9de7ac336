package io.hazeljms.store;

import io.hazeljms.store.durable.Databases;
import io.hazeljms.store.durable.DurableStore;
import io.hazeljms.store.durable.DurableStoreException;
import io.hazeljms.store.durable.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The durable store on a real PostgreSQL server (one per class, a database of its own per test, so that one test's
 * rows and crashed-node marks never reach another's recovery): a whole cluster stops, a new one starts on the same
 * database and finds what it must; the database goes away and comes back under a running broker; concurrent
 * senders share commits and lose nothing.
 */
class PostgresDurableStoreTest {

    private static PostgresServer pg;
    private static final AtomicInteger databases = new AtomicInteger();
    /** Set between {@link #crashPostgres} and {@link #restartPostgres}: a test that fails meanwhile leaves it down. */
    private static boolean down;

    @BeforeAll
    static void startPostgres() {
        pg = PostgresServer.start();
    }

    /** The server back up for the next test, even when this one failed while it was down. */
    @AfterEach
    void restartIfDown() {
        if (down) {
            restartPostgres();
        }
    }

    @AfterAll
    static void stopPostgres() {
        if (pg != null) {
            pg.close();
        }
    }

    // --- the scenario of DurableRecoveryTest --------------------------------------------------------------------

    @Test
    void aCrashedClusterComesBackWithWhatWasNotConsumedFlagged() {
        String url = newDatabase();
        DestinationKey queue = DestinationKey.queue("pg-orders-" + UUID.randomUUID());
        DestinationKey topic = DestinationKey.topic("pg-prices-" + UUID.randomUUID());
        List<String> expected = new ArrayList<>();
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = broker(cluster, url);
            LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c1", "s1");
            broker.subscriptions().subscribe(topic, "c1:durable", durable(null), "consumer-1", owner);
            broker.subscriptions().detach(topic, "c1:durable", "consumer-1");
            for (int i = 0; i < 30; i++) {
                broker.messages().send(queue, message("p-" + i, true).priority(i % 2 == 0 ? 4 : 7));
                broker.messages().send(queue, message("np-" + i, false));
            }
            broker.messages().send(topic, message("t-1", true));
            broker.messages().send(topic, message("t-2", false));
            List<String> acked = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                acked.add(claimId(broker, queue, owner));
            }
            broker.messages().acknowledge(queue, acked, owner);
            assertNotNull(broker.messages().claim(queue, null, owner).message(), "one in flight at the crash");
            for (int i = 0; i < 30; i++) {
                if (!acked.contains("p-" + i)) {
                    expected.add("p-" + i);
                }
            }
            broker.durability().store().flush();
            cluster.terminate(cluster.member(0)); // no close(): the node never says it stopped
            broker.durability().store().close();
        }
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = broker(cluster, url);
            try {
                LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c2", "s1");
                List<String> order = new ArrayList<>();
                for (StoredMessage m; (m = broker.messages().claim(queue, null, owner).message()) != null; ) {
                    assertTrue(m.persistent(), m.messageId());
                    assertTrue(m.deliveryCount() >= 2, "flagged after a crash: " + m);
                    order.add(m.messageId());
                    broker.messages().acknowledge(queue, List.of(m.messageId()), owner);
                }
                List<String> byPriority = new ArrayList<>(expected);
                byPriority.sort((a, b) -> {
                    int ia = Integer.parseInt(a.substring(2));
                    int ib = Integer.parseInt(b.substring(2));
                    int pa = ia % 2 == 0 ? 4 : 7;
                    int pb = ib % 2 == 0 ? 4 : 7;
                    return pa != pb ? pb - pa : ia - ib;
                });
                assertEquals(byPriority, order, "every unacknowledged PERSISTENT message, once, priority 7 first");
                broker.subscriptions().subscribe(topic, "c1:durable", durable(null), "consumer-2", owner);
                Address sub = Address.subscription(topic, "c1:durable");
                assertEquals(List.of("t-1"), drain(broker, sub, owner), "the durable subscription's PERSISTENT one");
            } finally {
                broker.close();
            }
        }
        // a clean stop after every acknowledgement: nothing is left, and nothing is flagged any more
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = broker(cluster, url);
            try {
                assertEquals(0, broker.durability().store().messageCount());
                assertNull(broker.messages().claim(queue, null, new LeaseOwner(broker.nodeId(), "c3", "s")).message());
            } finally {
                broker.close();
            }
        }
    }

    // --- durable subscriptions with a selector ------------------------------------------------------------------

    @Test
    void durableSubscriptionsWithASelectorKeepOnlyTheirMatchingPersistentMessages() throws Exception {
        String url = newDatabase();
        DestinationKey topic = DestinationKey.topic("pg-colors-" + UUID.randomUUID());
        SubscriptionSpec redOnly = durable("color = 'red'");
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = broker(cluster, url);
            try {
                LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c1", "s1");
                broker.subscriptions().subscribe(topic, "c1:red", redOnly, "consumer-red", owner);
                broker.subscriptions().detach(topic, "c1:red", "consumer-red");
                broker.subscriptions().subscribe(topic, "c1:all", durable(null), "consumer-all", owner);
                broker.subscriptions().detach(topic, "c1:all", "consumer-all");
                broker.messages().send(topic, colored("red-p", "red", true));
                broker.messages().send(topic, colored("blue-p", "blue", true));
                broker.messages().send(topic, colored("red-np", "red", false));
                broker.messages().send(topic, colored("blue-np", "blue", false));
                broker.durability().store().flush();
            } finally {
                broker.close();
            }
        }
        assertEquals(Map.of("c1:all", 2L, "c1:red", 1L), rowsBySubscription(url),
                "one row per PERSISTENT message and durable subscription it matched");
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = broker(cluster, url);
            try {
                LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c2", "s1");
                // the selector came back with the subscription: a blue message sent now does not reach it
                broker.messages().send(topic, colored("blue-after", "blue", true));
                broker.messages().send(topic, colored("red-after", "red", true));
                assertEquals(SubscribeOutcome.JOINED,
                        broker.subscriptions().subscribe(topic, "c1:red", redOnly, "consumer-red-2", owner),
                        "the restored subscription, with its selector, not a new one");
                assertEquals(List.of("red-p", "red-after"), drain(broker, Address.subscription(topic, "c1:red"), owner));
                broker.subscriptions().subscribe(topic, "c1:all", durable(null), "consumer-all-2", owner);
                assertEquals(List.of("red-p", "blue-p", "blue-after", "red-after"),
                        drain(broker, Address.subscription(topic, "c1:all"), owner));
            } finally {
                broker.close();
            }
        }
        assertEquals(Map.of(), rowsBySubscription(url), "every acknowledged row deleted");
    }

    // --- transactions -------------------------------------------------------------------------------------------

    /** Send ids on PostgreSQL: kept to the window (8 of 20) and refused again after a restart, older ones not. */
    @Test
    void sendIdsAreKeptToTheWindowAndKnownAfterARestart() {
        String url = newDatabase();
        DestinationKey queue = DestinationKey.queue("pg-ids-" + UUID.randomUUID());
        DestinationSettings eight = DestinationSettings.defaults().withDuplicateIdCacheSize(8);
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = broker(cluster, url, eight);
            try {
                LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c1", "s1");
                for (int i = 0; i < 20; i++) {
                    assertEquals(1, broker.messages().send(queue, withDuplicateId("m" + i, "w" + i)).added());
                    broker.messages().acknowledge(queue, List.of(claimId(broker, queue, owner)), owner);
                }
                broker.durability().store().flush();
                assertEquals(8, broker.durability().store().sendIdCount(queue.encode()));
            } finally {
                broker.close();
            }
        }
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = broker(cluster, url, eight);
            try {
                assertEquals(0, broker.messages().send(queue, withDuplicateId("r19", "w19")).added());
                assertEquals(0, broker.messages().send(queue, withDuplicateId("r12", "w12")).added());
                assertEquals(1, broker.messages().send(queue, withDuplicateId("r11", "w11")).added());
            } finally {
                broker.close();
            }
        }
    }

    /**
     * The store's identity on PostgreSQL: concurrent first openers agree on one (its ON CONFLICT insert), a broker on
     * another database is refused in a cluster on this one, and a version-2 database gets an identity when upgraded.
     */
    @Test
    void oneIdentityPerDatabaseAndABrokerOnAnotherIsRefused() throws Exception {
        String url = newDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        Set<String> identities = new HashSet<>();
        try {
            List<Future<DurableStore>> opening = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                opening.add(pool.submit(() -> DurableStore.open(Databases.forUrl(url), Databases.describe(url), "t")));
            }
            for (Future<DurableStore> f : opening) {
                try (DurableStore store = f.get(60, TimeUnit.SECONDS)) {
                    identities.add(store.identity());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, identities.size(), identities.toString());
        String other = newDatabase() + "&password=hunter2"; // trust authentication ignores it; messages must not
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = broker(cluster, url);
            DurableStoreMismatchException refused = assertThrows(DurableStoreMismatchException.class,
                    () -> broker(cluster, other));
            assertTrue(refused.getMessage().contains(Databases.describe(other))
                    && refused.getMessage().contains(identities.iterator().next()), refused.getMessage());
            assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
            broker.close();
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP TABLE hjms_store_identity");
            s.execute("UPDATE hjms_schema SET version = 2");
        }
        String upgraded;
        try (DurableStore store = DurableStore.open(Databases.forUrl(url), Databases.describe(url), "t")) {
            upgraded = store.identity();
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(version) FROM hjms_schema")) {
            rs.next();
            assertEquals(3, rs.getInt(1));
        }
        try (DurableStore store = DurableStore.open(Databases.forUrl(url), Databases.describe(url), "t")) {
            assertEquals(upgraded, store.identity(), "written once at the upgrade");
        }
    }

    private static StoredMessage withDuplicateId(String id, String duplicateId) {
        StoredMessage m = message(id, true);
        m.properties().put(StoredMessage.DUPLICATE_ID_PROPERTY, duplicateId);
        return m;
    }

    @Test
    void aTransactionOverTwoQueuesIsDurableWhole() {
        String url = newDatabase();
        DestinationKey in = DestinationKey.queue("pg-tx-in-" + UUID.randomUUID());
        DestinationKey out = DestinationKey.queue("pg-tx-out-" + UUID.randomUUID());
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = broker(cluster, url);
            try {
                LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c1", "s1");
                broker.messages().send(in, message("in-1", true));
                broker.messages().send(in, message("in-2", true));
                assertEquals("in-1", claimId(broker, in, owner));
                broker.transactions().commit(
                        List.of(message("out-1", true).destination(out.encode()),
                                message("out-np", false).destination(out.encode()),
                                message("in-3", true).destination(in.encode())),
                        List.of(new CommitRecord.Acknowledgement(Address.queue(in), List.of("in-1"), owner)));
                broker.durability().store().flush();
            } finally {
                broker.close();
            }
        }
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = broker(cluster, url);
            try {
                LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c2", "s1");
                assertEquals(List.of("in-2", "in-3"), drain(broker, Address.queue(in), owner),
                        "the received message gone, the sent one there");
                assertEquals(List.of("out-1"), drain(broker, Address.queue(out), owner), "PERSISTENT sends only");
            } finally {
                broker.close();
            }
        }
    }

    @Test
    void preparedBranchesSurviveAStopAndEndOnlyByCommitOrRollback() {
        String url = newDatabase();
        DestinationKey in = DestinationKey.queue("pg-xa-in-" + UUID.randomUUID());
        DestinationKey out = DestinationKey.queue("pg-xa-out-" + UUID.randomUUID());
        String toCommit = "xid-commit-" + UUID.randomUUID();
        String toRollBack = "xid-rollback-" + UUID.randomUUID();
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = broker(cluster, url);
            try {
                LeaseOwner session = new LeaseOwner(broker.nodeId(), "c1", "s1");
                for (String id : List.of("in-1", "in-2", "in-3")) {
                    broker.messages().send(in, message(id, true));
                }
                prepare(broker, toCommit, in, "in-1", session, message("out-commit", true).destination(out.encode()));
                prepare(broker, toRollBack, in, "in-2", session,
                        message("out-rollback", true).destination(out.encode()));
                assertEquals(Set.of(toCommit, toRollBack), broker.transactions().preparedXids());
            } finally {
                broker.close(); // both branches still prepared when the cluster stops
            }
        }
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = broker(cluster, url);
            try {
                LeaseOwner other = new LeaseOwner(broker.nodeId(), "c2", "s1");
                assertEquals(Set.of(toCommit, toRollBack), broker.transactions().preparedXids());
                assertEquals("in-3", claimId(broker, in, other));
                assertNull(broker.messages().claim(in, null, other).message(),
                        "the prepared branches' received messages are theirs until they end");
                assertNull(broker.messages().claim(out, null, other).message(), "no send before the commit");

                assertTrue(broker.transactions().commitPrepared(toCommit));
                assertTrue(broker.transactions().rollbackPrepared(toRollBack));
                assertEquals(Set.of(), broker.transactions().preparedXids());
                assertEquals(List.of("out-commit"), drain(broker, Address.queue(out), other), "the commit's send");
                assertEquals("in-2", claimId(broker, in, other),
                        "the rolled back branch's receive is delivered again");
                broker.messages().release(in, List.of("in-2"), other, true); // left for the next cluster
            } finally {
                broker.close();
            }
        }
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = broker(cluster, url);
            try {
                LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c3", "s1");
                assertEquals(Set.of(), broker.transactions().preparedXids(), "ended branches are forgotten");
                assertEquals(List.of("in-2", "in-3"), drain(broker, Address.queue(in), owner),
                        "the committed branch's receive is gone, the rolled back one's kept");
                assertNull(broker.messages().claim(out, null, owner).message(), "its send was delivered once");
            } finally {
                broker.close();
            }
        }
    }

    /**
     * What HazelcastXAResource.prepare does after a receive of {@code expectedId} and a send in the branch: the
     * branch recorded, then the session's lease handed to it.
     */
    private static void prepare(Broker broker, String xid, DestinationKey from, String expectedId, LeaseOwner session,
                                StoredMessage send) {
        assertEquals(expectedId, claimId(broker, from, session));
        LeaseOwner branch = PreparedTransaction.owner(xid);
        broker.transactions().recordPrepared(new PreparedTransaction(xid, List.of(send),
                List.of(new CommitRecord.Acknowledgement(Address.queue(from), List.of(expectedId), branch))));
        broker.transactions().reassignLeases(Address.queue(from), List.of(expectedId), session, branch);
    }

    // --- faults -------------------------------------------------------------------------------------------------

    @Test
    void aPersistentSendFailsWhileTheDatabaseIsDownAndSucceedsOnceItIsBack() {
        String url = newDatabase();
        DestinationKey queue = DestinationKey.queue("pg-fault-" + UUID.randomUUID());
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = broker(cluster, url);
            try {
                LeaseOwner owner = new LeaseOwner(broker.nodeId(), "c1", "s1");
                broker.messages().send(queue, message("before", true));
                broker.messages().send(queue, message("acked-while-down", true));
                assertEquals("before", claimId(broker, queue, owner));
                assertEquals("acked-while-down", claimId(broker, queue, owner));
                broker.messages().release(queue, List.of("before"), owner, false);

                crashPostgres();
                long start = System.nanoTime();
                DurableStoreException refused = assertThrows(DurableStoreException.class,
                        () -> broker.messages().send(queue, message("while-down", true)));
                long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                String text = refused.getMessage();
                assertTrue(text.contains("database " + Databases.describe(url)
                                + " could not store 1 message(s): it is unreachable")
                                && text.contains("nothing of it was done"),
                        "names the database, what failed, and that it is unreachable: " + text);
                assertFalse(text.contains("INSERT"), "no statement text, whose parameters are message bodies: " + text);
                assertTrue(tookMillis < DurableStore.WRITE_TIMEOUT_MILLIS / 2,
                        "a refused connection fails the send at once, not at the write timeout: " + tookMillis + " ms");
                // an acknowledgement while the database is down still succeeds: its delete waits for the database
                broker.messages().acknowledge(queue, List.of("acked-while-down"), owner);
                broker.messages().send(queue, message("non-persistent-while-down", false));
                assertEquals(List.of("before", "non-persistent-while-down"),
                        drainAndRelease(broker, queue, owner), "nothing in memory for the refused send");

                restartPostgres();
                broker.messages().send(queue, message("after", true)); // the writer reconnects by itself
                assertEquals(List.of("before", "non-persistent-while-down", "after"),
                        drainAndRelease(broker, queue, owner));
            } finally {
                if (down) {
                    restartPostgres(); // else close() fails too, hiding why the test failed
                }
                broker.close();
            }
        }
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = broker(cluster, url);
            try {
                assertEquals(List.of("before", "after"),
                        drain(broker, Address.queue(queue), new LeaseOwner(broker.nodeId(), "c2", "s1")),
                        "the delete of the acknowledgement made during the outage was written once it was back");
            } finally {
                broker.close();
            }
        }
    }

    @Test
    void aDatabaseRestartBetweenTwoSendsCostsNoSend() {
        String url = newDatabase();
        DestinationKey queue = DestinationKey.queue("pg-restart-" + UUID.randomUUID());
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = broker(cluster, url);
            try {
                broker.messages().send(queue, message("before", true));
                crashPostgres();
                restartPostgres();
                // the writer's connection died with the server: the next send must not be the one to find out
                broker.messages().send(queue, message("after", true));
                assertEquals(List.of("before", "after"),
                        drain(broker, Address.queue(queue), new LeaseOwner(broker.nodeId(), "c1", "s1")));
            } finally {
                broker.close();
            }
        }
    }

    // --- group commit -------------------------------------------------------------------------------------------

    @Test
    void concurrentPersistentSendsShareCommitsAndAreAllFoundAfterARestart() throws Exception {
        String url = newDatabase();
        DestinationKey queue = DestinationKey.queue("pg-group-" + UUID.randomUUID());
        int threads = 8;
        int perThread = 50;
        AtomicInteger commits = new AtomicInteger();
        Set<String> sent = new HashSet<>();
        try (TestCluster cluster = TestCluster.start(1)) {
            DurableStore store = DurableStore.open(countingCommits(Databases.forUrl(url), commits),
                    Databases.describe(url), "group");
            Broker broker = new Broker(cluster.member(0), DestinationSettings.defaults(), MemberOperations.jvmDefault(),
                    store);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                int before = commits.get();
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String prefix = "t" + t + "-";
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            SendOutcome outcome = broker.messages().send(queue, message(prefix + i, true));
                            assertFalse(outcome.isRefused() || outcome.missing(), outcome::toString);
                        }
                        return null;
                    }));
                    for (int i = 0; i < perThread; i++) {
                        sent.add(prefix + i);
                    }
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
                int used = commits.get() - before;
                assertTrue(used < sent.size(), "some of " + sent.size() + " sends shared a commit: " + used + " commits");
            } finally {
                pool.shutdownNow();
                broker.close();
            }
        }
        try (TestCluster cluster = TestCluster.start(1)) {
            Broker broker = broker(cluster, url);
            try {
                List<String> found = drain(broker, Address.queue(queue), new LeaseOwner(broker.nodeId(), "c", "s"));
                assertEquals(sent.size(), found.size(), "each once");
                assertEquals(sent, new HashSet<>(found));
            } finally {
                broker.close();
            }
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** A fresh database on the class's server: recovery loads all of a database, so tests must not share one. */
    private static String newDatabase() {
        String name = "t" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String url = pg.jdbcUrl().replace("/" + PostgresServer.DATABASE + "?", "/" + name + "?");
        assertTrue(url.contains("/" + name + "?"), url);
        return url;
    }

    private static void crashPostgres() {
        pg.crash();
        down = true;
    }

    private static void restartPostgres() {
        pg.restart();
        down = false;
    }

    private static Broker broker(TestCluster cluster, String url) {
        return broker(cluster, url, DestinationSettings.defaults());
    }

    private static Broker broker(TestCluster cluster, String url, DestinationSettings defaults) {
        DurableStore store = DurableStore.open(Databases.forUrl(url), Databases.describe(url), "test");
        try {
            return new Broker(cluster.member(0), defaults, MemberOperations.jvmDefault(), store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static SubscriptionSpec durable(String selector) {
        return new SubscriptionSpec(true, false, selector, false);
    }

    private static StoredMessage message(String id, boolean persistent) {
        return new StoredMessage(id, null).persistent(persistent).priority(4).timestamp(System.currentTimeMillis())
                .bodyType(StoredMessage.BODY_TEXT).body(id.getBytes());
    }

    private static StoredMessage colored(String id, String color, boolean persistent) {
        return message(id, persistent).properties(Map.of("color", color));
    }

    /** Claims the next message: its id, or null if none is deliverable. */
    private static String claimId(Broker broker, DestinationKey queue, LeaseOwner owner) {
        StoredMessage m = broker.messages().claim(queue, null, owner).message();
        return m == null ? null : m.messageId();
    }

    /** Claims and acknowledges everything deliverable at an address, in delivery order. */
    private static List<String> drain(Broker broker, Address address, LeaseOwner owner) {
        List<String> ids = new ArrayList<>();
        for (StoredMessage m; (m = broker.messages().claim(address, null, owner).message()) != null; ) {
            ids.add(m.messageId());
            broker.messages().acknowledge(address, List.of(m.messageId()), owner);
            assertTrue(ids.size() <= 10_000, "endless: " + ids.size());
        }
        return ids;
    }

    /** Claims everything deliverable, then releases it undelivered: what a queue holds, left as it was. */
    private static List<String> drainAndRelease(Broker broker, DestinationKey queue, LeaseOwner owner) {
        List<String> ids = new ArrayList<>();
        for (StoredMessage m; (m = broker.messages().claim(queue, null, owner).message()) != null; ) {
            ids.add(m.messageId());
            assertTrue(ids.size() <= 10_000, "endless: " + ids.size());
        }
        broker.messages().release(queue, ids, owner, false);
        return ids;
    }

    /** Stored message rows per durable subscription (queues' rows left out), read directly from the database. */
    private static Map<String, Long> rowsBySubscription(String url) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT subscription, COUNT(*) FROM hjms_message WHERE subscription <> '' "
                     + "GROUP BY subscription")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        }
        return rows;
    }

    /** A data source whose connections count their commits. */
    private static DataSource countingCommits(DataSource target, AtomicInteger commits) {
        return (DataSource) Proxy.newProxyInstance(PostgresDurableStoreTest.class.getClassLoader(),
                new Class<?>[]{DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(PostgresDurableStoreTest.class.getClassLoader(),
                                new Class<?>[]{Connection.class}, (p, m, a) -> {
                                    if (m.getName().equals("commit")) {
                                        commits.incrementAndGet();
                                    }
                                    return invoke(connection, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
