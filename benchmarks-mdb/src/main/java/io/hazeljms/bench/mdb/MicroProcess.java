package io.hazeljms.bench.mdb;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Payara Micro in its own process, as sample-ear's tests start it (loopback only, no Payara clustering, the
 * archives deployed in order through a post-boot command file), but with the JVM a user would run for throughput:
 * the full JIT and the default collector, 1 GiB heap. {@link #start} returns when Micro printed its "ready" line
 * and every archive reported "was successfully deployed" (it reads the output, it never sleeps); the output goes
 * to {@code <name>.log} in the given directory.
 */
final class MicroProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int httpPort;
    private final Path logFile;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private MicroProcess(String name, Process process, int httpPort, Path logFile) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.logFile = logFile;
    }

    /** Starts Micro, runs {@code setupCommands} (asadmin) after boot, then deploys {@code archives} in order. */
    static MicroProcess start(String name, Path microJar, Path logDir, List<String> setupCommands,
                              Duration timeout, Path... archives) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        int port = freePortFrom(18580);
        Path preboot = logDir.resolve(name + "-preboot.asadmin");
        Path postboot = logDir.resolve(name + "-postboot.asadmin");
        Files.writeString(preboot, "set configs.config.server-config.network-config.network-listeners"
                + ".network-listener.http-listener.address=127.0.0.1\n");
        StringBuilder commands = new StringBuilder();
        setupCommands.forEach(c -> commands.append(c).append('\n'));
        List<String> names = new ArrayList<>();
        for (Path archive : archives) {
            if (!Files.isRegularFile(archive)) {
                throw new IllegalArgumentException("no archive at " + archive.toAbsolutePath()
                        + " (the module's package phase copies them; run it first)");
            }
            commands.append("deploy ").append(archive.toAbsolutePath()).append('\n');
            String file = archive.getFileName().toString();
            names.add(file.substring(0, file.lastIndexOf('.')));
        }
        Files.writeString(postboot, commands);
        if (!Files.isRegularFile(microJar)) {
            throw new IllegalArgumentException("no Payara Micro at " + microJar.toAbsolutePath());
        }
        List<String> cmd = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g", "-Xmx1g", "-Djava.net.preferIPv4Stack=true",
                "-Dhazelcast.socket.bind.any=false", "-Dhazelcast.phone.home.enabled=false",
                "-jar", microJar.toAbsolutePath().toString(),
                "--nohazelcast", "--interfaces", "127.0.0.1",
                "--port", Integer.toString(port), "--disablephonehome",
                "--prebootcommandfile", preboot.toString(),
                "--postbootcommandfile", postboot.toString());
        Path logFile = logDir.resolve(name + ".log");
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        MicroProcess micro = new MicroProcess(name, process, port, logFile);
        Thread pump = new Thread(() -> micro.pump(names), "micro-output-" + name);
        pump.setDaemon(true);
        pump.start();
        try {
            micro.ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return micro;
        } catch (ExecutionException e) {
            micro.close();
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            micro.close();
            throw new IllegalStateException("Micro " + name + " not ready after " + timeout + "; see " + logFile);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    Path logFile() {
        return logFile;
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
                if (line.matches(".*Payara Micro .* ready in [\\d,.]+ \\(ms\\).*")) {
                    for (String archive : archiveNames) {
                        if (seen.indexOf(archive + " was successfully deployed") < 0) {
                            failures.add(archive + " was not deployed");
                        }
                    }
                    if (failures.isEmpty()) {
                        ready.complete(null);
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
