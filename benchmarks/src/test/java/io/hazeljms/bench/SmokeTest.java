package io.hazeljms.bench;

import io.hazeljms.store.durable.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A few hundred messages through every target, checking that each one arrived exactly once and nothing was
 * left on the queue. No timing is asserted: this proves the harness measures real deliveries, not speed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SmokeTest {

    private static final int COUNT = 300;
    private static final Path WORK = Path.of(System.getProperty("bench.workdir", "target"));

    /** One fresh JVM per start-up target: each sends and receives its message, and every line is printed. */
    @Test
    void startupProbeRunsEveryTargetInAJvmOfItsOwn() throws Exception {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        boolean ok = StartupProbe.run(1, WORK, new java.io.PrintStream(printed, true));
        String text = printed.toString();
        System.out.print(text);
        assertTrue(ok, text);
        for (String target : StartupProbe.TARGETS) {
            assertTrue(text.contains("  " + target + " "), target + " missing from: " + text);
        }
    }

    /**
     * Also runs the whole per-load pipeline (probe, warm-up, throughput rounds with the targets taking turns,
     * paced phase) and the heap figure.
     */
    @Test
    void hazelJmsAndIQueueOnOneMember() throws Exception {
        try (HazelcastCluster cluster = HazelcastCluster.start(1, Benchmark.BACKUP_COUNT)) {
            deliversEveryMessage(cluster.hazelJms(), true, 2, 2);
            deliversEveryMessage(cluster.hazelJms(), false, 1, 1);
            deliversEveryMessage(cluster.iqueue(), true, 2, 2);

            Settings tiny = new Settings("smoke", 0.1, 50, 50, 0.1, 2, 300, 0.1, 300, 0.1, 100, 100, 500, 10_000,
                    30_000);
            Benchmark benchmark = new Benchmark(tiny, List.of("hazeljms", "iqueue"), List.of(1), WORK, System.out);
            benchmark.warmUp(cluster.hazelJms());
            List<Results.Row> rows = benchmark.runLoad(List.of(cluster.hazelJms(), cluster.iqueue()), true, 2, 2);
            assertEquals(List.of("hazeljms", "iqueue"), rows.stream().map(Results.Row::target).toList());
            for (Results.Row row : rows) {
                assertTrue(row.ok(), row.problem());
                assertEquals(300, row.count());
                assertEquals(2, row.roundRates().size(), row.toString());
                assertTrue(row.roundRates().contains(row.endToEndRate()), "the median is one of the rounds: " + row);
                assertEquals(100, row.latencyCount());
                assertTrue(row.endToEndRate() > 0 && row.p99Micros() > 0, row.toString());
            }
            Results.HeapRow heap = benchmark.heap(cluster.hazelJms());
            assertTrue(heap.ok(), heap.problem());
        }
    }

    @Test
    void hazelJmsAndIQueueOnTwoMembersWithABackup() throws Exception {
        try (HazelcastCluster cluster = HazelcastCluster.start(2, 1)) {
            assertEquals(2, cluster.members());
            deliversEveryMessage(cluster.hazelJms(), true, 2, 2);
            deliversEveryMessage(cluster.iqueue(), true, 2, 2);
        }
    }

    /** The durable store's default (H2 in a file): persistent messages are written there first. */
    @Test
    void hazelJmsWithTheEmbeddedDurableStore(@TempDir Path dir) throws Exception {
        try (HazelcastCluster cluster = HazelcastCluster.start(1, Benchmark.BACKUP_COUNT,
                HazelcastCluster.Durability.embedded(dir))) {
            assertEquals("hazeljms-h2", cluster.hazelJms().id());
            deliversEveryMessage(cluster.hazelJms(), true, 2, 2);
            try (Stream<Path> files = Files.list(dir)) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".mv.db")),
                        "no H2 file in " + dir);
            }
        }
    }

    /** The one test that starts PostgreSQL (initdb, a few seconds): the hazeljms-pg target writes to it. */
    @Test
    void hazelJmsWithPostgreSql() throws Exception {
        try (PostgresServer postgres = PostgresServer.start();
             HazelcastCluster cluster = HazelcastCluster.start(1, Benchmark.BACKUP_COUNT,
                     HazelcastCluster.Durability.jdbc(postgres.jdbcUrl()))) {
            assertEquals("hazeljms-pg", cluster.hazelJms().id());
            deliversEveryMessage(cluster.hazelJms(), true, 2, 2);
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl());
                 Statement s = c.createStatement();
                 ResultSet tables = s.executeQuery("SELECT count(*) FROM information_schema.tables "
                         + "WHERE table_schema = current_schema()")) {
                assertTrue(tables.next() && tables.getInt(1) > 0, "the store created no table in PostgreSQL");
            }
        }
    }

    @Test
    void artemisInVmAndTcpWithoutPersistence() throws Exception {
        try (ArtemisBroker broker = ArtemisBroker.start(false, WORK)) {
            deliversEveryMessage(broker.invm(), false, 2, 2);
            deliversEveryMessage(broker.tcp(), false, 2, 2);
        }
    }

    /** Durable sends wait for the journal's fsync: four producers share each sync. */
    @Test
    void artemisWithItsJournal() throws Exception {
        try (ArtemisBroker broker = ArtemisBroker.start(true, WORK)) {
            deliversEveryMessage(broker.invm(), true, 4, 2);
        }
    }

    private static void deliversEveryMessage(Target target, boolean persistent, int producers, int consumers)
            throws Exception {
        String queue = target.queueName("bench-smoke-" + target.id() + "-" + System.nanoTime());
        List<Target.Sender> senders = new ArrayList<>();
        List<Target.Receiver> receivers = new ArrayList<>();
        try {
            for (int i = 0; i < consumers; i++) {
                receivers.add(target.receiver(queue));
            }
            for (int i = 0; i < producers; i++) {
                senders.add(target.sender(queue, persistent));
            }
            LoadRunner.Phase phase = new LoadRunner(10_000, 60_000).run(senders, receivers, 0, COUNT, 0, true);
            String what = target.id() + " (" + target.members() + " member(s), persistent=" + persistent + "): ";
            assertTrue(phase.ok(), what + phase.problem());
            assertEquals(COUNT, phase.sent(), what + "sent");
            assertEquals(COUNT, phase.tally().distinct(), what + phase.tally());
            assertEquals(0, phase.tally().duplicates(), what + phase.tally());
            assertEquals(COUNT, phase.latency().getTotalCount(), what + "latency samples");
            closeAll(senders, receivers);
            // acknowledgements may still be on their way until the consumers close (AUTO_ACKNOWLEDGE is async)
            assertEquals(0, target.depth(queue), what + "messages left on the queue after the consumers closed");
        } finally {
            closeAll(senders, receivers);
        }
    }

    private static void closeAll(List<Target.Sender> senders, List<Target.Receiver> receivers) throws Exception {
        for (Target.Sender s : senders) {
            s.close();
        }
        for (Target.Receiver r : receivers) {
            r.close();
        }
        senders.clear();
        receivers.clear();
    }
}
