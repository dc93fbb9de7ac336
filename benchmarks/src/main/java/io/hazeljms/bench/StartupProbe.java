package io.hazeljms.bench;

import io.hazeljms.jms.HazelcastConnectionFactory;
import io.hazeljms.jms.config.ProviderConfig;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Start-up: from nothing to a first connection that has sent and received one persistent message, each run in a
 * fresh JVM (class loading is most of it), the targets taking turns run by run; the median per target.
 * Targets: HazelJMS with an embedded member alone in its cluster, without a durable store and with the default
 * one (H2 in a file), and an embedded Artemis broker (persistent journal, its default) over its in-VM connector.
 * Timed from the child's {@code main}; the JVM's own start (the same for all) is printed beside it.
 */
final class StartupProbe {

    static final List<String> TARGETS = List.of("hazeljms", "hazeljms-h2", "artemis-invm");
    /** The embedded member's first port; its default member list is this port … +9, none of which answers. */
    private static final int PORT = 5970;
    private static final String RESULT = "STARTUP ";
    private static final long CHILD_TIMEOUT_SECONDS = 120;

    private StartupProbe() {
    }

    /** Runs {@code runs} fresh JVMs per target and prints the medians; false if a run failed. */
    static boolean run(int runs, Path workDir, PrintStream out) throws Exception {
        out.printf("%nStart-up (fresh JVM per run, %d runs per target, median): main() to one message sent and"
                + " received%n", runs);
        Map<String, List<long[]>> times = new LinkedHashMap<>();
        TARGETS.forEach(t -> times.put(t, new ArrayList<>()));
        for (int run = 0; run < runs; run++) {
            for (String target : TARGETS) {
                long[] measured = child(target, workDir, out);
                if (measured == null) {
                    return false;
                }
                times.get(target).add(measured);
            }
        }
        long artemis = median(times.get("artemis-invm"), 0);
        for (Map.Entry<String, List<long[]>> e : times.entrySet()) {
            long ms = median(e.getValue(), 0);
            out.printf("  %-13s %6d ms  (CPU %5d ms; JVM start to message %5d ms; runs %s)%s%n", e.getKey(), ms,
                    median(e.getValue(), 2), median(e.getValue(), 1),
                    e.getValue().stream().map(t -> String.valueOf(t[0])).toList(),
                    e.getKey().equals("artemis-invm") ? "" : String.format("  %.2f × Artemis's time", ms / (double) artemis));
        }
        return true;
    }

    private static long median(List<long[]> runs, int field) {
        long[] sorted = runs.stream().mapToLong(t -> t[field]).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    /**
     * One fresh JVM on this class path: {main() → message, JVM start → message, the JVM's CPU time until then}
     * in ms (on a busy machine the CPU time is the steadier figure), null if it failed.
     */
    private static long[] child(String target, Path workDir, PrintStream out) throws Exception {
        Path dir = workDir.resolve("startup").resolve(UUID.randomUUID().toString());
        Files.createDirectories(dir);
        Path log = dir.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", classPath(), "-Dhazelcast.phone.home.enabled=false",
                StartupProbe.class.getName(), target, dir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            List<String> lines = Files.readAllLines(log);
            for (String line : lines) {
                if (line.startsWith(RESULT) && p.exitValue() == 0) {
                    String[] f = line.substring(RESULT.length()).trim().split(" ");
                    return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])};
                }
            }
            out.printf("start-up run of %s failed (exit %s); its output:%n", target,
                    p.isAlive() ? "none, killed" : p.exitValue());
            lines.stream().skip(Math.max(0, lines.size() - 40)).forEach(l -> out.println("  | " + l));
            return null;
        } finally {
            WorkDirs.deleteTree(dir);
        }
    }

    /** The class path the harness runs on: exec:java's class loader, or the JVM's own when run from a jar. */
    private static String classPath() throws URISyntaxException {
        if (StartupProbe.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                entries.add(Path.of(url.toURI()).toString());
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    /** The child: starts the target, sends and receives one message, prints {@value #RESULT} and its times. */
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        BenchMain.quietLogging();
        String target = args[0];
        Path dir = Path.of(args[1]);
        if (target.equals("artemis-invm")) {
            try (ArtemisBroker broker = ArtemisBroker.start(true, dir);
                 ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0")) {
                roundTrip(factory, start);
            }
        } else {
            ProviderConfig config = ProviderConfig.builder()
                    .clusterName("startup-" + UUID.randomUUID()).port(PORT)
                    .durableStore(target.equals("hazeljms-h2") ? "embedded" : "off")
                    .durableStoreDirectory(dir.resolve("h2").toString())
                    .build();
            HazelcastConnectionFactory factory = new HazelcastConnectionFactory(config);
            try {
                roundTrip(factory, start);
            } finally {
                factory.close();
            }
        }
        System.exit(0);
    }

    private static void roundTrip(ConnectionFactory factory, long start) throws JMSException, IOException {
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("startup");
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(session.createTextMessage("first"));
            Message received = session.createConsumer(queue).receive(30_000);
            if (received == null) {
                throw new IllegalStateException("the message sent was not received within 30 s");
            }
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1_000_000;
            System.out.println(RESULT + elapsed + " " + ManagementFactory.getRuntimeMXBean().getUptime() + " " + cpu);
        }
    }
}
