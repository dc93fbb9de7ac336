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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One durable store per cluster: brokers on one database share its identity and start; a broker on another
 * database, or on none while the cluster has one (and the reverse), is refused before it writes anything. A
 * database keeps its identity over a restart of the whole cluster, concurrent first openers agree on one, and a
 * version-2 database gets one when it is upgraded.
 */
class DurableStoreIdentityTest {

    @TempDir
    Path dir;

    private DurableStore open(String name) {
        String url = Databases.embeddedUrl(dir.resolve(name), "store");
        return DurableStore.open(Databases.forUrl(url), Databases.describe(url), "test");
    }

    private static StoredMessage persistent(String id) {
        return new StoredMessage(id, null).persistent(true).timestamp(System.currentTimeMillis())
                .bodyType(StoredMessage.BODY_TEXT).body(id.getBytes());
    }

    private static Broker broker(TestCluster cluster, int member, DurableStore store) {
        return new Broker(cluster.member(member), DestinationSettings.defaults(), MemberOperations.jvmDefault(), store);
    }

    @Test
    void brokersOnOneDatabaseStartAndOneOnAnotherOrOnNoneIsRefusedHavingWrittenNothing() {
        DestinationKey queue = DestinationKey.queue("orders");
        try (TestCluster cluster = TestCluster.start(2)) {
            DurableStore a1 = open("a");
            DurableStore a2 = open("a");
            assertEquals(a1.identity(), a2.identity(), "one database, one identity");
            Broker first = broker(cluster, 0, a1);
            Broker second = broker(cluster, 1, a2);
            assertEquals(1, second.messages().send(queue, persistent("m1")).added());

            DurableStore b = open("b");
            assertNotEquals(a1.identity(), b.identity());
            DurableStoreMismatchException refused = assertThrows(DurableStoreMismatchException.class,
                    () -> broker(cluster, 1, b));
            String text = refused.getMessage();
            assertTrue(text.startsWith("HJMS-STORE-095 "), text);
            assertTrue(text.contains(dir.resolve("b").toAbsolutePath().toString())
                    && text.contains(dir.resolve("a").toAbsolutePath().toString()), "names both stores: " + text);
            assertTrue(text.contains(b.identity()) && text.contains(a1.identity()), text);
            assertEquals(Set.of(), b.nodesMarkedRunning(), "the refused node recorded nothing");
            assertEquals(0, b.messageCount());
            b.close();

            DurableStoreMismatchException off = assertThrows(DurableStoreMismatchException.class,
                    () -> new Broker(cluster.member(1), DestinationSettings.defaults()));
            assertTrue(off.getMessage().contains("off (memory only)"), off.getMessage());

            a2.flush();
            assertEquals(1, a1.messageCount(), "the cluster's store goes on");
            assertEquals(2, a1.nodesMarkedRunning().size(), "the two brokers that started, no more");
            second.close();
            first.close();
        }
    }

    @Test
    void aClusterWithoutAStoreRefusesABrokerWithOne() {
        try (TestCluster cluster = TestCluster.start(1)) {
            new Broker(cluster.member(0), DestinationSettings.defaults());
            DurableStore a = open("a");
            DurableStoreMismatchException refused = assertThrows(DurableStoreMismatchException.class,
                    () -> broker(cluster, 0, a));
            assertTrue(refused.getMessage().contains("runs on, off (memory only)"), refused.getMessage());
            assertEquals(Set.of(), a.nodesMarkedRunning());
            a.close();
        }
    }

    /**
     * Same database after a restart of the whole cluster: same identity, and the new cluster's first broker records
     * it again. A version-2 database is upgraded in place and gets an identity, which it keeps.
     */
    @Test
    void theIdentitySurvivesARestartOfTheWholeClusterAndAVersion2DatabaseGetsOne() throws Exception {
        String before;
        try (TestCluster cluster = TestCluster.start(1)) {
            DurableStore a = open("a");
            before = a.identity();
            broker(cluster, 0, a).close();
        }
        try (TestCluster cluster = TestCluster.start(1)) {
            DurableStore a = open("a");
            assertEquals(before, a.identity());
            broker(cluster, 0, a).close();
        }
        DataSource db = Databases.forUrl(Databases.embeddedUrl(dir.resolve("a"), "store"));
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) { // as version 2 left it
            s.execute("DROP TABLE hjms_store_identity");
            s.execute("UPDATE hjms_schema SET version = 2");
        }
        DurableStore upgraded = open("a");
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(version) FROM hjms_schema")) {
            rs.next();
            assertEquals(3, rs.getInt(1), "upgraded in place");
        }
        String identity = upgraded.identity();
        assertTrue(identity != null && !identity.isBlank() && !identity.equals(before), identity);
        upgraded.close();
        DurableStore again = open("a");
        assertEquals(identity, again.identity(), "written once");
        again.close();
    }

    @Test
    void concurrentFirstOpenersAgreeOnOneIdentity() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<DurableStore>> opening = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opening.add(pool.submit(() -> open("fresh")));
            }
            Set<String> identities = new HashSet<>();
            for (Future<DurableStore> f : opening) {
                DurableStore store = f.get(60, TimeUnit.SECONDS);
                identities.add(store.identity());
                store.close();
            }
            assertEquals(1, identities.size(), identities.toString());
        } finally {
            pool.shutdownNow();
        }
    }
}
