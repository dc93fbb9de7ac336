package io.hazeljms.bench;

import com.hazelcast.cluster.Member;
import io.hazeljms.store.DestinationKey;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Many destinations on several members: {@code queues} queues, each with its own {@code producers → consumers}
 * load ({@link OpenLoad}, persistent 1 KiB messages, HazelJMS in memory), all running at once, on clusters of
 * 1, 2 and 3 members in this JVM. Queue names are plain (not chosen to be remote), so they spread over the
 * partitions, and so over the members, as a user's queues would. Every JMS connection is made through the
 * factory's own member, as in the other shapes; the other members own their share of the partitions (and the
 * backups). Prints messages/second per shape and its ratio to the 1-member figure.
 */
final class MultiQueueProbe {

    static final List<Integer> MEMBERS = List.of(1, 2, 3);

    private final int queues;
    private final int producers;
    private final int consumers;
    private final int perQueue;
    private final LoadRunner runner;
    private final PrintStream out;

    /** One shape's outcome: its throughput, and how many of the queues each member owns. */
    record Shape(int members, int messages, double seconds, double rate, List<Integer> queuesPerMember,
                 String problem) {
        boolean ok() {
            return problem.isEmpty();
        }
    }

    /**
     * @param perQueue messages per queue in the measured phase (a warm-up of a quarter of it, at least 50,
     *                 runs first on the same queues)
     */
    MultiQueueProbe(int queues, int producers, int consumers, int perQueue, Settings settings, PrintStream out) {
        this.queues = queues;
        this.producers = producers;
        this.consumers = consumers;
        this.perQueue = perQueue;
        this.runner = new LoadRunner(settings.stallMillis(), settings.phaseMillis());
        this.out = out;
    }

    /** Runs every shape in {@code members}; the shapes in order, failed ones with a problem. */
    List<Shape> run(List<Integer> members) throws Exception {
        out.printf("%nMany destinations: %d queues × P %d→%d each, %d × 1 KiB messages per queue, all queues at"
                        + " once; Hazelcast shapes %s member(s), backup count %d%n", queues, producers, consumers,
                perQueue, members, Benchmark.BACKUP_COUNT);
        List<Shape> shapes = new ArrayList<>();
        for (int m : members) {
            Shape s = shape(m);
            shapes.add(s);
        }
        Double base = shapes.stream().filter(s -> s.members() == 1 && s.ok()).map(Shape::rate).findFirst()
                .orElse(null);
        for (Shape s : shapes) {
            if (!s.ok()) {
                out.printf("  %d member(s): FAILED %s%n", s.members(), s.problem());
                continue;
            }
            out.printf("  %d member(s): %,9.0f messages/s  (%,d in %.2f s; queues owned per member %s)%s%n",
                    s.members(), s.rate(), s.messages(), s.seconds(), s.queuesPerMember(),
                    base == null ? "" : String.format("  %.2f × 1 member", s.rate() / base));
        }
        return shapes;
    }

    private Shape shape(int members) throws Exception {
        try (HazelcastCluster cluster = HazelcastCluster.start(members, Benchmark.BACKUP_COUNT)) {
            Target target = cluster.hazelJms();
            List<String> names = new ArrayList<>();
            for (int q = 0; q < queues; q++) {
                names.add("bench-mq-" + members + "m-" + q);
            }
            List<Integer> spread = spread(cluster, names);
            List<OpenLoad> loads = new ArrayList<>();
            // one thread per queue drives that queue's LoadRunner phase (which has its own producers/consumers)
            ExecutorService pool = Executors.newFixedThreadPool(queues, r -> {
                Thread t = new Thread(r, "bench-mq-driver");
                t.setDaemon(true);
                return t;
            });
            try {
                for (String name : names) {
                    loads.add(new OpenLoad(target, name, true, producers, consumers, runner, out));
                }
                List<LoadRunner.Phase> warm = phase(pool, loads, Math.max(50, perQueue / 4));
                String problem = problem(warm);
                if (!problem.isEmpty()) {
                    return new Shape(members, 0, 0, 0, spread, "warm-up: " + problem);
                }
                List<LoadRunner.Phase> phases = phase(pool, loads, perQueue);
                problem = problem(phases);
                long start = phases.stream().mapToLong(p -> p.start).min().orElseThrow();
                long end = phases.stream().mapToLong(p -> p.lastReceive.get()).max().orElseThrow();
                double seconds = (end - start) / 1e9;
                int total = perQueue * queues;
                return new Shape(members, total, seconds, seconds <= 0 ? 0 : total / seconds, spread, problem);
            } finally {
                pool.shutdownNow();
                OpenLoad.closeAll(loads, out);
            }
        }
    }

    /** One phase of {@code count} messages on every queue at once. */
    private static List<LoadRunner.Phase> phase(ExecutorService pool, List<OpenLoad> loads, int count)
            throws Exception {
        List<Future<LoadRunner.Phase>> futures = new ArrayList<>();
        for (OpenLoad load : loads) {
            futures.add(pool.submit(() -> load.run(count, 0)));
        }
        List<LoadRunner.Phase> phases = new ArrayList<>();
        for (Future<LoadRunner.Phase> f : futures) {
            phases.add(f.get(15, TimeUnit.MINUTES)); // each phase is bounded by phaseMillis itself
        }
        return phases;
    }

    private static String problem(List<LoadRunner.Phase> phases) {
        for (int i = 0; i < phases.size(); i++) {
            if (!phases.get(i).ok()) {
                return "queue " + i + ": " + phases.get(i).problem();
            }
        }
        return "";
    }

    /** How many of the queues each member owns (by the partition of the queue's key), members in join order. */
    private static List<Integer> spread(HazelcastCluster cluster, List<String> names) {
        Map<Member, Integer> owned = new LinkedHashMap<>();
        for (Member m : cluster.local().getCluster().getMembers()) {
            owned.put(m, 0);
        }
        for (String name : names) {
            Member owner = cluster.local().getPartitionService()
                    .getPartition(DestinationKey.queue(name).encode()).getOwner();
            if (owner != null) {
                owned.merge(owner, 1, Integer::sum);
            }
        }
        return new ArrayList<>(owned.values());
    }

    /** {@code --multi-queue-members}: numbers 1 to 3, sorted so the ratio has its base first. */
    static List<Integer> parseMembers(String list) {
        List<Integer> members = new ArrayList<>(BenchMain.parseMembers("--multi-queue-members", list, 3));
        members.sort(null);
        return members;
    }
}
