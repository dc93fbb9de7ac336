package io.hazeljms.bench;

import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnector;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The benchmark's command line:
 * <pre>
 * --mode quick|full        message counts (default quick: under two minutes on 2 cores)
 * --targets a,b,...        some of hazeljms,hazeljms-h2,hazeljms-pg,iqueue,artemis-invm,artemis-tcp
 *                          (default hazeljms,iqueue,artemis-invm,artemis-tcp: the durable targets need PostgreSQL)
 * --members 1,2            Hazelcast cluster shapes for hazeljms and iqueue (default 1,2)
 * --out DIR                where CSV and PNG files go (default benchmarks/target/results)
 * --startup N              start-up runs per target, each in a fresh JVM (default 3 quick, 7 full; 0 skips)
 * --startup-only           only the start-up probe
 * --multi-queue N          messages per queue in the many-destinations probe: 32 queues × P 4→4 at once, on 1, 2
 *                          and 3 members (default 1000 quick, 10000 full; 0 skips)
 * --multi-queue-members L  its cluster shapes, some of 1,2,3 (default 1,2,3)
 * --multi-queue-only       only the many-destinations probe
 * --selectors N            messages per round in the selector probe: 12 competing consumers with disjoint
 *                          selectors on one queue vs the same load without selectors, on HazelJMS and Artemis
 *                          (default 6000 quick, 30000 full; 0 skips)
 * --selectors-only         only the selector probe
 * --public-api             the selector probe's HazelJMS side through a Hazelcast client (the public-API path)
 * </pre>
 * Exit status 0 when every run moved every message, 1 when a run failed, 2 for bad arguments.
 */
public final class BenchMain {

    /** Held so the level settings are not collected with the loggers. */
    private static final List<Logger> QUIET = new ArrayList<>();

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int status;
        try {
            status = run(args, System.out);
        } finally {
            // Artemis' client-side global pools keep non-daemon threads alive for a minute after use, and
            // exec:java waits for every non-daemon thread before it returns
            ActiveMQClient.clearThreadPools(10, TimeUnit.SECONDS);
            InVMConnector.resetThreadPool();
        }
        reportStragglers(System.out);
        if (status != 0) {
            // exec:java reports a thrown exception as a build failure, which is what a failed run should be
            throw new IllegalStateException("benchmark finished with status " + status);
        }
    }

    /** Runs the benchmark; returns the exit status. */
    public static int run(String[] args, PrintStream out) throws Exception {
        String mode = "quick";
        List<String> targets = new ArrayList<>(Benchmark.DEFAULT_TARGETS);
        List<Integer> members = new ArrayList<>(List.of(1, 2));
        Path outDir = defaultOut();
        Double jitSeconds = null;
        Integer startupRuns = null;
        boolean startupOnly = false;
        Integer multiQueue = null;
        List<Integer> multiQueueMembers = MultiQueueProbe.MEMBERS;
        boolean multiQueueOnly = false;
        Integer selectorCount = null;
        boolean selectorsOnly = false;
        boolean publicApi = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--mode" -> mode = value(args, ++i, a);
                    case "--targets" -> targets = parseTargets(value(args, ++i, a));
                    case "--members" -> members = parseMembers(value(args, ++i, a));
                    case "--out" -> outDir = Path.of(value(args, ++i, a));
                    case "--jit-seconds" -> jitSeconds = parseSeconds(value(args, ++i, a));
                    case "--startup" -> startupRuns = parseRuns(value(args, ++i, a));
                    case "--startup-only" -> startupOnly = true;
                    case "--multi-queue" -> multiQueue = parseCount(value(args, ++i, a));
                    case "--multi-queue-members" -> multiQueueMembers = MultiQueueProbe.parseMembers(value(args, ++i, a));
                    case "--multi-queue-only" -> multiQueueOnly = true;
                    case "--selectors" -> selectorCount = parseSelectorCount(value(args, ++i, a));
                    case "--selectors-only" -> selectorsOnly = true;
                    case "--public-api" -> publicApi = true;
                    case "-h", "--help" -> {
                        usage(out);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + a);
                }
            }
            Settings.of(mode);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            usage(out);
            return 2;
        }
        System.setProperty("java.awt.headless", "true");
        System.setProperty("hazelcast.phone.home.enabled", "false");
        quietLogging();
        Settings settings = jitSeconds == null ? Settings.of(mode) : Settings.of(mode).withJitSeconds(jitSeconds);
        if (multiQueueOnly) {
            out.printf("HazelJMS benchmark: mode %s, many-destinations probe only%n", mode);
        } else if (selectorsOnly) {
            out.printf("HazelJMS benchmark: mode %s, selector probe only%n", mode);
        } else {
            out.printf("HazelJMS benchmark: mode %s, targets %s, Hazelcast shapes %s member(s), results to %s%n",
                    mode, targets, members, outDir.toAbsolutePath());
        }
        out.printf("JVM %s, %d CPUs, max heap %d MiB%n", System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        // Artemis' journal goes under the module's target directory (or next to --out when run elsewhere)
        String buildDir = System.getProperty("bench.workdir");
        Path absoluteOut = outDir.toAbsolutePath();
        Path workDir = buildDir != null ? Path.of(buildDir)
                : absoluteOut.getParent() != null ? absoluteOut.getParent() : absoluteOut;
        int perQueue = multiQueue != null ? multiQueue : mode.equals("full") ? 10_000 : 1_000;
        int perRound = selectorCount != null ? selectorCount : mode.equals("full") ? 30_000 : 6_000;
        if (multiQueueOnly) {
            return multiQueue(settings, perQueue, multiQueueMembers, out) ? 0 : 1;
        }
        if (selectorsOnly) {
            return selectors(settings, perRound, workDir, out, publicApi) ? 0 : 1;
        }
        int runs = startupRuns != null ? startupRuns : mode.equals("full") ? 7 : 3;
        boolean startupOk = runs == 0 || StartupProbe.run(runs, workDir, out);
        if (startupOnly) {
            return startupOk ? 0 : 1;
        }
        boolean multiQueueOk = multiQueue(settings, perQueue, multiQueueMembers, out);
        boolean selectorsOk = selectors(settings, perRound, workDir, out, publicApi);
        Results results = new Benchmark(settings, targets, members, workDir, out).run();
        Report report = new Report(results);
        report.print(out);
        for (Path p : report.write(outDir)) {
            out.println("wrote " + p);
        }
        return results.allOk() && startupOk && multiQueueOk && selectorsOk ? 0 : 1;
    }

    /** The selector probe ({@code perRound} 0 skips it); false if a load failed. */
    static boolean selectors(Settings settings, int perRound, Path workDir, PrintStream out, boolean publicApi)
            throws Exception {
        return perRound == 0 || new SelectorProbe(perRound, settings, workDir, out, publicApi).run().ok();
    }

    static int parseSelectorCount(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 0 && n <= 1_000_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--selectors takes messages per round from 0 to 1000000, was " + s);
    }

    /** The many-destinations probe ({@code perQueue} 0 skips it); false if a shape failed. */
    static boolean multiQueue(Settings settings, int perQueue, List<Integer> members, PrintStream out)
            throws Exception {
        if (perQueue == 0) {
            return true;
        }
        return new MultiQueueProbe(32, 4, 4, perQueue, settings, out).run(members).stream()
                .allMatch(MultiQueueProbe.Shape::ok);
    }

    static int parseCount(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 0 && n <= 1_000_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--multi-queue takes messages per queue from 0 to 1000000, was " + s);
    }

    /** Names non-daemon threads still running (exec:java would wait for them): a harness leak to fix. */
    private static void reportStragglers(PrintStream out) throws InterruptedException {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        for (int i = 0; i < 50; i++) {
            List<String> left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !t.isDaemon() && t != Thread.currentThread())
                    .filter(t -> t.getThreadGroup() != null && group.parentOf(t.getThreadGroup()))
                    .map(Thread::getName).toList();
            if (left.isEmpty()) {
                return;
            }
            if (i == 49) {
                out.println("still running (non-daemon): " + left);
            }
            Thread.sleep(100);
        }
    }

    private static Path defaultOut() {
        String workDir = System.getProperty("bench.workdir");
        if (workDir != null) {
            return Path.of(workDir, "results");
        }
        Path module = Path.of("benchmarks");
        return Files.isDirectory(module) ? module.resolve("target/results") : Path.of("target/results");
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    static List<String> parseTargets(String list) {
        List<String> targets = new ArrayList<>();
        for (String t : list.split(",")) {
            String name = t.trim();
            if (!Benchmark.ALL_TARGETS.contains(name)) {
                throw new IllegalArgumentException("unknown target " + name + ", expected some of "
                        + String.join(",", Benchmark.ALL_TARGETS));
            }
            if (!targets.contains(name)) {
                targets.add(name);
            }
        }
        return targets;
    }

    /** {@code --members}: numbers 1 or 2, in the order given. */
    static List<Integer> parseMembers(String list) {
        return parseMembers("--members", list, 2);
    }

    /** Cluster sizes from 1 to {@code max} listed in {@code option}'s value, each once, in the order given. */
    static List<Integer> parseMembers(String option, String list, int max) {
        List<Integer> members = new ArrayList<>();
        for (String m : list.split(",")) {
            int n;
            try {
                n = Integer.parseInt(m.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes numbers 1 to " + max + ", was " + m);
            }
            if (n < 1 || n > max) {
                throw new IllegalArgumentException(option + " takes numbers 1 to " + max + ", was " + n);
            }
            if (!members.contains(n)) {
                members.add(n);
            }
        }
        return members;
    }

    private static void usage(PrintStream out) {
        out.println("usage: BenchMain [--mode quick|full] [--targets " + String.join(",", Benchmark.ALL_TARGETS) + "]"
                + " [--members 1,2] [--jit-seconds S] [--out DIR] [--startup N] [--startup-only]"
                + " [--multi-queue N] [--multi-queue-members 1,2,3] [--multi-queue-only]"
                + " [--selectors N] [--selectors-only] [--public-api]");
    }

    static int parseRuns(String s) {
        try {
            int runs = Integer.parseInt(s);
            if (runs >= 0 && runs <= 50) {
                return runs;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--startup takes a number of runs from 0 to 50, was " + s);
    }

    static double parseSeconds(String s) {
        try {
            double seconds = Double.parseDouble(s);
            if (seconds >= 0 && seconds <= 600) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--jit-seconds takes a number of seconds from 0 to 600, was " + s);
    }

    /** Hazelcast logs through java.util.logging here; keep warnings, drop its INFO chatter. */
    static void quietLogging() {
        for (String name : List.of("com.hazelcast", "io.hazeljms", "org.apache.activemq")) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.SEVERE);
            QUIET.add(logger);
        }
    }
}
