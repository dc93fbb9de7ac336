package io.hazeljms.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One test's world: its own cluster name, its own free port range on 127.0.0.1, its own directory of evidence
 * ({@code target/crash/NAME}), and the children it started, all killed by {@link #close()}.
 */
final class CrashRun implements AutoCloseable {

    static final int PORTS = 20;
    static final Duration START = Duration.ofSeconds(60);

    final String cluster;
    final Path dir;
    final int basePort;
    final int ports;
    private final List<Child> children = new ArrayList<>();
    private int nextPort;
    /** Role arguments naming the durable store every JMS child and member uses; empty: in memory. */
    private List<String> durable = List.of();
    /** Role arguments every child but stress gets besides (e.g. the destinations' lease timeout). */
    private List<String> common = List.of();

    CrashRun(String name) {
        this(name, PORTS);
    }

    /** With a range of {@code ports} ports (a multiple of {@link #PORTS}): cases that start many generations. */
    CrashRun(String name, int ports) {
        cluster = "crash-" + name + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
        dir = Path.of(System.getProperty("crash.dir", "target/crash"), name + "-" + System.currentTimeMillis());
        this.ports = ports;
        basePort = freeRange(ports);
        nextPort = basePort;
    }

    /**
     * From now on every member, producer, consumer and drain writes through to (and loads back from) this durable
     * store: {@code embedded} (with {@code directory}) or a JDBC URL.
     */
    void durable(String store, Path directory) {
        List<String> a = new ArrayList<>(List.of("durableStore=" + store));
        if (directory != null) {
            a.add("durableStoreDirectory=" + directory.toAbsolutePath());
        }
        durable = List.copyOf(a);
    }

    /** From now on every node creates destinations whose leases time out after {@code millis}. */
    void leaseTimeout(long millis) {
        common = List.of("leaseTimeoutMillis=" + millis);
    }

    /** A range of {@code ports} ports, all free now: other builds on this machine use the defaults (5701, 5710). */
    private static int freeRange(int ports) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20_000 + ThreadLocalRandom.current().nextInt(2_000 / (ports / PORTS)) * ports;
            boolean free = true;
            for (int p = base; p < base + ports && free; p++) {
                try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getByName("127.0.0.1"))) {
                    s.setReuseAddress(true);
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free port range");
    }

    /** The TCP/IP member list every node gets: the whole range (a port nobody listens on costs nothing). */
    String members() {
        return IntStream.range(basePort, basePort + ports).mapToObj(p -> "127.0.0.1:" + p)
                .collect(Collectors.joining(","));
    }

    private int port() {
        if (nextPort >= basePort + ports) {
            throw new IllegalStateException("port range used up");
        }
        return nextPort++;
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    Child start(String name, List<String> jvmOptions, String... roleArgs) {
        try {
            List<String> args = new ArrayList<>(List.of(roleArgs));
            if (!args.contains("role=stress")) {
                args.addAll(durable);
                args.addAll(common);
            }
            Child c = Child.start(name, dir, jvmOptions, args);
            synchronized (children) {
                children.add(c);
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain member (not yet ready: {@link #ready}). */
    Child member(String name, String... jvmOptions) {
        return start(name, List.of(jvmOptions), "role=member", "cluster=" + cluster, "port=" + port(),
                "members=" + members());
    }

    /** Arguments a JMS role needs to reach the cluster as an embedded member or a client. */
    List<String> jms(boolean client) {
        List<String> a = new ArrayList<>(List.of("cluster=" + cluster, "members=" + members()));
        if (client) {
            a.add("mode=client");
        } else {
            a.add("mode=embedded");
            a.add("port=" + port());
        }
        return a;
    }

    Child producer(String name, boolean client, String... extraArgs) {
        List<String> a = jms(client);
        a.addAll(List.of("role=producer", "sent=" + file(name + ".sent")));
        a.addAll(List.of(extraArgs));
        return start(name, List.of(), a.toArray(String[]::new));
    }

    Child consumer(String name, boolean client, Role.AckMode ack, int batch) {
        return consumer(name, client, ack, batch, 0);
    }

    Child consumer(String name, boolean client, Role.AckMode ack, int batch, int rate) {
        List<String> a = jms(client);
        a.addAll(List.of("role=consumer", "ack=" + ack, "batch=" + batch, "rate=" + rate,
                "deliveries=" + file(name + ".deliveries"), "acks=" + file(name + ".acks")));
        return start(name, List.of(), a.toArray(String[]::new));
    }

    /** A consumer that holds what it receives until told to commit, late ({@code Role.holder}). */
    Child holder(String name, boolean client) {
        List<String> a = jms(client);
        a.addAll(List.of("role=holder", "deliveries=" + file(name + ".deliveries"), "acks=" + file(name + ".acks")));
        return start(name, List.of(), a.toArray(String[]::new));
    }

    Child drain(String name, boolean client, String... queues) {
        return drain(name, client, 4000, queues);
    }

    /**
     * A drain that leaves a queue once nothing came for {@code idleMs} and nothing is left in it, pending or held by
     * a departed node (held ones are waited for apart, see {@code Role.drain}).
     */
    Child drain(String name, boolean client, long idleMs, String... queues) {
        List<String> a = jms(client);
        a.addAll(List.of("role=drain", "queues=" + String.join(",", queues), "idleMs=" + idleMs,
                "deliveries=" + file(name + ".deliveries"), "acks=" + file(name + ".acks")));
        return start(name, List.of(), a.toArray(String[]::new));
    }

    Child mover(String name, boolean client, String crashPoint, String from, String... to) {
        List<String> a = jms(client);
        a.addAll(List.of("role=mover", "from=" + from, "to=" + String.join(",", to), "batch=5", "idleMs=4000", "rate=300",
                "deliveries=" + file(name + ".deliveries"), "acks=" + file(name + ".acks")));
        List<String> jvm = crashPoint == null ? List.of() : List.of("-Dhazeljms.crashPoint=" + crashPoint);
        return start(name, jvm, a.toArray(String[]::new));
    }

    /** A JVM that moves and redrives with the operator's management API (see {@code Role.manage}). */
    Child manager(String name, boolean client) {
        List<String> a = jms(client);
        a.add("role=manage");
        return start(name, List.of(), a.toArray(String[]::new));
    }

    /** Two busy threads in their own JVM: the cores stay busy, so race windows widen. */
    Child stress() {
        return start("stress-" + System.nanoTime(), List.of("-Xmx32m"), "role=stress", "threads=2",
                "maxSeconds=120");
    }

    /** Waits for READY; returns the node's UUID. */
    static String ready(Child c) {
        return c.await("READY", START).substring("READY ".length()).trim();
    }

    /** Drains the queues with a fresh JVM and waits until it is done. */
    void drainAll(String name, boolean client, String... queues) {
        drainAll(name, client, 4000, queues);
    }

    /** As {@link #drainAll(String, boolean, String...)}, idle after {@code idleMs}. */
    void drainAll(String name, boolean client, long idleMs, String... queues) {
        Child d = drain(name, client, idleMs, queues);
        d.await("DONE", Duration.ofSeconds(60 + 90L * queues.length)); // per queue: draining, then held ones back
        d.kill();
    }

    /** kill -9 of all of them at (nearly) the same moment, in the order given; returns the time of the first. */
    static long killAll(List<Child> victims) {
        long first = 0;
        for (Child c : victims) {
            long t = c.signalKill();
            first = first == 0 ? t : first;
        }
        for (Child c : victims) {
            c.kill(); // already signalled: waits (bounded) until it is gone
        }
        return first;
    }

    @Override
    public void close() {
        synchronized (children) {
            for (Child c : children) {
                c.close();
            }
            children.clear();
        }
    }
}
