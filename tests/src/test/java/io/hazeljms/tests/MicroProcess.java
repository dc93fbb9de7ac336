package io.hazeljms.tests;

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
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Payara Micro server in its own process, for tests that need several servers at once (two Micro
 * processes on loopback sharing one queue, a server that dies, ...). Arquillian's connector runs only one
 * Micro per deployment, so such tests start their servers with this class:
 *
 * <pre>{@code
 * Map<String, String> cluster = Map.of("clusterName", "two-servers-" + UUID.randomUUID());
 * try (MicroProcess a = MicroProcess.builder().name("a").resourceAdapterConfig("hazeljms-ra", cluster)
 *              .deploy(rar).deploy(war).start();
 *      MicroProcess b = MicroProcess.builder().name("b").resourceAdapterConfig("hazeljms-ra", cluster)
 *              .deploy(rar).deploy(war).start()) {
 *     HttpResponse<String> r = http.send(HttpRequest.newBuilder(a.uri("app/api/send")).build(), ofString());
 *     ...
 * }
 * }</pre>
 *
 * <p>What it guarantees:
 * <ul>
 *   <li><b>Order</b>: archives are deployed in the order given, through a generated
 *       {@code --postbootcommandfile} (one {@code deploy} line each, after any {@link Builder#postBootCommand}),
 *       so a RAR given first is deployed before the applications that use it. A deployed archive's name is its
 *       file name without extension ({@code hazeljms-ra.rar} is the resource adapter {@code hazeljms-ra},
 *       {@code app.war} is served under {@code /app}).</li>
 *   <li><b>Loopback only</b>: HTTP listens on 127.0.0.1 at a free port; Payara's own data grid is bound to
 *       127.0.0.1 in TCP/IP mode (no multicast) under a cluster name of its own, so two processes never join
 *       each other's Payara grid. (The HazelJMS RA forms its own Hazelcast cluster from its config properties:
 *       processes with the same RA config join each other; set them with
 *       {@link Builder#resourceAdapterConfig}.)</li>
 *   <li><b>Readiness</b>: {@link Builder#start()} returns once Micro printed its "Payara Micro ... ready in"
 *       line and every archive reported "was successfully deployed"; it fails if the process exits, a
 *       pre/post-boot command or deployment fails, or the start timeout passes. No sleeping: it waits on the output itself.</li>
 *   <li><b>Logs</b>: everything the process prints goes to {@link #logFile()}
 *       ({@code target/micro-logs/<name>.log} under failsafe, without ANSI colours) and is kept in memory for
 *       {@link #output()} and {@link #awaitOutput}. Generated command files and Micro's temporary runtime
 *       directory sit beside it.</li>
 * </ul>
 * Each process gets {@code -Xmx512m} ({@link Builder#DEFAULT_JVM_OPTIONS}); measured here at about 360 MB
 * resident with the HazelJMS RAR and a small WAR deployed. Starting one takes about 23 s of CPU (11 s for a bare
 * Micro), so 15–30 s of wall time on two cores, and longer while other builds run.
 */
public final class MicroProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Payara Micro .* ready in ([\\d,.]+) \\(ms\\)");
    private static final Pattern COMMAND_FAILED = Pattern.compile("Boot Command \\S+ failed");

    private final String name;
    private final Process process;
    private final int httpPort;
    private final Path logFile;
    private final StringBuffer output = new StringBuffer();
    private final CompletableFuture<Duration> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> outputClosed = new CompletableFuture<>();

    private MicroProcess(String name, Process process, int httpPort, Path logFile) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.logFile = logFile;
    }

    /** A builder whose Micro jar is the system property {@code payara.microJar} (set by the build). */
    public static Builder builder() {
        String jar = System.getProperty("payara.microJar");
        if (jar == null) {
            throw new IllegalStateException("System property payara.microJar is not set (run through failsafe)");
        }
        return builder(Paths.get(jar));
    }

    /** A builder that runs the given {@code payara-micro.jar}. */
    public static Builder builder(Path microJar) {
        return new Builder(microJar);
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    /** {@code path} resolved against {@link #baseUri()}, e.g. {@code uri("app/api/ping")}. */
    public URI uri(String path) {
        return baseUri().resolve(path);
    }

    public int httpPort() {
        return httpPort;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Where this process's whole console output is written. */
    public Path logFile() {
        return logFile;
    }

    /** The console output so far. */
    public String output() {
        return output.toString();
    }

    /** The start time Micro reported on its "ready in N (ms)" line. */
    public Duration reportedStartupTime() {
        return ready.getNow(Duration.ZERO);
    }

    /**
     * Waits until the output contains {@code text}, at most {@code timeout}, re-checking whenever a line arrives.
     *
     * @return whether it appeared in time
     */
    public boolean awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (output) {
            while (output.indexOf(text) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || outputClosed.isDone()) {
                    return output.indexOf(text) >= 0;
                }
                TimeUnit.NANOSECONDS.timedWait(output, left);
            }
            return true;
        }
    }

    /**
     * Stops the server as a shutdown would (SIGTERM, Micro runs its shutdown hooks), waits up to 30 s, then
     * kills it and waits up to 10 s more.
     */
    public void stop() {
        stop(Duration.ofSeconds(30));
    }

    /** Stops gracefully within {@code grace}, then kills. */
    public void stop(Duration grace) {
        process.destroy();
        waitForExit(grace);
    }

    /** Kills the server at once (SIGKILL), as a crash would, and waits up to 10 s for it to be gone. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ZERO);
    }

    private void waitForExit(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("Micro process " + name + " (pid " + pid() + ") did not exit");
                }
            }
            outputClosed.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (ExecutionException | TimeoutException e) {
            // The output pump only copies; the process is gone, which is what matters here.
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "MicroProcess[" + name + ", pid " + pid() + ", " + baseUri() + "]";
    }

    /** Reads the process's output: log file, memory copy, readiness and deployment failures. */
    private void pump(List<String> archiveNames) {
        List<String> failures = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                     new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.println(line);
                synchronized (output) {
                    output.append(line).append('\n');
                    output.notifyAll();
                }
                if (COMMAND_FAILED.matcher(line).find()) {
                    failures.add(line);
                }
                Matcher m = READY.matcher(line);
                if (m.find() && !ready.isDone()) {
                    for (String archive : archiveNames) {
                        if (output.indexOf(archive + " was successfully deployed") < 0) {
                            failures.add(archive + " was not deployed");
                        }
                    }
                    if (failures.isEmpty()) {
                        ready.complete(Duration.ofMillis(Long.parseLong(m.group(1).replaceAll("[,.]", ""))));
                    } else {
                        ready.completeExceptionally(new IllegalStateException(
                                "Micro " + name + " started with failed commands or deployments " + failures
                                        + "; see " + logFile));
                    }
                }
            }
            ready.completeExceptionally(new IllegalStateException(
                    "Micro " + name + " exited before it was ready" + (failures.isEmpty() ? "" : " " + failures)
                            + "; see " + logFile));
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
        } finally {
            synchronized (output) {
                outputClosed.complete(null);
                output.notifyAll();
            }
        }
    }

    /** Options of one Micro process; {@link #start()} launches it. */
    public static final class Builder {

        /**
         * JVM options unless replaced: 512 MB heap; C1-only JIT and serial GC, which halve Micro's start-up CPU
         * (test code does not run long enough to profit from C2); IPv4; Hazelcast bound to the given interface
         * only and without phone-home.
         */
        public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.net.preferIPv4Stack=true",
                "-Dhazelcast.socket.bind.any=false", "-Dhazelcast.phone.home.enabled=false");

        private final Path microJar;
        private String name = "micro";
        private final List<Path> archives = new ArrayList<>();
        private final List<String> jvmOptions = new ArrayList<>(DEFAULT_JVM_OPTIONS);
        private final List<String> microOptions = new ArrayList<>();
        private final StringBuilder logLevels = new StringBuilder();
        private final List<String> postBootCommands = new ArrayList<>();
        private int httpPort;
        private Path logDir = Paths.get(System.getProperty("micro.logs.dir", "target/micro-logs"));
        private Duration startTimeout = Duration.ofSeconds(180);

        private Builder(Path microJar) {
            this.microJar = Objects.requireNonNull(microJar);
        }

        /** Name for the log file and the Micro instance (default {@code micro}). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Deploys {@code archive} (a .rar or .war) after the ones given before it. */
        public Builder deploy(Path archive) {
            if (!Files.isRegularFile(archive)) {
                throw new IllegalArgumentException("No archive at " + archive.toAbsolutePath());
            }
            archives.add(archive.toAbsolutePath());
            return this;
        }

        /**
         * Adds an asadmin command to the post-boot file, run after boot and before the deployments, e.g.
         * {@code "create-jvm-options ..."}. Commands run in the order given.
         */
        public Builder postBootCommand(String command) {
            postBootCommands.add(command);
            return this;
        }

        /**
         * Overrides config properties of the resource adapter {@code raName} (the RAR's file name without
         * {@code .rar}) before it is deployed, through {@code create-resource-adapter-config}, e.g.
         * {@code resourceAdapterConfig("hazeljms-ra", Map.of("clusterName", "two-servers", "port", "5801"))}.
         * Colons and equals signs in values are escaped as asadmin needs.
         */
        public Builder resourceAdapterConfig(String raName, Map<String, String> properties) {
            StringBuilder props = new StringBuilder();
            for (Map.Entry<String, String> p : new TreeMap<>(properties).entrySet()) {
                props.append(props.length() == 0 ? "" : ":").append(p.getKey()).append('=')
                        .append(p.getValue().replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\="));
            }
            return postBootCommand("create-resource-adapter-config --property " + props + " " + raName);
        }

        /** HTTP port on 127.0.0.1 (default: a free one). */
        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        /** Adds a JVM option to {@link #DEFAULT_JVM_OPTIONS}, e.g. {@code -Dsome.property=value}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /**
         * Replaces all JVM options, {@link #DEFAULT_JVM_OPTIONS} included: e.g. without the C1-only and
         * serial-GC flags for a performance measurement.
         */
        public Builder jvmOptions(String... options) {
            jvmOptions.clear();
            jvmOptions.addAll(List.of(options));
            return this;
        }

        /** Adds Payara Micro command-line options, appended after the harness's own. */
        public Builder microOptions(String... options) {
            microOptions.addAll(List.of(options));
            return this;
        }

        /** Sets a logger's level in Micro, e.g. {@code logLevel("io.hazeljms", "FINE")} (default: all INFO). */
        public Builder logLevel(String logger, String level) {
            logLevels.append(logger).append(".level=").append(level).append('\n');
            return this;
        }

        /** Directory of the log file and generated command files (default: {@code micro.logs.dir}). */
        public Builder logDir(Path dir) {
            this.logDir = dir;
            return this;
        }

        /** How long {@link #start()} waits for readiness (default 180 s). */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /**
         * Starts the process and waits until it is ready with every archive deployed.
         *
         * @throws IllegalStateException if it exits, a boot command or deployment fails, or it is not ready in time (the
         *         process is then stopped)
         */
        public MicroProcess start() throws IOException, InterruptedException {
            Files.createDirectories(logDir);
            int port = httpPort > 0 ? httpPort : freeLoopbackPort();
            int gridPort = freeLoopbackPort();
            Path preboot = logDir.resolve(name + "-preboot.asadmin");
            Path postboot = logDir.resolve(name + "-postboot.asadmin");
            Path logging = logDir.resolve(name + "-logging.properties");
            Path tmp = Files.createDirectories(logDir.resolve(name + "-tmp"));
            // Micro's own console format, without ANSI colours.
            Files.writeString(logging, "handlers=java.util.logging.ConsoleHandler\n"
                    + "java.util.logging.ConsoleHandler.formatter=com.sun.enterprise.server.logging.ODLLogFormatter\n"
                    + "com.sun.enterprise.server.logging.ODLLogFormatter.ansiColor=false\n"
                    + "java.util.logging.ConsoleHandler.level=FINEST\n"
                    + ".level=INFO\n" + logLevels);
            Files.writeString(preboot, "set configs.config.server-config.network-config.network-listeners"
                    + ".network-listener.http-listener.address=127.0.0.1\n");
            StringBuilder deploys = new StringBuilder();
            postBootCommands.forEach(c -> deploys.append(c).append('\n'));
            List<String> archiveNames = new ArrayList<>();
            for (Path archive : archives) {
                deploys.append("deploy ").append(archive).append('\n');
                String file = archive.getFileName().toString();
                archiveNames.add(file.substring(0, file.lastIndexOf('.') > 0 ? file.lastIndexOf('.') : file.length()));
            }
            Files.writeString(postboot, deploys);

            List<String> cmd = new ArrayList<>();
            cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmOptions);
            cmd.add("-Djava.io.tmpdir=" + tmp); // Micro's runtime directory, kept under target/
            cmd.addAll(List.of("-jar", microJar.toAbsolutePath().toString(),
                    "--name", name,
                    "--port", Integer.toString(port),
                    "--disablephonehome",
                    "--clustername", name + "-" + UUID.randomUUID(),
                    "--startport", Integer.toString(gridPort),
                    "--clustermode", "tcpip:127.0.0.1:" + gridPort,
                    "--interfaces", "127.0.0.1",
                    "--hzpublicaddress", "127.0.0.1",
                    "--prebootcommandfile", preboot.toString(),
                    "--postbootcommandfile", postboot.toString(),
                    "--logproperties", logging.toString()));
            cmd.addAll(microOptions);

            Path logFile = logDir.resolve(name + ".log");
            Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            MicroProcess micro = new MicroProcess(name, process, port, logFile);
            Thread pump = new Thread(() -> micro.pump(archiveNames), "micro-output-" + name);
            pump.setDaemon(true);
            pump.start();
            try {
                micro.ready.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
                return micro;
            } catch (ExecutionException e) {
                micro.stop(Duration.ofSeconds(10));
                throw e.getCause() instanceof IllegalStateException ise ? ise : new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                micro.stop(Duration.ofSeconds(10));
                throw new IllegalStateException("Micro " + name + " not ready after " + startTimeout + "; see " + logFile);
            } catch (InterruptedException e) {
                micro.kill();
                throw e;
            }
        }

        private static int freeLoopbackPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
