package io.hazeljms.bench;

import io.hazeljms.store.durable.PostgresServer;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the loads against the targets in a fixed order, reusing each deployment for every load on it:
 * per cluster shape (1 member, then 2 members with backup count 1) HazelJMS then raw IQueue, then HazelJMS with
 * its durable store (H2 embedded, PostgreSQL: persistent loads, a cluster each); then Artemis with persistence
 * (persistent loads), then without (non-persistent loads and the heap figure).
 */
public final class Benchmark {

    public static final List<String> ALL_TARGETS = List.of("hazeljms", "hazeljms-h2", "hazeljms-pg", "iqueue",
            "artemis-invm", "artemis-tcp");
    /** Without --targets: the in-memory comparison (the durable targets need a disk, and PostgreSQL). */
    public static final List<String> DEFAULT_TARGETS = List.of("hazeljms", "iqueue", "artemis-invm", "artemis-tcp");
    /** HazelJMS with its durable store: H2 embedded (the default store) and PostgreSQL; persistent loads only. */
    public static final List<String> DURABLE_TARGETS = List.of("hazeljms-h2", "hazeljms-pg");
    /** Producers to consumers. */
    public static final int[][] TOPOLOGIES = {{1, 1}, {4, 4}};
    /** Backup count of the Hazelcast shapes (irrelevant with one member). */
    public static final int BACKUP_COUNT = 1;
    /** Producers that fill the queue for the heap figure. */
    private static final int HEAP_PRODUCERS = 4;

    private final Settings settings;
    private final List<String> targets;
    private final List<Integer> shapes;
    private final Path workDir;
    private final PrintStream log;
    private final LoadRunner runner;
    private final AtomicInteger queues = new AtomicInteger();
    private final Set<String> warmedUp = new HashSet<>();
    private PostgresServer postgres;

    public Benchmark(Settings settings, List<String> targets, List<Integer> shapes, Path workDir, PrintStream log) {
        this.settings = settings;
        this.targets = targets;
        this.shapes = shapes;
        this.workDir = workDir;
        this.log = log;
        this.runner = new LoadRunner(settings.stallMillis(), settings.phaseMillis());
    }

    public Results run() throws Exception {
        Results results = new Results();
        results.mode = settings.mode();
        long start = System.nanoTime();
        boolean hazelJms = targets.contains("hazeljms");
        boolean iqueue = targets.contains("iqueue");
        boolean durable = DURABLE_TARGETS.stream().anyMatch(targets::contains);
        try {
            runHazelcast(hazelJms, iqueue, durable, results);
        } finally {
            if (postgres != null) {
                postgres.close();
                postgres = null;
            }
        }
        runArtemis(results);
        results.elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        return results;
    }

    private void runHazelcast(boolean hazelJms, boolean iqueue, boolean durable, Results results) throws Exception {
        if (!hazelJms && !iqueue && !durable) {
            return;
        }
        for (int members : shapes) {
            if (hazelJms || iqueue) {
                runInMemory(hazelJms, iqueue, members, results);
            }
            for (String id : DURABLE_TARGETS) {
                if (targets.contains(id)) {
                    runDurable(id, members, results);
                }
            }
        }
    }

    /** HazelJMS in memory and raw IQueue on one cluster shape: every load, then the heap figure. */
    private void runInMemory(boolean hazelJms, boolean iqueue, int members, Results results) throws Exception {
        log.printf("-- Hazelcast cluster: %d member(s), backup count %d%n", members, BACKUP_COUNT);
        try (HazelcastCluster cluster = HazelcastCluster.start(members, BACKUP_COUNT)) {
            List<Target> on = new ArrayList<>();
            if (hazelJms) {
                on.add(cluster.hazelJms());
            }
            if (iqueue) {
                on.add(cluster.iqueue());
            }
            // both targets share the members' JIT-compiled code: warm each up on this shape first, then
            // take turns round by round, so neither is measured on code the other one warmed up
            for (Target t : on) {
                warmUp(t);
            }
            for (boolean persistent : new boolean[]{true, false}) {
                runLoads(on, persistent, results);
            }
            for (Target t : on) {
                results.heap.add(heap(t));
            }
        }
    }

    private void runArtemis(Results results) throws Exception {
        boolean invm = targets.contains("artemis-invm");
        boolean tcp = targets.contains("artemis-tcp");
        if (invm || tcp) {
            for (boolean persistent : new boolean[]{true, false}) {
                log.printf("-- Artemis embedded, persistence %s%n", persistent ? "on (NIO journal)" : "off");
                try (ArtemisBroker broker = ArtemisBroker.start(persistent, workDir)) {
                    List<Target> on = new ArrayList<>();
                    if (invm) {
                        on.add(broker.invm());
                    }
                    if (tcp) {
                        on.add(broker.tcp());
                    }
                    for (Target t : on) {
                        if (warmedUp.add(t.id())) {
                            warmUp(t);
                        }
                    }
                    runLoads(on, persistent, results);
                    if (!persistent) {
                        for (Target t : on) {
                            results.heap.add(heap(t));
                        }
                    }
                }
            }
        }
    }

    /**
     * HazelJMS with a durable store, on a cluster of its own with the same shape: warmed up like the others, then
     * the persistent loads only (a non-persistent message never reaches the store, so those loads would measure
     * the in-memory target again). H2 gets a fresh directory under the work directory, removed afterwards;
     * PostgreSQL a server of its own for the whole run ({@code fsync=on}, {@code synchronous_commit=on}).
     */
    private void runDurable(String id, int members, Results results) throws Exception {
        Path h2Dir = null;
        HazelcastCluster.Durability durability;
        if (id.equals("hazeljms-h2")) {
            h2Dir = workDir.resolve("h2-data").resolve(UUID.randomUUID().toString());
            durability = HazelcastCluster.Durability.embedded(h2Dir);
        } else {
            durability = HazelcastCluster.Durability.jdbc(postgres().jdbcUrl());
        }
        log.printf("-- Hazelcast cluster: %d member(s), backup count %d, durable store %s%n", members, BACKUP_COUNT,
                id.equals("hazeljms-h2") ? "embedded H2 in " + h2Dir : "PostgreSQL " + durability.store());
        try (HazelcastCluster cluster = HazelcastCluster.start(members, BACKUP_COUNT, durability)) {
            Target t = cluster.hazelJms();
            warmUp(t);
            runLoads(List.of(t), true, results);
        } finally {
            if (h2Dir != null) {
                WorkDirs.deleteTree(h2Dir);
            }
        }
    }

    /** The run's PostgreSQL server, started on first use (initdb under the module's target directory). */
    private PostgresServer postgres() {
        if (postgres == null) {
            if (System.getProperty("basedir") == null && workDir.getParent() != null) {
                // PostgresServer puts its cluster under ${basedir}/target; the work directory is that target
                System.setProperty("basedir", workDir.toAbsolutePath().getParent().toString());
            }
            long began = System.nanoTime();
            postgres = PostgresServer.start();
            log.printf("-- PostgreSQL started on 127.0.0.1:%d in %.1f s (fsync=on, synchronous_commit=on), data in %s%n",
                    postgres.port(), (System.nanoTime() - began) / 1e9, postgres.directory());
        }
        return postgres;
    }

    /**
     * One load on each of the targets side by side: each gets a fresh queue, producers, consumers and a warm-up;
     * then the targets take turns for {@code rounds} throughput phases, so a slow moment of the machine falls on
     * all of them alike, and the round with the median end-to-end rate is reported. Last, each target runs a
     * latency phase paced at half that rate, with the same producers and consumers.
     */
    private void runLoads(List<Target> on, boolean persistent, Results results) throws InterruptedException {
        for (int[] topology : TOPOLOGIES) {
            long began = System.nanoTime();
            for (Results.Row row : runLoad(on, persistent, topology[0], topology[1])) {
                log.printf("   %-13s %dm %-19s n=%-6d %7.0f send/s %7.0f e2e/s (rounds %s) | at %6.0f/s p50 %7.1f "
                                + "p99 %8.1f p99.9 %8.1f us gc %4d ms %s%n",
                        row.target(), row.members(), row.load(), row.count(), row.sendRate(), row.endToEndRate(),
                        roundsText(row.roundRates()), row.latencyRate(), row.p50Micros(), row.p99Micros(),
                        row.p999Micros(), row.gcMillis(), row.ok() ? "" : "FAILED: " + row.problem());
                results.rows.add(row);
            }
            log.printf("   (%.1f s)%n", (System.nanoTime() - began) / 1e9);
        }
    }

    public List<Results.Row> runLoad(List<Target> on, boolean persistent, int producers, int consumers)
            throws InterruptedException {
        Map<Target, OpenLoad> open = new LinkedHashMap<>();
        Map<Target, String> problems = new HashMap<>();
        Map<Target, Integer> counts = new HashMap<>();
        Map<Target, List<LoadRunner.Phase>> rounds = new HashMap<>();
        try {
            for (Target t : on) {
                try {
                    OpenLoad load = new OpenLoad(t, t.queueName("bench-" + t.id() + "-" + queues.incrementAndGet()),
                            persistent, producers, consumers, runner, log);
                    open.put(t, load);
                    counts.put(t, warm(load));
                    rounds.put(t, new ArrayList<>());
                } catch (PhaseFailed e) {
                    problems.put(t, "warm-up: " + e.getMessage());
                } catch (Exception e) {
                    problems.put(t, e.toString());
                }
            }
            for (int r = 0; r < settings.rounds(); r++) {
                for (Target t : on) {
                    if (!problems.containsKey(t)) {
                        LoadRunner.Phase phase = open.get(t).run(counts.get(t), 0);
                        if (phase.ok()) {
                            rounds.get(t).add(phase);
                        } else {
                            problems.put(t, phase.problem());
                        }
                    }
                }
            }
            List<Results.Row> rows = new ArrayList<>();
            for (Target t : on) {
                rows.add(problems.containsKey(t)
                        ? failed(t, persistent, producers, consumers, problems.get(t))
                        : latency(open.get(t), counts.get(t), rounds.get(t)));
            }
            return rows;
        } finally {
            open.values().forEach(OpenLoad::close);
        }
    }

    /** A probe, then warm-up messages; returns the message count of a throughput round at the rate seen. */
    private int warm(OpenLoad load) throws InterruptedException, PhaseFailed {
        LoadRunner.Phase probe = load.run(settings.probe(), 0);
        if (!probe.ok()) {
            throw new PhaseFailed(probe.problem());
        }
        double warmRate = probe.endToEndRate();
        int warmup = settings.warmupCount(warmRate);
        if (warmup > 0) {
            LoadRunner.Phase warm = load.run(warmup, 0);
            if (!warm.ok()) {
                throw new PhaseFailed(warm.problem());
            }
            warmRate = warm.endToEndRate();
        }
        return settings.measuredCount(warmRate);
    }

    /** The row of a load whose throughput rounds all passed: the median round, then the latency phase. */
    private Results.Row latency(OpenLoad load, int count, List<LoadRunner.Phase> rounds) throws InterruptedException {
        List<LoadRunner.Phase> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(LoadRunner.Phase::endToEndRate));
        LoadRunner.Phase median = sorted.get(sorted.size() / 2);
        double rate = median.endToEndRate() / 2;
        int latencyCount = settings.latencyCount(rate);
        LoadRunner.Phase paced = load.run(latencyCount, rate);
        Histogram h = paced.latency();
        Target t = load.target;
        return new Results.Row(t.id(), t.members(), load.persistent, load.producers, load.consumers, count,
                median.sendRate(), median.endToEndRate(), rate, latencyCount,
                micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(99)),
                micros(h.getValueAtPercentile(99.9)), micros(h.getMaxValue()), paced.gcMillis(),
                rounds.stream().map(LoadRunner.Phase::endToEndRate).toList(),
                paced.ok() ? "" : "latency: " + paced.problem());
    }

    static String roundsText(List<Double> rates) {
        return rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).collect(Collectors.joining("/"));
    }

    /** A warm-up phase lost, duplicated or could not move a message. */
    private static final class PhaseFailed extends Exception {
        PhaseFailed(String problem) {
            super(problem);
        }
    }

    /**
     * Warms the JIT up on a target before its first measured load: phases of {@code 5 * probe} messages that
     * cycle through persistent and non-persistent sends from 1 and from 4 producers to 4 consumers, since
     * HazelJMS runs different code for each (synchronous or batched sends, parked or batched claims), until
     * {@code jitSeconds} have passed. A target whose persistent phase takes over a quarter of that time waits
     * for its disk, not for the JIT: it goes on with non-persistent phases only. Nothing is recorded; a failure
     * here shows up again in the measured loads.
     */
    public void warmUp(Target t) throws InterruptedException {
        String queue = t.queueName("bench-jit-" + t.id() + "-" + queues.incrementAndGet());
        List<Target.Sender> persistent = new ArrayList<>();
        List<Target.Sender> nonPersistent = new ArrayList<>();
        List<Target.Receiver> receivers = new ArrayList<>();
        long began = System.nanoTime();
        long until = began + (long) (settings.jitSeconds() * 1e9);
        int phases = 0;
        int size = 5 * settings.probe();
        try {
            for (int i = 0; i < 4; i++) {
                receivers.add(t.receiver(queue));
                persistent.add(t.sender(queue, true));
                nonPersistent.add(t.sender(queue, false));
            }
            boolean persistentToo = true;
            int round = 0;
            do {
                boolean p = persistentToo && round % 2 == 0;
                int n = (round / 2) % 2 == 0 ? 1 : 4;
                round++;
                long phaseBegan = System.nanoTime();
                // every receiver takes part: an idle Artemis consumer would sit on its prefetched messages
                if (!runner.run((p ? persistent : nonPersistent).subList(0, n), receivers,
                        phases * size, size, 0, false).ok()) {
                    break;
                }
                phases++;
                if (p && System.nanoTime() - phaseBegan > (until - began) / 4) {
                    persistentToo = false; // a broker waiting for its disk: that is not JIT warm-up
                }
            } while (System.nanoTime() < until);
        } catch (Exception e) {
            log.println("   (warm-up of " + t.id() + " failed: " + e + ")");
        } finally {
            closeAll(persistent);
            closeAll(nonPersistent);
            closeAll(receivers);
            try {
                t.dispose(queue);
            } catch (Exception e) {
                // a queue left behind goes with its deployment
            }
        }
        log.printf("   %-13s JIT warm-up: %d x %d messages (%.1f s)%n", t.id(), phases, size,
                (System.nanoTime() - began) / 1e9);
    }

    /**
     * Heap held by {@code heapCount} queued 1 KiB non-persistent messages: used heap after full GCs before
     * sending and after every message is on the queue (its depth says so), without any consumer. Everything
     * runs in this JVM, so on two members it counts the primary copy and the backup copy.
     */
    public Results.HeapRow heap(Target t) throws InterruptedException {
        String queue = t.queueName("bench-heap-" + t.id() + "-" + queues.incrementAndGet());
        int count = settings.heapCount();
        List<Target.Sender> senders = new ArrayList<>();
        String problem = "";
        long before = 0;
        long after = 0;
        try {
            for (int i = 0; i < HEAP_PRODUCERS; i++) {
                senders.add(t.sender(queue, false));
            }
            before = LoadRunner.usedHeapAfterGc();
            LoadRunner.Phase fill = runner.run(senders, List.of(), 0, count, 0, false);
            if (!fill.ok()) {
                problem = fill.problem();
            } else {
                // asynchronous sends (Artemis non-persistent) may still be on their way
                long deadline = System.nanoTime() + settings.stallMillis() * 1_000_000L;
                long depth;
                while ((depth = t.depth(queue)) < count && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                if (depth != count) {
                    problem = "queue depth " + depth + " after sending " + count;
                }
                after = LoadRunner.usedHeapAfterGc();
            }
        } catch (Exception e) {
            problem = e.toString();
        } finally {
            closeAll(senders);
            try {
                t.dispose(queue);
            } catch (Exception e) {
                log.println("   (could not drop " + queue + ": " + e + ")");
            }
        }
        Results.HeapRow row = new Results.HeapRow(t.id(), t.members(), count, before, after, problem);
        log.printf("   %-13s %dm heap: %.1f MiB per 100k queued (%.0f bytes/message, %d queued) %s%n", row.target(),
                row.members(), row.mibPer100k(), row.bytesPerMessage(), count, row.ok() ? "" : "FAILED: " + problem);
        return row;
    }

    private Results.Row failed(Target t, boolean persistent, int producers, int consumers, String problem) {
        return new Results.Row(t.id(), t.members(), persistent, producers, consumers, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), problem);
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    private void closeAll(List<? extends AutoCloseable> list) {
        OpenLoad.closeAll(list, log);
    }
}
