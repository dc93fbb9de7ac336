package io.hazeljms.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness's own checks: a lost or duplicated message must fail a run; reports are written. */
class HarnessTest {

    @Test
    void payloadCarriesStampAndNumber() {
        String p = Payload.of(1_234_567_890_123L, 42);
        assertEquals(Payload.SIZE, p.length());
        assertEquals(1_234_567_890_123L, Payload.stamp(p));
        assertEquals(42, Payload.id(p));
        assertThrows(IllegalArgumentException.class, () -> Payload.id("not a payload"));
    }

    @Test
    void tallyNoticesMissingDuplicateAndUnknownMessages() {
        Tally t = new Tally(3);
        t.record(0);
        t.record(2);
        assertFalse(t.complete());
        assertEquals(1, t.missing());
        assertEquals("1", t.firstMissing(5));
        t.record(1);
        assertTrue(t.exact());
        t.record(1);
        t.record(7);
        assertTrue(t.complete());
        assertFalse(t.exact());
        assertEquals(1, t.duplicates());
        assertEquals(1, t.unknown());
    }

    @Test
    void aPhaseThatLosesAMessageFails() throws Exception {
        LossyTarget target = new LossyTarget(7, false);
        LoadRunner.Phase phase = new LoadRunner(500, 10_000)
                .run(List.of(target.sender("q", false)), List.of(target.receiver("q")), 0, 50, 0, false);
        assertFalse(phase.ok());
        assertEquals(1, phase.tally().missing());
        assertTrue(phase.problem().contains("first missing: 7"), phase.problem());
    }

    @Test
    void aPhaseThatDeliversAMessageTwiceFails() throws Exception {
        LossyTarget target = new LossyTarget(7, true);
        LoadRunner.Phase phase = new LoadRunner(500, 10_000)
                .run(List.of(target.sender("q", false)), List.of(target.receiver("q")), 0, 50, 0, false);
        assertFalse(phase.ok());
        assertEquals(1, phase.tally().duplicates());
    }

    @Test
    void aFailingSendFailsThePhase() throws Exception {
        Target.Sender broken = new Target.Sender() {
            @Override
            public void send(String payload) {
                throw new IllegalStateException("broker down");
            }

            @Override
            public void close() {
            }
        };
        LossyTarget target = new LossyTarget(-1, false);
        LoadRunner.Phase phase = new LoadRunner(5_000, 10_000)
                .run(List.of(broken), List.of(target.receiver("q")), 0, 10, 0, false);
        assertFalse(phase.ok());
        assertTrue(phase.problem().contains("broker down"), phase.problem());
    }

    @Test
    void reportWritesCsvAndCharts(@TempDir Path dir) throws Exception {
        Results results = new Results();
        results.mode = "test";
        for (String target : Benchmark.ALL_TARGETS) {
            results.rows.add(new Results.Row(target, 1, true, 1, 1, 1000, 2000, 1000, 500, 500, 100, 200, 300, 400,
                    5, List.of(900.0, 1000.0, 1100.0), ""));
            results.heap.add(new Results.HeapRow(target, 1, 1000, 1_000_000, 3_000_000, ""));
        }
        results.rows.add(new Results.Row("hazeljms", 2, false, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(),
                "stalled"));
        Report report = new Report(results);
        List<Path> files = report.write(dir);
        assertEquals(7, files.size());
        for (Path f : files) {
            assertTrue(Files.size(f) > 0, f + " is empty");
        }
        String ratios = Files.readString(dir.resolve("ratios.csv"));
        assertTrue(ratios.contains("P 1->1 1m,1.00,"), ratios);
        String durable = Files.readString(dir.resolve("durable.csv"));
        assertTrue(durable.contains("hazeljms-h2,1->1 1m,1000,100.0,200.0,artemis-invm,1.00,1.00,1.00,1.00,1.00,1.00,"
                + "\"BEHIND A, >= 0.5 mem\""), durable);
        assertTrue(durable.contains("hazeljms-pg,1->1 1m,"), durable);
        String rows = Files.readString(dir.resolve("results.csv"));
        assertTrue(rows.contains(",900.0;1000.0;1100.0,"), rows);
        assertFalse(results.allOk());
        report.print(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    @Test
    void commandLineIsChecked() throws Exception {
        assertEquals(List.of("iqueue", "hazeljms"), BenchMain.parseTargets("iqueue,hazeljms,iqueue"));
        assertEquals(List.of("hazeljms-pg", "hazeljms-h2"), BenchMain.parseTargets("hazeljms-pg,hazeljms-h2"));
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parseTargets("kafka"));
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parseMembers("3"));
        assertEquals(30.0, BenchMain.parseSeconds("30"));
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parseSeconds("-1"));
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parseSeconds("soon"));
        assertEquals(0, BenchMain.parseRuns("0"));
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parseRuns("-1"));
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parseRuns("many"));
        assertEquals(List.of(1, 3), MultiQueueProbe.parseMembers("3,1,3"));
        assertThrows(IllegalArgumentException.class, () -> MultiQueueProbe.parseMembers("4"));
        assertEquals(6000, BenchMain.parseSelectorCount("6000"));
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parseSelectorCount("lots"));
        assertEquals(0, BenchMain.parseCount("0"));
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parseCount("-1"));
        assertEquals(2, BenchMain.run(new String[]{"--mode", "slow"},
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
    }

    /**
     * The many-destinations probe end to end at a tiny size (32 queues × 4→4, 20 messages per queue after a
     * warm-up of 50) on 1 and 2 members, through the command line: every message of every queue arrives once.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 90, unit = TimeUnit.SECONDS)
    void multiQueueProbeRunsEveryShape() throws Exception {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        int status = BenchMain.run(new String[]{"--multi-queue-only", "--multi-queue", "20",
                "--multi-queue-members", "1,2"}, new java.io.PrintStream(printed, true));
        String text = printed.toString();
        System.out.print(text);
        assertEquals(0, status, text);
        assertTrue(text.contains("1 member(s): "), text);
        assertTrue(text.contains("× 1 member"), text);
        assertFalse(text.contains("FAILED"), text);
    }

    /**
     * The selector probe end to end at a tiny size (120 messages a round, no JIT warm-up beyond one phase) on
     * HazelJMS and Artemis, through the command line: every message reaches the consumer whose selector it
     * matches, once, and the ratios are printed.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 120, unit = TimeUnit.SECONDS)
    void selectorProbeRunsOnBothBrokers(@TempDir Path dir) throws Exception {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        int status = BenchMain.run(new String[]{"--selectors-only", "--selectors", "120", "--jit-seconds", "0",
                "--out", dir.resolve("results").toString()}, new java.io.PrintStream(printed, true));
        String text = printed.toString();
        System.out.print(text);
        assertEquals(0, status, text);
        assertTrue(text.contains("hazeljms      with selectors"), text);
        assertTrue(text.contains("artemis-invm  without selectors"), text);
        assertTrue(text.contains("HazelJMS ÷ Artemis, with selectors: "), text);
        assertFalse(text.contains("FAILED"), text);
    }

    /** As above through a Hazelcast client of the member ({@code --public-api}), on the members' durable store. */
    @Test
    @org.junit.jupiter.api.Timeout(value = 120, unit = TimeUnit.SECONDS)
    void selectorProbeRunsThroughAClient(@TempDir Path dir) throws Exception {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        int status = BenchMain.run(new String[]{"--selectors-only", "--public-api", "--selectors", "120",
                "--jit-seconds", "0", "--out", dir.resolve("results").toString()},
                new java.io.PrintStream(printed, true));
        String text = printed.toString();
        System.out.print(text);
        assertEquals(0, status, text);
        assertTrue(text.contains("hazeljms      with selectors"), text);
        assertFalse(text.contains("FAILED"), text);
    }

    /** An in-memory target whose receiver drops (or repeats) one message number. */
    private static final class LossyTarget implements Target {
        private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final int victim;
        private final boolean duplicate;
        private final ConcurrentLinkedQueue<String> replay = new ConcurrentLinkedQueue<>();

        LossyTarget(int victim, boolean duplicate) {
            this.victim = victim;
            this.duplicate = duplicate;
        }

        @Override
        public String id() {
            return "lossy";
        }

        @Override
        public int members() {
            return 1;
        }

        @Override
        public Sender sender(String name, boolean persistent) {
            return new Sender() {
                @Override
                public void send(String payload) {
                    queue.add(payload);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public Receiver receiver(String name) {
            return new Receiver() {
                @Override
                public String receive(long timeoutMillis) throws InterruptedException {
                    String again = replay.poll();
                    if (again != null) {
                        return again;
                    }
                    String p = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
                    if (p != null && Payload.id(p) == victim) {
                        if (!duplicate) {
                            return receive(timeoutMillis);
                        }
                        replay.add(p);
                    }
                    return p;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public long depth(String name) {
            return queue.size();
        }

        @Override
        public void dispose(String name) {
            queue.clear();
        }
    }
}
