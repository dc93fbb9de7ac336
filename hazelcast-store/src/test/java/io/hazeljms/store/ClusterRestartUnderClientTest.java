package io.hazeljms.store;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import io.hazeljms.store.durable.Databases;
import io.hazeljms.store.durable.DurableStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Hazelcast client's broker that lives through a restart of the whole cluster checks the new cluster's durable
 * store and has the store loaded, as a starting broker does: with plain members (no broker of their own) it loads
 * the store itself; on a cluster that now runs on another store it refuses sends, writing nothing.
 *
 * <p>The client knows only the first member's port, so a new cluster can be formed (and its store recorded) on
 * another port before the client can reach it: the order of the two is then fixed, not a race.
 */
class ClusterRestartUnderClientTest {

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private DurableStore store(String name) {
        String url = Databases.embeddedUrl(dir.resolve(name), "store");
        DurableStore store = DurableStore.open(Databases.forUrl(url), Databases.describe(url), "test");
        open.add(store::close);
        return store;
    }

    private static StoredMessage persistent(String id) {
        return new StoredMessage(id, null).persistent(true).timestamp(System.currentTimeMillis())
                .bodyType(StoredMessage.BODY_TEXT).body(id.getBytes());
    }

    /** A client of the member on the first port only, and a latch for its reconnection. */
    private HazelcastInstance client(TestCluster cluster, CountDownLatch reconnected) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(cluster.name());
        config.setClassLoader(getClass().getClassLoader());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setAddresses(List.of("127.0.0.1:" + TestCluster.BASE_PORT));
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(120_000)
                .setInitialBackoffMillis(100).setMaxBackoffMillis(500);
        HazelcastInstance client = HazelcastClient.newHazelcastClient(StoreConfig.applyTo(config));
        open.add(client::shutdown);
        client.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.CLIENT_CONNECTED) {
                reconnected.countDown();
            }
        });
        return client;
    }

    /** A member of the cluster's name on {@code port}, or the first free one from it. */
    private static HazelcastInstance memberOn(TestCluster cluster, int port) {
        Config config = cluster.memberConfig();
        config.getNetworkConfig().setPort(port);
        return cluster.addMember(config);
    }

    private List<String> drain(Broker broker, DestinationKey queue) {
        LeaseOwner owner = new LeaseOwner(broker.nodeId(), "drain", "s1");
        List<String> ids = new ArrayList<>();
        StoredMessage m;
        while ((m = broker.messages().claim(queue, null, owner).message()) != null) {
            ids.add(m.messageId());
        }
        broker.messages().acknowledge(queue, ids, owner);
        return ids;
    }

    @Test
    void withPlainMembersTheClientLoadsTheStoreIntoTheRestartedCluster() throws Exception {
        DestinationKey queue = DestinationKey.queue("orders");
        try (TestCluster cluster = TestCluster.start(1)) {
            CountDownLatch reconnected = new CountDownLatch(1);
            DurableStore a = store("a");
            Broker client = new Broker(client(cluster, reconnected), DestinationSettings.defaults(),
                    MemberOperations.AUTO, a);
            for (int i = 0; i < 5; i++) {
                client.messages().send(queue, persistent("before-" + i));
            }
            a.flush();
            cluster.terminate(cluster.member(0)); // the whole cluster: its memory is gone
            memberOn(cluster, TestCluster.BASE_PORT); // a plain member: no broker to load the store
            assertTrue(reconnected.await(60, TimeUnit.SECONDS), "the client reconnected to the new cluster");

            client.messages().send(queue, persistent("after")); // waits for the check and the load
            List<String> ids = drain(client, queue);
            assertEquals(List.of("before-0", "before-1", "before-2", "before-3", "before-4", "after"), ids,
                    "loaded back before the first send after the restart");
            assertEquals(java.util.Set.of(client.nodeId()), a.nodesMarkedRunning(),
                    "marked running again: the load deleted the marks of the cluster that died, its own too");
            client.close();
        }
    }

    @Test
    void aRestartedClusterOnAnotherStoreRefusesTheClientsSendsHavingItWriteNothing() throws Exception {
        DestinationKey queue = DestinationKey.queue("orders");
        try (TestCluster cluster = TestCluster.start(1)) {
            CountDownLatch reconnected = new CountDownLatch(1);
            DurableStore a = store("a");
            Broker first = new Broker(cluster.member(0), DestinationSettings.defaults(), MemberOperations.jvmDefault(),
                    store("a"));
            Broker client = new Broker(client(cluster, reconnected), DestinationSettings.defaults(),
                    MemberOperations.AUTO, a);
            client.messages().send(queue, persistent("before"));
            a.flush();
            long rows = a.messageCount();
            cluster.terminate(cluster.member(0));
            first.close();

            // the new cluster records store b on a port the client does not know, then takes a member on its port
            HazelcastInstance elsewhere = memberOn(cluster, TestCluster.BASE_PORT + 1);
            Broker onB = new Broker(elsewhere, DestinationSettings.defaults(), MemberOperations.jvmDefault(),
                    store("b"));
            memberOn(cluster, TestCluster.BASE_PORT);
            cluster.awaitSize(2);
            assertTrue(reconnected.await(60, TimeUnit.SECONDS), "the client reconnected to the new cluster");

            DurableStoreMismatchException refused = assertThrows(DurableStoreMismatchException.class,
                    () -> client.messages().send(queue, persistent("after")));
            String text = refused.getMessage();
            assertTrue(text.startsWith("HJMS-STORE-096 ") && text.contains(dir.resolve("b").toAbsolutePath().toString())
                    && text.contains(dir.resolve("a").toAbsolutePath().toString()), text);
            assertEquals("HJMS-STORE-096", refused.errorCode());
            assertThrows(DurableStoreMismatchException.class,
                    () -> client.messages().send(queue, persistent("again")), "refused for good");
            a.flush();
            assertEquals(rows, a.messageCount(), "nothing written to the client's store");
            assertEquals(List.of(), drain(onB, queue), "nothing enqueued in the new cluster");
            onB.close();
            client.close();
        }
    }
}
