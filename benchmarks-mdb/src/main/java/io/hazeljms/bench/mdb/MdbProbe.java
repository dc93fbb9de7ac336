package io.hazeljms.bench.mdb;

import org.apache.activemq.artemis.api.core.client.ActiveMQClient;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The MDB probe: for each target in turn, Payara Micro with its resource adapter and the MDB application; the
 * queue filled from outside with N persistent 1 KiB messages while the pool's deliveries wait at a gate; then the
 * gate opens and the pool of {@value MdbTarget#MAX_SESSION} sessions consumes, each message in a container
 * transaction. A warm-up round of the same shape comes first (the JIT: a cold drain measured a third of a warm
 * one). The figure is the steady rate, from the 10 % to the 90 % mark of N; the whole drain's rate is
 * printed beside it. One Micro at a time, so the two never share the machine.
 *
 * <pre>
 * --messages N   messages in the measured round, per target (default 20000)
 * --warmup M     messages in the warm-up round before it (default N; 0: none)
 * --targets L    some of hazeljms,artemis,hazeljms-memory (default hazeljms,artemis, in that order;
 *                hazeljms-memory: HazelJMS with its durable store off)
 * </pre>
 * System properties: {@code mdb.dir} (payara-micro.jar, hazeljms-ra.rar, artemis-ra.rar; default
 * benchmarks-mdb/target/mdb), {@code bench.workdir} (logs, stores, journal; default its parent).
 */
public final class MdbProbe {

    static final List<String> TARGETS = List.of("hazeljms", "artemis");
    /** Also accepted by --targets: HazelJMS with its durable store off, to see what the store costs. */
    static final String HAZELJMS_MEMORY = "hazeljms-memory";

    /** One target's run. */
    record Result(String id, String describe, long messages, long consumed, long redelivered, long malformed,
                  long left, double steadyRate, double wholeRate, double fillRate, String load) {

        boolean ok() {
            return consumed == messages && malformed == 0 && left <= 0;
        }
    }

    private final Path mdbDir;
    private final Path workDir;
    private final PrintStream out;
    /** One per Micro (the next one may get the same port: no pooled connection to the last may be reused). */
    private HttpClient http;

    MdbProbe(Path mdbDir, Path workDir, PrintStream out) {
        this.mdbDir = mdbDir;
        this.workDir = workDir;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int messages = 20_000;
        Integer warmup = null;
        List<String> targets = TARGETS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--messages" -> messages = parseMessages(value(args, ++i));
                case "--warmup" -> warmup = parseWarmup(value(args, ++i));
                case "--targets" -> targets = parseTargets(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected --messages N, --targets hazeljms,artemis");
            }
        }
        Path mdbDir = Path.of(System.getProperty("mdb.dir", "benchmarks-mdb/target/mdb"));
        Path workDir = Path.of(System.getProperty("bench.workdir", mdbDir.toAbsolutePath().getParent().toString()));
        List<Result> results;
        try {
            results = new MdbProbe(mdbDir, workDir, System.out).run(messages, warmup == null ? messages : warmup,
                    targets);
        } finally {
            // Artemis' client-side global pools keep non-daemon threads alive for a minute after use
            ActiveMQClient.clearThreadPools(10, TimeUnit.SECONDS);
        }
        if (!results.stream().allMatch(Result::ok)) {
            throw new IllegalStateException("a target did not consume every message once: " + results);
        }
    }

    static int parseMessages(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 100 && n <= 10_000_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--messages takes a count from 100 to 10000000, was " + s);
    }

    static int parseWarmup(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n == 0 || n >= 100 && n <= 10_000_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--warmup takes 0 (none) or a count from 100 to 10000000, was " + s);
    }

    static List<String> parseTargets(String list) {
        List<String> targets = new ArrayList<>();
        for (String t : list.split(",")) {
            if (!TARGETS.contains(t.trim()) && !t.trim().equals(HAZELJMS_MEMORY)) {
                throw new IllegalArgumentException("unknown target " + t.trim() + ", expected some of "
                        + String.join(",", TARGETS) + "," + HAZELJMS_MEMORY);
            }
            targets.add(t.trim());
        }
        return targets;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** Runs the targets one after the other, prints each and the ratio, returns the results. */
    List<Result> run(int messages, int warmup, List<String> targets) throws Exception {
        Logger.getLogger("com.hazelcast").setLevel(Level.WARNING);
        Logger.getLogger("org.apache.activemq").setLevel(Level.WARNING);
        out.printf("%nMDB on Payara Micro (%s): maxSession %d, container-managed transaction per delivery; per"
                        + " target a warm-up round of %,d and a measured round of %,d persistent 1 KiB messages%n",
                mdbDir.resolve("payara-micro.jar").getFileName(), MdbTarget.MAX_SESSION, warmup, messages);
        List<Result> results = new ArrayList<>();
        for (String id : targets) {
            Result r = runOne(id.equals("artemis")
                    ? new ArtemisOnMicro(mdbDir.resolve("artemis-ra.rar"), workDir)
                    : new HazelJmsOnMicro(mdbDir.resolve("hazeljms-ra.rar"), workDir, id.equals("hazeljms")),
                    messages, warmup);
            results.add(r);
            out.printf("  %-9s steady %,9.0f msg/s (10%%→90%%), whole drain %,9.0f msg/s; filled at %,.0f msg/s;"
                            + " consumed %,d of %,d, redelivered %d, malformed %d, left in the broker %s; load %s%n"
                            + "    (%s)%n", r.id(), r.steadyRate(), r.wholeRate(), r.fillRate(), r.consumed(),
                    r.messages(), r.redelivered(), r.malformed(), r.left() < 0 ? "not visible" : r.left(), r.load(),
                    r.describe());
        }
        Result artemis = results.stream().filter(r -> r.id().equals("artemis")).findFirst().orElse(null);
        for (Result r : results) {
            if (artemis != null && r != artemis && artemis.steadyRate() > 0 && artemis.wholeRate() > 0) {
                out.printf("  ratio %s ÷ artemis: %.2f × (steady), %.2f × (whole drain)%n", r.id(),
                        r.steadyRate() / artemis.steadyRate(), r.wholeRate() / artemis.wholeRate());
            }
        }
        return results;
    }

    private Result runOne(MdbTarget target, int messages, int warmup) throws Exception {
        Path logs = workDir.resolve("mdb-logs");
        try (target) {
            target.startBroker();
            Path war = MdbApp.write(workDir.resolve("mdb-apps").resolve("mdb-" + target.id() + ".war"),
                    target.activation());
            try (MicroProcess micro = MicroProcess.start("mdb-" + target.id(), mdbDir.resolve("payara-micro.jar"),
                    logs, target.setupCommands(), Duration.ofMinutes(5), target.rar(), war)) {
                String tally = "/mdb-" + target.id() + "/tally";
                http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                try {
                    if (warmup > 0) {
                        Result warm = round(target, micro, tally, warmup);
                        out.printf("  %-9s warm-up: steady %,9.0f msg/s, whole drain %,9.0f msg/s; load %s%n",
                                target.id(), warm.steadyRate(), warm.wholeRate(), warm.load());
                        if (!warm.ok()) {
                            return warm;
                        }
                        send(HttpRequest.newBuilder(micro.uri(tally + "?close"))
                                .POST(HttpRequest.BodyPublishers.noBody()), 30);
                    }
                    return round(target, micro, tally, messages);
                } finally {
                    // while the broker runs: a HazelJMS client does not close once its cluster is gone
                    target.closeProducer();
                }
            }
        }
    }

    /** One round: fill the queue with {@code messages} while the gate is closed, open it, wait for the drain. */
    private Result round(MdbTarget target, MicroProcess micro, String tally, int messages) throws Exception {
        long fillNanos = QueueFiller.fill(target.producerFactory(), MdbTarget.QUEUE, messages,
                Math.max(300, messages / 50));
        String loadBefore = loadAverage();
        send(HttpRequest.newBuilder(micro.uri(tally + "?expect=" + messages))
                .POST(HttpRequest.BodyPublishers.noBody()), 30);
        long awaitSeconds = Math.max(120, messages / 20);
        String[] f = send(HttpRequest.newBuilder(micro.uri(tally + "?awaitSeconds=" + awaitSeconds)).GET(),
                awaitSeconds + 30).trim().split(" ");
        long consumed = Long.parseLong(f[0]);
        long steadyNanos = Long.parseLong(f[5]);
        long wholeNanos = Long.parseLong(f[6]);
        String loadAfter = loadAverage();
        return new Result(target.id(), target.describe(), messages, consumed, Long.parseLong(f[1]),
                Long.parseLong(f[2]), settled(target),
                steadyNanos == 0 ? 0 : (messages - 2L * (messages / 10)) / (steadyNanos / 1e9),
                wholeNanos == 0 ? 0 : consumed / (wholeNanos / 1e9),
                messages / (fillNanos / 1e9), loadBefore + " before the drain, " + loadAfter + " after");
    }

    /**
     * What is left in the broker once the last delivery returned: its transaction commits just after, so this asks
     * again for up to 30 s (the broker offers no event for a queue becoming empty).
     */
    private static long settled(MdbTarget target) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long left = target.leftInQueue();
        while (left > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
            left = target.leftInQueue();
        }
        return left;
    }

    /** The machine's 1-minute load average (other builds share it: figures taken at load 10 are not at 1). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private String send(HttpRequest.Builder request, long timeoutSeconds) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(timeoutSeconds)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

}
