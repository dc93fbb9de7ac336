package io.hazeljms.crash;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One child JVM running {@link Role}: its stdout lines are kept (and copied to {@code NAME.out}), its stderr goes
 * to {@code NAME.err}. {@link #kill()} is kill -9 ({@link Process#destroyForcibly()}) of this process only.
 */
final class Child implements AutoCloseable {

    final String name;
    private final Process process;
    private final BufferedWriter stdin;
    private final List<String> lines = new ArrayList<>();
    private volatile long killedAt;

    private Child(String name, Process process, Path outFile) {
        this.name = name;
        this.process = process;
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> pump(outFile), "out-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static Child start(String name, Path dir, List<String> jvmOptions, List<String> roleArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-Xss512k");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-Djava.net.preferIPv4Stack=true");
        cmd.add("-Dhazelcast.phone.home.enabled=false");
        cmd.add("-Dhazelcast.socket.bind.any=false");
        cmd.add("-Dhazelcast.logging.type=jdk");
        String logging = System.getProperty("crash.logging");
        if (logging != null) {
            cmd.add("-Djava.util.logging.config.file=" + logging);
        }
        // fewer partitions: faster start and migration; failures are detected in seconds, not a minute
        cmd.add("-Dhazelcast.partition.count=31");
        cmd.add("-Dhazelcast.heartbeat.interval.seconds=1");
        cmd.add("-Dhazelcast.max.no.heartbeat.seconds=8");
        cmd.add("-Dhazelcast.client.heartbeat.interval=1000");
        cmd.add("-Dhazelcast.client.heartbeat.timeout=8000");
        // children run in memory unless their role arguments name a durable store (they do not inherit the
        // test JVM's -Dhazeljms.durableStore=off, and the provider's default is the embedded file database)
        cmd.add("-Dhazeljms.durableStore=off");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Role.class.getName());
        cmd.addAll(roleArgs);
        Files.createDirectories(dir);
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".err").toFile()))
                .start();
        return new Child(name, p, dir.resolve(name + ".out"));
    }

    private void pump(Path outFile) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             BufferedWriter copy = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = r.readLine()) != null) {
                copy.write(System.currentTimeMillis() + " " + line);
                copy.newLine();
                copy.flush();
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process died: nothing more to read
        }
        synchronized (lines) {
            lines.add("<EOF>");
            lines.notifyAll();
        }
    }

    long pid() {
        return process.pid();
    }

    int lineCount() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /** The first line from index {@code from} on that matches, waiting at most {@code timeout}; fails if none. */
    String await(int from, Predicate<String> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            int i = from;
            while (true) {
                for (; i < lines.size(); i++) {
                    if (match.test(lines.get(i))) {
                        return lines.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!lines.isEmpty() && lines.get(lines.size() - 1).equals("<EOF>"))) {
                    throw new AssertionError(name + ": no " + what + " within " + timeout.toSeconds()
                            + " s; last lines: " + tail(8) + (process.isAlive() ? "" : " (process exited "
                            + process.exitValue() + ")"));
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lines, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what);
                }
            }
        }
    }

    String await(String prefix, Duration timeout) {
        return await(0, l -> l.startsWith(prefix), timeout, "'" + prefix + "'");
    }

    String await(int from, String prefix, Duration timeout) {
        return await(from, l -> l.startsWith(prefix), timeout, "'" + prefix + "'");
    }

    List<String> lines(String prefix) {
        List<String> out = new ArrayList<>();
        synchronized (lines) {
            for (String l : lines) {
                if (l.startsWith(prefix)) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    List<String> tail(int n) {
        synchronized (lines) {
            return new ArrayList<>(lines.subList(Math.max(0, lines.size() - n), lines.size()));
        }
    }

    void command(String line) {
        try {
            stdin.write(line);
            stdin.newLine();
            stdin.flush();
        } catch (IOException e) {
            throw new AssertionError(name + " does not take commands (dead?): " + e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Sends kill -9 without waiting for the process to be gone (to kill several at nearly the same moment). */
    long signalKill() {
        killedAt = System.currentTimeMillis();
        process.destroyForcibly();
        return killedAt;
    }

    /** kill -9 of this child; returns the time of the kill. */
    long kill() {
        killedAt = System.currentTimeMillis();
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return killedAt;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
