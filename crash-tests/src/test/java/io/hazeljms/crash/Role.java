package io.hazeljms.crash;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import io.hazeljms.jms.DuplicateDetection;
import io.hazeljms.jms.HazelcastConnectionFactory;
import io.hazeljms.jms.client.HazelcastNode;
import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.jms.destination.HazelcastQueue;
import io.hazeljms.jms.management.BrokerManagement;
import io.hazeljms.jms.management.MoveResult;
import io.hazeljms.store.DestinationKey;
import io.hazeljms.store.StoreConfig;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.CRC32;

/**
 * The program every child JVM of the crash tests runs: {@code Role role=member|producer|consumer|drain|mover|manage|
 * stress key=value...}. A child talks to the test on stdout (one event per line, flushed) and takes commands on stdin;
 * it halts by itself after {@code maxSeconds} and as soon as its stdin closes (the test JVM is gone), so no child
 * outlives its test.
 *
 * <p>Evidence files (appended, one flushed line per event, so a kill -9 loses at most the line being written):
 * <ul>
 *   <li>producer {@code sent}: {@code queue id crc} once {@code send()} returned;</li>
 *   <li>consumer/drain/mover {@code deliveries}: {@code D millis queue id redelivered deliveryCount crcOk};</li>
 *   <li>consumer/drain/mover {@code acks}: {@code T millis queue id} right before {@code acknowledge()}/
 *       {@code commit()} (a kill from here on leaves the outcome unknown), {@code A millis queue id} once it
 *       returned.</li>
 * </ul>
 */
public final class Role {

    static final String ID = "crashId";
    static final String CRC = "crashCrc";
    /** Where a dead letter came from: what a redrive sends it back to (the store's ORIGIN_PROPERTY). */
    static final String ORIGIN = "HJMS_OriginalDestination";

    private final Map<String, String> args;
    private final Object outLock = new Object();

    private Role(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String s : argv) {
            int eq = s.indexOf('=');
            a.put(s.substring(0, eq), s.substring(eq + 1));
        }
        new Role(a).run();
    }

    // ---------------------------------------------------------------- plumbing

    void out(String line) {
        synchronized (outLock) {
            System.out.println(line);
            System.out.flush();
        }
    }

    String arg(String key) {
        String v = args.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing argument " + key);
        }
        return v;
    }

    String arg(String key, String dflt) {
        return args.getOrDefault(key, dflt);
    }

    private void run() throws Exception {
        long maxSeconds = Long.parseLong(arg("maxSeconds", "240"));
        Thread watchdog = new Thread(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
            while (System.nanoTime() < deadline) {
                LockSupport.parkNanos(deadline - System.nanoTime());
            }
            System.out.println("HALT maxSeconds");
            System.out.flush();
            Runtime.getRuntime().halt(97);
        }, "crash-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        switch (arg("role")) {
            case "member" -> member();
            case "producer" -> producer();
            case "consumer" -> consumer();
            case "holder" -> holder();
            case "drain" -> drain();
            case "mover" -> mover();
            case "manage" -> manage();
            case "stress" -> stress();
            default -> throw new IllegalArgumentException("unknown role " + arg("role"));
        }
    }

    /** Reads commands from stdin until it closes, then halts: the test JVM is gone or wants us gone. */
    private void commands(CommandHandler handler) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.trim().split("\\s+");
                try {
                    handler.handle(words);
                } catch (Exception e) {
                    out("ERROR command " + line + " " + describe(e));
                }
            }
        } catch (IOException e) {
            out("ERROR stdin " + e);
        }
        Runtime.getRuntime().halt(98);
    }

    interface CommandHandler {
        void handle(String[] words) throws Exception;
    }

    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        Throwable c = e.getCause();
        if (c != null && c != e) {
            b.append(" <- ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
        }
        return b.toString().replace('\n', ' ');
    }

    static String stack(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private static List<String> list(String csv) {
        return csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }

    private ProviderConfig providerConfig() {
        ProviderConfig.Builder b = ProviderConfig.builder()
                .clusterName(arg("cluster"))
                .bindInterface("127.0.0.1")
                .members(list(arg("members")));
        if ("client".equals(arg("mode", "embedded"))) {
            b.client(list(arg("members")));
        } else {
            b.embedded().port(Integer.parseInt(arg("port")));
        }
        if ("off".equals(arg("limits", "on"))) {
            b.maxQueueMessages(0).maxQueueBytes(0); // only the members' memory guard stands between a flood and OOM
        }
        if (args.containsKey("leaseTimeoutMillis")) {
            b.leaseTimeoutMillis(Long.parseLong(arg("leaseTimeoutMillis")));
        }
        if (args.containsKey("clientConnectTimeoutMillis")) {
            b.clientConnectTimeoutMillis(Long.parseLong(arg("clientConnectTimeoutMillis")));
        }
        if (args.containsKey("duplicateIdCacheSize")) {
            b.duplicateIdCacheSize(Integer.parseInt(arg("duplicateIdCacheSize")));
        }
        // off unless the case asks for durability (the child's JVM default is off too, see Child)
        b.durableStore(arg("durableStore", "off"));
        if (args.containsKey("durableStoreDirectory")) {
            b.durableStoreDirectory(arg("durableStoreDirectory"));
        }
        return b.build();
    }

    private String localUuid(HazelcastConnectionFactory cf) {
        HazelcastInstance hz = cf.node().hazelcast();
        try {
            return hz.getCluster().getLocalMember().getUuid().toString();
        } catch (UnsupportedOperationException clientSide) {
            return hz.getLocalEndpoint().getUuid().toString();
        }
    }

    static final class Evidence implements AutoCloseable {
        private final BufferedWriter w;

        Evidence(String file) throws IOException {
            Path p = Path.of(file);
            Files.createDirectories(p.getParent());
            w = Files.newBufferedWriter(p, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }

        synchronized void line(String s) {
            try {
                w.write(s);
                w.write('\n');
                w.flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            w.close();
        }
    }

    // ---------------------------------------------------------------- member

    /** A plain member. Commands: {@code owner KEY...} answers {@code OWNER KEY uuid} once the cluster is safe. */
    private void member() {
        HazelcastInstance hz;
        if (!"off".equals(arg("durableStore", "off"))) {
            // a member that writes through and, when the cluster starts, loads the durable store back (or waits
            // for the member that does): a provider node in embedded mode, so its Broker owns the store
            HazelcastNode node = HazelcastNode.start(providerConfig());
            hz = node.hazelcast();
        } else {
            hz = plainMember();
        }
        memberCommands(hz);
    }

    private HazelcastInstance plainMember() {
        Config cfg = StoreConfig.embeddedMember(arg("cluster"), "127.0.0.1", Integer.parseInt(arg("port")),
                list(arg("members")), 1, Role.class.getClassLoader());
        return Hazelcast.newHazelcastInstance(cfg);
    }

    private void memberCommands(HazelcastInstance hz) {
        Object migrations = new Object();
        hz.getPartitionService().addMigrationListener(new MigrationListener() {
            public void migrationStarted(MigrationState state) { }
            public void migrationFinished(MigrationState state) { ping(); }
            public void replicaMigrationCompleted(ReplicaMigrationEvent event) { ping(); }
            public void replicaMigrationFailed(ReplicaMigrationEvent event) { ping(); }
            private void ping() { synchronized (migrations) { migrations.notifyAll(); } }
        });
        out("READY " + hz.getCluster().getLocalMember().getUuid());
        commands(words -> {
            if (words[0].equals("owner")) {
                // ownership is only stable once no migration runs and every backup is in sync
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
                boolean safe;
                while (!(safe = hz.getPartitionService().isClusterSafe()) && System.nanoTime() < deadline) {
                    synchronized (migrations) {
                        migrations.wait(200); // woken by migration events; the bound re-checks safety
                    }
                }
                StringBuilder b = new StringBuilder("OWNERS safe=" + safe + " members="
                        + hz.getCluster().getMembers().size());
                for (int i = 1; i < words.length; i++) {
                    b.append(' ').append(words[i]).append('=')
                            .append(hz.getPartitionService().getPartition(words[i]).getOwner().getUuid());
                }
                out(b.toString());
            }
        });
    }

    // ---------------------------------------------------------------- producer

    /**
     * Commands: {@code send QUEUE COUNT RATE PREFIX} (RATE messages per second, 0 = as fast as it can) and
     * {@code flood QUEUE SECONDS PREFIX} (send until refused, or until the time is up). One command at a time.
     * Argument {@code origin} (optional): every message carries it as {@code HJMS_OriginalDestination}, as a dead
     * letter does, so the queue it is sent to can be redriven.
     */
    private void producer() throws Exception {
        HazelcastConnectionFactory cf = new HazelcastConnectionFactory(providerConfig());
        Connection connection = cf.createConnection();
        connection.start();
        Evidence sent = new Evidence(arg("sent"));
        out("READY " + localUuid(cf));
        commands(words -> {
            switch (words[0]) {
                case "send" -> new Thread(() -> send(connection, sent, words[1], Integer.parseInt(words[2]),
                        Integer.parseInt(words[3]), words[4], words.length > 5 ? Integer.parseInt(words[5]) : 0),
                        "send").start();
                case "flood" -> new Thread(() -> flood(connection, sent, words[1], Integer.parseInt(words[2]),
                        words[3]), "flood").start();
                case "resend" -> new Thread(() -> sendWithDuplicateIds(connection, sent, words[1],
                        Integer.parseInt(words[2]), Integer.parseInt(words[3]), Integer.parseInt(words[4]), words[5]),
                        "resend").start();
                default -> out("ERROR unknown " + words[0]);
            }
        });
    }

    static byte[] body() {
        byte[] b = new byte[1024];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    static long crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return c.getValue();
    }

    /** @param groups message {@code PREFIX-i} gets JMSXGroupID {@code PREFIX-g(i % groups)}; 0: no groups */
    private void send(Connection connection, Evidence sent, String queueName, int count, int rate, String prefix,
                      int groups) {
        int ok = 0;
        int failed = 0;
        Session session = null;
        MessageProducer producer = null;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                long due = start + i * 1_000_000_000L / rate; // pacing, not waiting for an event
                long now;
                while ((now = System.nanoTime()) < due) {
                    LockSupport.parkNanos(due - now);
                }
            }
            String id = prefix + "-" + i;
            try {
                if (session == null) {
                    session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    producer = session.createProducer(session.createQueue(queueName));
                    producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                }
                Outgoing m = outgoing(session, id);
                if (args.containsKey("origin")) {
                    m.message().setStringProperty(ORIGIN, arg("origin"));
                }
                if (groups > 0) {
                    m.message().setStringProperty("JMSXGroupID", prefix + "-g" + (i % groups));
                }
                producer.send(m.message());
                sent.line(queueName + " " + id + " " + m.crc());
                ok++;
                if (ok % 500 == 0) {
                    out("PROGRESS " + queueName + " " + ok);
                }
            } catch (Exception e) {
                failed++;
                // not acknowledged: may or may not be stored; a new id follows, never a resend of this one
                out("SENDFAIL " + id + " " + describe(e));
                try {
                    if (session != null) {
                        session.close();
                    }
                } catch (Exception ignored) {
                    // the session may be as broken as the send
                }
                session = null;
            }
        }
        out("SENT " + queueName + " ok=" + ok + " failed=" + failed + " ms="
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /**
     * Command {@code resend QUEUE FROM COUNT RATE PREFIX}: sends ids {@code PREFIX-FROM} to
     * {@code PREFIX-(FROM+COUNT-1)},
     * each with its id as duplicate-detection id and a body derived from the id (a resend is the same message), and
     * sends a failed one again, with the same id, until it is acknowledged (at most 90 s): the producer that never
     * gives up on an in-doubt send, as duplicate detection lets it. A new producer JVM resumes this way from before
     * where a killed one stopped.
     */
    private void sendWithDuplicateIds(Connection connection, Evidence sent, String queueName, int from, int count,
                                      int rate, String prefix) {
        int ok = 0;
        int retries = 0;
        Session session = null;
        MessageProducer producer = null;
        long start = System.nanoTime();
        for (int i = from; i < from + count; i++) {
            if (rate > 0) {
                long due = start + (long) (i - from) * 1_000_000_000L / rate; // pacing, not waiting for an event
                long now;
                while ((now = System.nanoTime()) < due) {
                    LockSupport.parkNanos(due - now);
                }
            }
            String id = prefix + "-" + i;
            byte[] body = new byte[1024];
            new java.util.Random(id.hashCode()).nextBytes(body);
            long crc = crc(body);
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (true) {
                try {
                    if (session == null) {
                        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                        producer = session.createProducer(session.createQueue(queueName));
                        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                    }
                    BytesMessage m = session.createBytesMessage();
                    m.writeBytes(body);
                    m.setStringProperty(ID, id);
                    m.setLongProperty(CRC, crc);
                    m.setStringProperty(DuplicateDetection.ID_PROPERTY, id);
                    producer.send(m);
                    sent.line(queueName + " " + id + " " + crc);
                    ok++;
                    break;
                } catch (Exception e) {
                    retries++;
                    out("SENDFAIL " + id + " " + describe(e) + " (sent again with the same duplicate id)");
                    try {
                        if (session != null) {
                            session.close();
                        }
                    } catch (Exception ignored) {
                        // the session may be as broken as the send
                    }
                    session = null;
                    if (System.nanoTime() > giveUp) {
                        out("GAVEUP " + id);
                        break;
                    }
                }
            }
            if (ok % 500 == 0) {
                out("PROGRESS " + queueName + " " + ok);
            }
        }
        out("SENT " + queueName + " ok=" + ok + " retries=" + retries + " ms="
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** A message with a random 1 KiB body, its id and the body's checksum as properties. */
    private static Outgoing outgoing(Session session, String id) throws JMSException {
        byte[] body = body();
        long crc = crc(body);
        BytesMessage m = session.createBytesMessage();
        m.writeBytes(body);
        m.setStringProperty(ID, id);
        m.setLongProperty(CRC, crc);
        return new Outgoing(m, crc);
    }

    private record Outgoing(BytesMessage message, long crc) {
    }

    private void flood(Connection connection, Evidence sent, String queueName, int seconds, String prefix) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        int ok = 0;
        String reason = "timeout";
        try {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queueName));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; System.nanoTime() < deadline; i++) {
                String id = prefix + "-" + i;
                Outgoing m = outgoing(session, id);
                try {
                    producer.send(m.message());
                } catch (ResourceAllocationException e) {
                    reason = "refused " + describe(e);
                    break;
                }
                sent.line(queueName + " " + id + " " + m.crc());
                ok++;
                if (ok % 5000 == 0) {
                    out("PROGRESS " + queueName + " " + ok + " heapUsedMB=" + usedMb());
                }
            }
        } catch (Throwable e) {
            reason = "error " + describe(e);
            System.err.println(stack(e));
        }
        out("FLOOD-END sent=" + ok + " ms=" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                + " reason=" + reason);
    }

    static long usedMb() {
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) >> 20;
    }

    // ---------------------------------------------------------------- consumer and drain

    /** How a consumer settles what it received. */
    enum AckMode { CLIENT, TRANSACTED }

    /**
     * Receives from one queue at a time and settles in batches of 1..{@code batch} messages (random).
     * Commands: {@code consume QUEUE}; {@code finish QUEUE IDLE_MS} (stop once nothing came for IDLE_MS, print
     * {@code FINISHED}). Prints {@code CONSUMING QUEUE} after its first receive, {@code GOT QUEUE n} every 100
     * deliveries. Argument {@code rate}: most deliveries per second (0: no limit).
     */
    private void consumer() throws Exception {
        HazelcastConnectionFactory cf = new HazelcastConnectionFactory(providerConfig());
        Connection connection = cf.createConnection();
        connection.start();
        AckMode mode = AckMode.valueOf(arg("ack", "CLIENT"));
        int batch = Integer.parseInt(arg("batch", "10"));
        rate = Integer.parseInt(arg("rate", "0"));
        Evidence deliveries = new Evidence(arg("deliveries"));
        Evidence acks = new Evidence(arg("acks"));
        Map<String, Long> finishing = new ConcurrentHashMap<>();
        out("READY " + localUuid(cf));
        commands(words -> {
            switch (words[0]) {
                case "consume" -> new Thread(() -> consume(connection, mode, batch, words[1], deliveries, acks,
                        finishing), "consume-" + words[1]).start();
                case "finish" -> finishing.put(words[1], Long.parseLong(words[2]));
                default -> out("ERROR unknown " + words[0]);
            }
        });
    }

    /**
     * A consumer that hangs while its JVM lives: {@code hold QUEUE N} receives up to N messages in a transaction
     * and prints {@code HOLDING QUEUE n}; {@code late QUEUE} then commits (after their leases timed out) and prints
     * {@code LATE QUEUE committed} or {@code LATE QUEUE refused EXCEPTION}. Acknowledgements are logged only for a
     * commit that returned.
     */
    private void holder() throws Exception {
        HazelcastConnectionFactory cf = new HazelcastConnectionFactory(providerConfig());
        Connection connection = cf.createConnection();
        connection.start();
        Evidence deliveries = new Evidence(arg("deliveries"));
        Evidence acks = new Evidence(arg("acks"));
        Map<String, Session> sessions = new ConcurrentHashMap<>();
        Map<String, List<String>> held = new ConcurrentHashMap<>();
        out("READY " + localUuid(cf));
        commands(words -> {
            String queue = words[1];
            if (words[0].equals("hold")) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
                List<String> ids = new ArrayList<>();
                for (Message m; ids.size() < Integer.parseInt(words[2]) && (m = consumer.receive(10_000)) != null; ) {
                    logDelivery(deliveries, queue, m);
                    ids.add(m.getStringProperty(ID));
                }
                sessions.put(queue, session);
                held.put(queue, ids);
                out("HOLDING " + queue + " " + ids.size());
            } else if (words[0].equals("late")) {
                long before = System.currentTimeMillis();
                held.get(queue).forEach(id -> acks.line("T " + before + " " + queue + " " + id));
                try {
                    sessions.get(queue).commit();
                    long now = System.currentTimeMillis();
                    held.get(queue).forEach(id -> acks.line("A " + now + " " + queue + " " + id));
                    out("LATE " + queue + " committed");
                } catch (JMSException e) {
                    out("LATE " + queue + " refused " + e.getClass().getSimpleName() + " " + describe(e));
                }
            } else {
                out("ERROR unknown " + words[0]);
            }
        });
    }

    /** How long a drain keeps at a queue whose messages are still held by a departed node. */
    private static final long DRAIN_HELD_SECONDS = 60;

    /**
     * Drains {@code queues} one after another (each until idle for {@code idleMs} and empty, or held messages
     * did not come back within {@link #DRAIN_HELD_SECONDS}), prints DRAINED with what was left, then DONE.
     */
    private void drain() throws Exception {
        HazelcastConnectionFactory cf = new HazelcastConnectionFactory(providerConfig());
        Connection connection = cf.createConnection();
        connection.start();
        long idle = Long.parseLong(arg("idleMs", "4000"));
        Evidence deliveries = new Evidence(arg("deliveries"));
        Evidence acks = new Evidence(arg("acks"));
        out("READY " + localUuid(cf));
        Map<String, Long> finishing = new ConcurrentHashMap<>();
        for (String q : list(arg("queues"))) {
            finishing.put(q, idle);
            // idle is not enough: messages a killed node held come back only once its departure is handled
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_HELD_SECONDS);
            long left;
            do {
                consume(connection, AckMode.TRANSACTED, 50, q, deliveries, acks, finishing);
                left = cf.node().broker().administration().depth(DestinationKey.queue(q));
            } while (left > 0 && System.nanoTime() < deadline);
            out("DRAINED " + q + " left=" + left);
        }
        out("DONE");
        commands(words -> { });
    }

    /** Most deliveries per second a consumer takes (0: no limit): a slow consumer holds messages longer. */
    private volatile int rate;

    private void consume(Connection connection, AckMode mode, int batch, String queueName, Evidence deliveries,
                         Evidence acks, Map<String, Long> finishing) {
        Session session = null;
        MessageConsumer consumer = null;
        List<String> held = new ArrayList<>();
        Message last = null;
        int target = 1 + ThreadLocalRandom.current().nextInt(batch);
        int got = 0;
        long lastActivity = System.nanoTime();
        long start = System.nanoTime();
        boolean announced = false;
        while (true) {
            try {
                if (rate > 0) {
                    long due = start + got * 1_000_000_000L / rate; // pacing, not waiting for an event
                    long now;
                    while ((now = System.nanoTime()) < due) {
                        LockSupport.parkNanos(due - now);
                    }
                }
                if (session == null) {
                    held.clear(); // what the broken session held comes back as redeliveries
                    session = mode == AckMode.TRANSACTED ? connection.createSession(true, Session.SESSION_TRANSACTED)
                            : connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
                    consumer = session.createConsumer(session.createQueue(queueName));
                }
                Message m = consumer.receive(500);
                if (!announced) {
                    announced = true;
                    out("CONSUMING " + queueName); // it has claimed once: the broker knows this consumer
                }
                if (m != null) {
                    lastActivity = System.nanoTime();
                    logDelivery(deliveries, queueName, m);
                    last = m;
                    held.add(m.getStringProperty(ID));
                    if (++got % 100 == 0) {
                        out("GOT " + queueName + " " + got);
                    }
                    if (held.size() < target) {
                        continue;
                    }
                }
                if (!held.isEmpty()) {
                    long before = System.currentTimeMillis();
                    for (String id : held) {
                        acks.line("T " + before + " " + queueName + " " + id); // trying: the outcome may be lost
                    }
                    if (mode == AckMode.TRANSACTED) {
                        session.commit();
                    } else {
                        // CLIENT_ACKNOWLEDGE: acknowledging one message settles all the session delivered
                        last.acknowledge();
                    }
                    long now = System.currentTimeMillis();
                    for (String id : held) {
                        acks.line("A " + now + " " + queueName + " " + id);
                    }
                    held.clear();
                    target = 1 + ThreadLocalRandom.current().nextInt(batch);
                }
                Long idle = finishing.get(queueName);
                if (m == null && idle != null
                        && System.nanoTime() - lastActivity > TimeUnit.MILLISECONDS.toNanos(idle)) {
                    out("FINISHED " + queueName + " got=" + got);
                    session.close();
                    return;
                }
            } catch (Exception e) {
                out("CONSUMEFAIL " + queueName + " held=" + held.size() + " " + describe(e));
                try {
                    if (session != null) {
                        session.close();
                    }
                } catch (Exception ignored) {
                    // as broken as the call that failed
                }
                session = null;
                lastActivity = System.nanoTime();
            }
        }
    }

    private void logDelivery(Evidence deliveries, String queueName, Message m) throws JMSException {
        boolean crcOk;
        long bodyCrc = -1;
        if (m instanceof BytesMessage bm) {
            byte[] b = new byte[(int) bm.getBodyLength()];
            bm.readBytes(b);
            bodyCrc = crc(b);
            crcOk = m.propertyExists(CRC) && bodyCrc == m.getLongProperty(CRC);
        } else {
            crcOk = false;
        }
        int count = m.propertyExists("JMSXDeliveryCount") ? m.getIntProperty("JMSXDeliveryCount") : -1;
        deliveries.line("D " + System.currentTimeMillis() + " " + queueName + " " + m.getStringProperty(ID) + " "
                + (m.getJMSRedelivered() ? 1 : 0) + " " + count + " " + (crcOk ? 1 : 0) + " " + bodyCrc);
    }

    // ---------------------------------------------------------------- mover

    /**
     * Moves messages from queue {@code from} to every queue in {@code to} (a copy to each), {@code batch}
     * messages (1..batch, random) per local transaction. Prints MOVING at the first message, MOVED when
     * {@code from} stayed empty for {@code idleMs}. Run with -Dhazeljms.crashPoint=NAME to be stopped inside
     * commit by the provider.
     */
    private void mover() throws Exception {
        HazelcastConnectionFactory cf = new HazelcastConnectionFactory(providerConfig());
        Connection connection = cf.createConnection();
        connection.start();
        Evidence deliveries = new Evidence(arg("deliveries"));
        Evidence acks = new Evidence(arg("acks"));
        String from = arg("from");
        List<String> to = list(arg("to"));
        int batch = Integer.parseInt(arg("batch", "5"));
        long idle = Long.parseLong(arg("idleMs", "4000"));
        rate = Integer.parseInt(arg("rate", "0"));
        out("READY " + localUuid(cf));
        Thread t = new Thread(() -> move(connection, from, to, batch, idle, deliveries, acks), "move");
        t.start();
        commands(words -> { });
    }

    private void move(Connection connection, String from, List<String> to, int batch, long idleMs,
                      Evidence deliveries, Evidence acks) {
        Session session = null;
        MessageConsumer consumer = null;
        List<MessageProducer> producers = new ArrayList<>();
        long lastActivity = System.nanoTime();
        int moved = 0;
        long paceStart = System.nanoTime();
        boolean announced = false;
        while (System.nanoTime() - lastActivity < TimeUnit.MILLISECONDS.toNanos(idleMs)) {
            List<String> ids = new ArrayList<>();
            try {
                if (session == null) {
                    session = connection.createSession(true, Session.SESSION_TRANSACTED);
                    consumer = session.createConsumer(session.createQueue(from));
                    producers.clear();
                    for (String q : to) {
                        MessageProducer p = session.createProducer(session.createQueue(q));
                        p.setDeliveryMode(DeliveryMode.PERSISTENT);
                        producers.add(p);
                    }
                }
                int n = 1 + ThreadLocalRandom.current().nextInt(batch);
                for (int i = 0; i < n; i++) {
                    Message m = consumer.receive(i == 0 ? 500 : 50);
                    if (m == null) {
                        break;
                    }
                    if (!announced) {
                        out("MOVING");
                        announced = true;
                    }
                    logDelivery(deliveries, from, m);
                    if (rate > 0) {
                        long due = paceStart + (long) (moved + ids.size()) * 1_000_000_000L / rate;
                        long now;
                        while ((now = System.nanoTime()) < due) {
                            LockSupport.parkNanos(due - now); // pacing, not waiting for an event
                        }
                    }
                    BytesMessage in = (BytesMessage) m;
                    in.reset();
                    byte[] body = new byte[(int) in.getBodyLength()];
                    in.readBytes(body);
                    for (MessageProducer p : producers) {
                        BytesMessage copy = session.createBytesMessage();
                        copy.writeBytes(body);
                        copy.setStringProperty(ID, m.getStringProperty(ID));
                        copy.setLongProperty(CRC, m.getLongProperty(CRC));
                        p.send(copy);
                    }
                    ids.add(m.getStringProperty(ID));
                }
                if (ids.isEmpty()) {
                    continue;
                }
                long before = System.currentTimeMillis();
                for (String id : ids) {
                    acks.line("T " + before + " " + from + " " + id); // trying: the outcome may be lost
                }
                session.commit();
                long now = System.currentTimeMillis();
                for (String id : ids) {
                    acks.line("A " + now + " " + from + " " + id);
                }
                moved += ids.size();
                lastActivity = System.nanoTime();
            } catch (Exception e) {
                out("MOVEFAIL held=" + ids.size() + " " + describe(e));
                try {
                    if (session != null) {
                        session.close();
                    }
                } catch (Exception ignored) {
                    // as broken as the call that failed
                }
                session = null;
            }
        }
        out("MOVED " + moved);
    }

    // ---------------------------------------------------------------- manage

    /**
     * The operator's management API ({@code connectionFactory.management()}) in its own JVM, to be killed in the
     * middle of a move. Commands (one at a time): {@code redrive Q1,Q2...} ({@code redriveAll} of each queue, then
     * {@code REDRIVEN moved=N left=N ms=N}); {@code pingpong A B} ({@code move(A, B)}, {@code move(B, A)}, again
     * and again until killed or {@code stop}ped, {@code PASS n moved=N} after each move, {@code STOPPED} at the
     * end). Prints {@code MOVING} right before the first call; a call that fails prints {@code MGMTFAIL} and the
     * next one follows.
     */
    private void manage() {
        HazelcastConnectionFactory cf = new HazelcastConnectionFactory(providerConfig());
        BrokerManagement management = cf.management();
        out("READY " + localUuid(cf));
        commands(words -> {
            switch (words[0]) {
                case "redrive" -> new Thread(() -> redrive(management, list(words[1])), "redrive").start();
                case "pingpong" -> new Thread(() -> pingpong(management, words[1], words[2]), "pingpong").start();
                case "stop" -> stopping = true;
                default -> out("ERROR unknown " + words[0]);
            }
        });
    }

    private void redrive(BrokerManagement management, List<String> queues) {
        long start = System.nanoTime();
        int moved = 0;
        int left = 0;
        out("MOVING redrive");
        for (String q : queues) {
            try {
                MoveResult r = management.redriveAll(new HazelcastQueue(q));
                moved += r.moved();
                left += r.left();
            } catch (Exception e) {
                out("MGMTFAIL redrive " + q + " " + describe(e));
            }
        }
        out("REDRIVEN moved=" + moved + " left=" + left + " ms="
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** Set by the command {@code stop}: the ping-pong ends after the move under way. */
    private volatile boolean stopping;

    private void pingpong(BrokerManagement management, String a, String b) {
        Queue[] queues = {new HazelcastQueue(a), new HazelcastQueue(b)};
        out("MOVING pingpong");
        int pass = 0;
        for (; !stopping; pass++) {
            Queue from = queues[pass % 2];
            Queue to = queues[(pass + 1) % 2];
            try {
                out("PASS " + pass + " moved=" + management.move(from, to, null).moved());
            } catch (Exception e) {
                out("MGMTFAIL move " + from + " " + describe(e));
            }
        }
        out("STOPPED passes=" + pass);
    }

    // ---------------------------------------------------------------- stress

    /** Keeps {@code threads} cores busy until killed or maxSeconds: widens race windows in the others. */
    private void stress() {
        int threads = Integer.parseInt(arg("threads", "2"));
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                long x = 0;
                while (true) {
                    x += System.nanoTime() % 7;
                    if (x == 42) {
                        out("never");
                    }
                }
            }, "busy-" + i);
            t.setDaemon(true);
            t.start();
        }
        out("READY stress");
        commands(words -> { });
    }
}
