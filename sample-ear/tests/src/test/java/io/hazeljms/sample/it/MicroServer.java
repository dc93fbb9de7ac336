package io.hazeljms.sample.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Payara Micro in its own process, started the way the README starts the demo, with two additions for tests:
 * its HTTP port is a free one from 18480 up, and the resource adapter gets a cluster name and port range of its own
 * ({@code create-resource-adapter-config} before the RAR is deployed), so that the test never joins a HazelJMS
 * cluster some other build on the machine has started with the defaults.
 *
 * <p>Archives are deployed in the order given through a {@code --postbootcommandfile}; {@link #start} returns
 * when Micro printed its "ready in" line and every archive reported "was successfully deployed" (it reads the
 * output; it never sleeps), and fails if the process exits or a deployment fails. The whole output goes to
 * {@code target/micro-logs/<name>.log}.
 */
final class MicroServer implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Payara Micro .* ready in ([\\d,.]+) \\(ms\\)");

    private final String name;
    private final Process process;
    private final int httpPort;
    private final Path logFile;
    private final CompletableFuture<Duration> ready = new CompletableFuture<>();

    private MicroServer(String name, Process process, int httpPort, Path logFile) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.logFile = logFile;
    }

    /**
     * The Payara Micro the build runs these tests on: system property {@code sample.micro.jar} (failsafe runs the
     * Micro tests once with Payara Micro 6 and once with 7), else {@code payara-micro.jar} in {@code sample.it.dir}.
     * Micro runs on the java of this JVM, which for Payara 7 the build makes a Java 21+.
     */
    static Path microJar() {
        String jar = System.getProperty("sample.micro.jar");
        return jar != null ? Paths.get(jar)
                : Paths.get(System.getProperty("sample.it.dir", "target/it")).resolve("payara-micro.jar");
    }

    /**
     * Starts Micro with {@code archives} deployed in that order.
     *
     * @param raCluster cluster name for the resource adapter {@code hazeljms-ra} (its first archive)
     * @param raPort    first port of the resource adapter's Hazelcast member
     */
    static MicroServer start(String name, Path microJar, String raCluster, int raPort, Duration timeout,
                             Path... archives) throws IOException, InterruptedException {
        // the sample's mailbox under target/, not in java.io.tmpdir; one per cluster name, like the durable store:
        // the campaigns on record and the repaired mailboxes of one run are not the next run's
        Path outbox = Paths.get(System.getProperty("micro.logs.dir", "target/micro-logs"))
                .resolveSibling("outbox-" + raCluster);
        return start(name, microJar, raCluster, raPort, 18480,
                List.of("-Dhazeljms.sample.outbox.dir=" + outbox.toAbsolutePath()), timeout, archives);
    }

    /**
     * As {@link #start(String, Path, String, int, Duration, Path...)}, with the HTTP port the first free one from
     * {@code firstHttpPort} (give instances started at the same time ranges of their own) and {@code jvmOptions}
     * (e.g. {@code -Dname=value}) before {@code -jar}.
     */
    static MicroServer start(String name, Path microJar, String raCluster, int raPort, int firstHttpPort,
                             List<String> jvmOptions, Duration timeout, Path... archives)
            throws IOException, InterruptedException {
        // the durable store is on (the default): its files under target/, one per cluster name
        Path store = logDir().resolveSibling("durable-store").toAbsolutePath();
        return start(name, microJar, List.of(), "clusterName=" + raCluster + ":port=" + raPort
                + ":durableStoreDirectory=" + store, firstHttpPort, jvmOptions, timeout, archives);
    }

    /**
     * As above, with asadmin {@code setupCommands} run before the resource adapter is configured with
     * {@code raProperties} ({@code create-resource-adapter-config --property} syntax) and the archives deployed.
     */
    static MicroServer start(String name, Path microJar, List<String> setupCommands, String raProperties,
                             int firstHttpPort, List<String> jvmOptions, Duration timeout, Path... archives)
            throws IOException, InterruptedException {
        try {
            return startOnce(name, microJar, setupCommands, raProperties, firstHttpPort, jvmOptions, timeout,
                    archives);
        } catch (StartHung e) {
            // Payara's own start sometimes deadlocks in HK2 (Payara 7: run-level threads parked on the service
            // locator's lock) or dies in it (Payara 6: a ConcurrentModificationException in its metrics service),
            // both seen in CI on a loaded machine: that is the platform, so start it once more
            System.out.println(e.getMessage() + "; starting it once more");
            return startOnce(name + "-again", microJar, setupCommands, raProperties, firstHttpPort, jvmOptions,
                    timeout, archives);
        }
    }

    /** A Micro that exited, or printed no "ready" line within the timeout (its threads dumped next to its log). */
    static final class StartHung extends IllegalStateException {
        StartHung(String message) {
            super(message);
        }
    }

    private static MicroServer startOnce(String name, Path microJar, List<String> setupCommands,
                                         String raProperties, int firstHttpPort, List<String> jvmOptions,
                                         Duration timeout, Path... archives)
            throws IOException, InterruptedException {
        Path logDir = logDir();
        Files.createDirectories(logDir);
        int port = freePortFrom(firstHttpPort);
        Path preboot = logDir.resolve(name + "-preboot.asadmin");
        Path postboot = logDir.resolve(name + "-postboot.asadmin");
        Files.writeString(preboot, "set configs.config.server-config.network-config.network-listeners"
                + ".network-listener.http-listener.address=127.0.0.1\n");
        StringBuilder commands = new StringBuilder();
        setupCommands.forEach(c -> commands.append(c).append('\n'));
        commands.append("create-resource-adapter-config --property ").append(raProperties).append(" hazeljms-ra\n");
        List<String> names = new ArrayList<>();
        for (Path archive : archives) {
            if (!Files.isRegularFile(archive)) {
                throw new IllegalArgumentException("no archive at " + archive.toAbsolutePath());
            }
            commands.append("deploy ").append(archive.toAbsolutePath()).append('\n');
            String file = archive.getFileName().toString();
            names.add(file.substring(0, file.lastIndexOf('.')));
        }
        Files.writeString(postboot, commands);

        // C1-only JIT and serial GC: Micro starts on about half the CPU (as in tests/), and the build starts
        // ten of them (Payara 6 and 7); the campaigns here are short enough not to miss C2
        List<String> cmd = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.net.preferIPv4Stack=true",
                "-Dhazelcast.socket.bind.any=false", "-Dhazelcast.phone.home.enabled=false"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of(
                "-jar", microJar.toAbsolutePath().toString(),
                "--nohazelcast", "--interfaces", "127.0.0.1",
                "--port", Integer.toString(port), "--disablephonehome",
                "--prebootcommandfile", preboot.toString(),
                "--postbootcommandfile", postboot.toString()));
        Path logFile = logDir.resolve(name + ".log");
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        MicroServer micro = new MicroServer(name, process, port, logFile);
        Thread pump = new Thread(() -> micro.pump(names), "micro-output-" + name);
        pump.setDaemon(true);
        pump.start();
        try {
            micro.ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return micro;
        } catch (ExecutionException e) {
            micro.close();
            throw new StartHung(e.getCause().getMessage()); // also Payara's own: e.g. its metrics service failing
        } catch (TimeoutException e) {
            Path threads = micro.dumpThreads(logDir.resolve(name + "-threads.txt"));
            micro.close();
            throw new StartHung("Micro " + name + " not ready after " + timeout + "; see " + logFile
                    + " and its threads at that moment in " + threads);
        }
    }

    /**
     * Writes the threads of this Micro's JVM to {@code file} (jcmd of the same JDK, at most 30 s): a start that
     * hangs (seen once on Payara 7, stuck after its BackingStoreFactoryRegistry line) shows where.
     */
    private Path dumpThreads(Path file) throws IOException, InterruptedException {
        Path jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd");
        Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                .redirectErrorStream(true).redirectOutput(file.toFile()).start();
        if (!dump.waitFor(30, TimeUnit.SECONDS)) {
            dump.destroyForcibly();
        }
        return file;
    }

    /** {@code http://127.0.0.1:<port>/}. */
    URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    int httpPort() {
        return httpPort;
    }

    Duration reportedStartupTime() {
        return ready.getNow(Duration.ZERO);
    }

    Path logFile() {
        return logFile;
    }

    /** The process id of this Micro's JVM (the process this class started). */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * {@code kill -9} of this Micro's JVM: no shutdown hook, no goodbye to the cluster; returns when the process
     * is gone (at most 30 s).
     */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Micro " + name + " (pid " + process.pid() + ") still alive 30 s after SIGKILL");
        }
    }

    /** SIGTERM (Micro runs its shutdown hooks), at most 30 s, then SIGKILL. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void pump(List<String> archiveNames) {
        StringBuilder seen = new StringBuilder();
        List<String> failures = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.println(line);
                if (ready.isDone()) {
                    continue;
                }
                seen.append(line).append('\n');
                if (line.contains("Boot Command") && line.contains("failed")) {
                    failures.add(line.trim());
                }
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    for (String archive : archiveNames) {
                        if (seen.indexOf(archive + " was successfully deployed") < 0) {
                            failures.add(archive + " was not deployed");
                        }
                    }
                    if (failures.isEmpty()) {
                        ready.complete(Duration.ofMillis(Long.parseLong(m.group(1).replaceAll("[,.]", ""))));
                    } else {
                        ready.completeExceptionally(new IllegalStateException("Micro " + name
                                + " started with failures " + failures + "; see " + logFile));
                    }
                }
            }
            ready.completeExceptionally(new IllegalStateException("Micro " + name + " exited before it was ready "
                    + failures + "; see " + logFile));
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
        }
    }

    /** The first port from {@code first} on that is free on 127.0.0.1. */
    static Path logDir() {
        return Paths.get(System.getProperty("micro.logs.dir", "target/micro-logs"));
    }

    static int freePortFrom(int first) {
        for (int port = first; port < first + 100; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException busy) {
                // next
            }
        }
        throw new UncheckedIOException(new IOException("no free port in " + first + ".." + (first + 99)));
    }
}
