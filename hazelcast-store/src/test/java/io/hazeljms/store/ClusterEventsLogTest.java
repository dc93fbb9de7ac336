package io.hazeljms.store;

import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The log tells the cluster's story: joins, departures, failovers, released and dead-lettered messages. */
class ClusterEventsLogTest {

    /** Every record of every logger, as a member of the cluster or the test itself writes them. */
    private static final class Recorded extends Handler {
        private final List<LogRecord> records = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord record) {
            records.add(record);
            notifyAll();
        }

        synchronized LogRecord await(Predicate<String> matches, long millis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (true) {
                for (LogRecord r : records) {
                    if (r.getMessage() != null && matches.test(r.getMessage())) {
                        return r;
                    }
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    fail("no log line matched within " + millis + " ms; saw: "
                            + records.stream().map(LogRecord::getMessage).filter(m -> m != null && m.startsWith("HJMS"))
                            .toList());
                }
                wait(left);
            }
        }

        synchronized List<String> messages() {
            return records.stream().map(LogRecord::getMessage).filter(m -> m != null).toList();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private final Recorded log = new Recorded();
    private final Logger root = Logger.getLogger("");
    /** The build's logging keeps INFO and Hazelcast's warnings quiet; this test needs to see them. */
    private final Logger store = Logger.getLogger("io.hazeljms.store");
    private final Logger hazelcast = Logger.getLogger("com.hazelcast");
    private Level storeLevel;
    private Level hazelcastLevel;
    private TestCluster cluster;

    @BeforeEach
    void listen() {
        storeLevel = store.getLevel();
        hazelcastLevel = hazelcast.getLevel();
        store.setLevel(Level.INFO);
        hazelcast.setLevel(Level.WARNING);
        log.setLevel(Level.ALL);
        root.addHandler(log);
    }

    @AfterEach
    void stop() {
        root.removeHandler(log);
        if (cluster != null) {
            cluster.close();
        }
        store.setLevel(storeLevel);
        hazelcast.setLevel(hazelcastLevel);
    }

    @Test
    void joinsDeparturesFailoversAndReleasesAreLoggedAndTheCpWarningIsNot() throws Exception {
        cluster = TestCluster.start(2);
        HazelcastInstance survivor = cluster.member(0);
        HazelcastInstance doomed = cluster.member(1);
        log.await(m -> m.startsWith("HJMS-STORE-075") && m.contains("2 members now"), 10_000);

        Broker onDoomed = new Broker(doomed, DestinationSettings.defaults());
        List<DestinationKey> queues = new ArrayList<>();
        String prefix = "log-" + UUID.randomUUID();
        for (int i = 0; i < 40; i++) {
            DestinationKey q = DestinationKey.queue(prefix + "-" + i);
            queues.add(q);
            onDoomed.messages().send(q, new StoredMessage("m" + i, null).timestamp(System.currentTimeMillis()));
        }
        LeaseOwner owner = new LeaseOwner(onDoomed.nodeId(), "conn", "session");
        onDoomed.messages().claim(queues.get(0), null, owner);
        List<String> ledByDoomed = queues.stream().map(DestinationKey::encode)
                .filter(k -> doomed.getPartitionService().getPartition(k).getOwner().localMember()).toList();
        assertTrue(!ledByDoomed.isEmpty(), "40 queues spread over two members");

        cluster.terminate(doomed);
        log.await(m -> m.startsWith("HJMS-STORE-076") && m.contains("1 members now"), 30_000);
        String failover = log.await(m -> m.startsWith("HJMS-STORE-077"), 30_000).getMessage();
        assertTrue(failover.contains(ledByDoomed.get(0)) || failover.contains("more"), failover);
        log.await(m -> m.startsWith("HJMS-STORE-078") && m.contains(onDoomed.nodeId()) && m.contains(": 1 message"),
                30_000);
        assertEquals(List.of(), log.messages().stream().filter(m -> m.contains("UNSAFE mode")).toList(),
                "we use no CP structure: its warning is configured away");
        assertEquals(1, survivor.getCluster().getMembers().size());
    }

    @Test
    void movesToTheDeadLetterQueueAreLoggedAtMostOncePerInterval() throws Exception {
        MoveLog moves = new MoveLog();
        StoredMessage first = new StoredMessage("ID:1", "queue:dlq");
        first.properties().put(DestinationState.REASON_PROPERTY, "out of delivery attempts");
        moves.moved("queue:orders", "queue:dlq", List.of(first));
        String line = log.await(m -> m.startsWith("HJMS-STORE-079"), 5_000).getMessage();
        assertTrue(line.contains("ID:1") && line.contains("out of delivery attempts") && line.contains("queue:dlq"), line);
        for (int i = 2; i < 100; i++) {
            moves.moved("queue:orders", "queue:dlq", List.of(new StoredMessage("ID:" + i, "queue:dlq")));
        }
        assertEquals(1, log.messages().stream().filter(m -> m.startsWith("HJMS-STORE-079")).count(),
                "98 more moves within the interval add no line");
    }
}
