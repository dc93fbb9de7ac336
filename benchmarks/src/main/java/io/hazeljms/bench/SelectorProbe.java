package io.hazeljms.bench;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Competing consumers with selectors (issue 16): {@value #CONSUMERS} consumers on one queue, consumer {@code i}
 * with the selector {@code shard = i}, fed by {@value #PRODUCERS} producers that set the int property
 * {@code shard} round-robin (message number modulo {@value #CONSUMERS}); beside it the same load on another
 * queue with consumers without selectors. On HazelJMS (one member, in memory) and on embedded Artemis (in-VM,
 * persistence off), with strict settings on both: PERSISTENT sends that return once the broker holds the message,
 * and consumers that take one message per request (HazelJMS {@code prefetch=1}, Artemis
 * {@code consumerWindowSize=0}), so neither side buffers messages in its consumers. Each load is warmed up, then
 * the four loads take turns for {@code rounds} phases; the median round of each is reported, with the ratios
 * HazelJMS ÷ Artemis (with selectors) and with ÷ without selectors.
 */
final class SelectorProbe {

    static final int CONSUMERS = 12;
    static final int PRODUCERS = 4;
    static final String PROPERTY = "shard";

    private final int count;
    private final Settings settings;
    private final Path workDir;
    private final LoadRunner runner;
    private final PrintStream out;
    /** HazelJMS's producers and consumers connect as a Hazelcast client (the public-API hot path). */
    private final boolean publicApi;

    /**
     * One load's outcome: the median round's end-to-end rate and every round's, the CPU time this JVM spent per
     * message in that round (steadier than the rate when other work shares the machine), or what went wrong.
     */
    record Figure(String target, boolean selectors, double rate, List<Double> rounds, double cpuMicros,
                  String problem) {
        boolean ok() {
            return problem.isEmpty();
        }
    }

    /** The four figures and the ratios that matter; a ratio is 0 when one side failed. */
    record Outcome(Figure hazelSelectors, Figure hazelPlain, Figure artemisSelectors, Figure artemisPlain) {
        boolean ok() {
            return hazelSelectors.ok() && hazelPlain.ok() && artemisSelectors.ok() && artemisPlain.ok();
        }

        double vsArtemis() {
            return ratio(hazelSelectors, artemisSelectors);
        }

        double vsNoSelectors() {
            return ratio(hazelSelectors, hazelPlain);
        }

        double artemisVsNoSelectors() {
            return ratio(artemisSelectors, artemisPlain);
        }

        private static double ratio(Figure a, Figure b) {
            return a.ok() && b.ok() && b.rate() > 0 ? a.rate() / b.rate() : 0;
        }
    }

    /** @param count messages per measured round (the warm-up runs {@code settings.jitSeconds()} per target first) */
    SelectorProbe(int count, Settings settings, Path workDir, PrintStream out) {
        this(count, settings, workDir, out, false);
    }

    /** @param publicApi HazelJMS through a Hazelcast client of the member instead of the member itself */
    SelectorProbe(int count, Settings settings, Path workDir, PrintStream out, boolean publicApi) {
        this.publicApi = publicApi;
        this.count = count;
        this.settings = settings;
        this.workDir = workDir;
        this.runner = new LoadRunner(settings.stallMillis(), settings.phaseMillis());
        this.out = out;
    }

    Outcome run() throws Exception {
        out.printf("%nSelectors: %d competing consumers with disjoint selectors (%s = 0..%d) on one queue, %d producers"
                        + " setting %s round-robin, PERSISTENT 1 KiB, one message per receive (prefetch 1 /"
                        + " consumerWindowSize 0), both brokers in memory; %,d messages a round, median of %d;"
                        + " beside it the same load without selectors%n", CONSUMERS, PROPERTY, CONSUMERS - 1,
                PRODUCERS, PROPERTY, count, settings.rounds());
        Figure[] hazel;
        try (HazelcastCluster cluster = HazelcastCluster.start(1, Benchmark.BACKUP_COUNT,
                HazelcastCluster.Durability.IN_MEMORY, 1)) {
            if (publicApi) {
                out.println("  HazelJMS through a Hazelcast client of the member (the public-API hot path)");
                try (var client = cluster.clientFactory(1)) {
                    hazel = measure("hazeljms", client);
                }
            } else {
                hazel = measure("hazeljms", cluster.factory());
            }
        } catch (Exception e) {
            hazel = failed("hazeljms", e);
        }
        Figure[] artemis;
        try (ArtemisBroker broker = ArtemisBroker.start(false, workDir);
             ActiveMQConnectionFactory factory = broker.unbufferedInVm()) {
            artemis = measure("artemis-invm", factory);
        } catch (Exception e) {
            artemis = failed("artemis-invm", e); // e.g. its port taken by another run on the machine
        }
        Outcome o = new Outcome(hazel[0], hazel[1], artemis[0], artemis[1]);
        for (Figure f : List.of(o.hazelSelectors(), o.hazelPlain(), o.artemisSelectors(), o.artemisPlain())) {
            out.printf("  %-13s %-18s %s%n", f.target(), f.selectors() ? "with selectors" : "without selectors",
                    f.ok() ? String.format("%,9.0f messages/s (rounds %s), CPU %.0f µs/message", f.rate(),
                            Benchmark.roundsText(f.rounds()), f.cpuMicros())
                            : "FAILED: " + f.problem());
        }
        out.printf("  HazelJMS ÷ Artemis, with selectors: %.2f (aim ≥ 2); HazelJMS with ÷ without selectors: %.2f"
                + " (aim ≥ 0.7); Artemis with ÷ without: %.2f%n", o.vsArtemis(), o.vsNoSelectors(),
                o.artemisVsNoSelectors());
        return o;
    }

    private static Figure[] failed(String target, Exception e) {
        return new Figure[]{new Figure(target, true, 0, List.of(), 0, e.toString()),
                new Figure(target, false, 0, List.of(), 0, e.toString())};
    }

    /** Both loads on one broker: warm-up, then the rounds taking turns. Index 0 with selectors, 1 without. */
    private Figure[] measure(String target, ConnectionFactory factory) throws Exception {
        String base = "bench-selectors-" + System.nanoTime();
        Load[] loads = {new Load(factory, base + "-sel", true), new Load(factory, base + "-plain", false)};
        try {
            String[] problems = {"", ""};
            long until = System.nanoTime() + (long) (settings.jitSeconds() * 1e9);
            int warmCount = Math.max(CONSUMERS * 10, count / 4);
            do {
                for (int i = 0; i < 2; i++) {
                    LoadRunner.Phase p = loads[i].run(warmCount);
                    if (!p.ok() && problems[i].isEmpty()) {
                        problems[i] = "warm-up: " + p.problem();
                    }
                }
            } while (System.nanoTime() < until && problems[0].isEmpty() && problems[1].isEmpty());
            List<List<Round>> rounds = List.of(new ArrayList<>(), new ArrayList<>());
            for (int r = 0; r < settings.rounds(); r++) {
                for (int i = 0; i < 2; i++) {
                    if (problems[i].isEmpty()) {
                        long cpu = cpuNanos();
                        LoadRunner.Phase p = loads[i].run(count);
                        if (p.ok()) {
                            rounds.get(i).add(new Round(p.endToEndRate(), (cpuNanos() - cpu) / 1e3 / p.count()));
                        } else {
                            problems[i] = p.problem();
                        }
                    }
                }
            }
            Figure[] figures = new Figure[2];
            for (int i = 0; i < 2; i++) {
                List<Double> rates = rounds.get(i).stream().map(Round::rate).toList();
                Round median = problems[i].isEmpty() ? rounds.get(i).stream()
                        .sorted(Comparator.comparingDouble(Round::rate)).toList().get(rates.size() / 2) : null;
                figures[i] = new Figure(target, i == 0, median == null ? 0 : median.rate(), rates,
                        median == null ? 0 : median.cpuMicros(), problems[i]);
            }
            return figures;
        } finally {
            loads[0].close();
            loads[1].close();
        }
    }

    /** A measured round: end-to-end messages/s and this JVM's CPU microseconds per message. */
    private record Round(double rate, double cpuMicros) {
    }

    /** CPU time of this whole JVM so far (brokers, clients and the harness alike). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One queue with its producers and consumers, open across phases (message numbers continue). */
    private final class Load implements AutoCloseable {
        private final List<Target.Sender> senders = new ArrayList<>();
        private final List<Target.Receiver> receivers = new ArrayList<>();
        private int ids;

        Load(ConnectionFactory factory, String queue, boolean selectors) throws Exception {
            try {
                for (int i = 0; i < CONSUMERS; i++) {
                    Target.Receiver r = JmsEndpoints.receiver(factory, queue, selectors ? PROPERTY + " = " + i : null);
                    receivers.add(selectors ? onlyShard(r, i) : r);
                }
                for (int i = 0; i < PRODUCERS; i++) {
                    senders.add(JmsEndpoints.shardingSender(factory, queue, PROPERTY, CONSUMERS));
                }
            } catch (Exception | Error e) {
                close();
                throw e;
            }
        }

        /** A receiver that fails the phase when it is handed another shard's message (a selector not applied). */
        private Target.Receiver onlyShard(Target.Receiver receiver, int shard) {
            return new Target.Receiver() {
                @Override
                public String receive(long timeoutMillis) throws Exception {
                    String payload = receiver.receive(timeoutMillis);
                    if (payload != null && Payload.id(payload) % CONSUMERS != shard) {
                        throw new IllegalStateException("the consumer of " + PROPERTY + " = " + shard
                                + " received message " + Payload.id(payload));
                    }
                    return payload;
                }

                @Override
                public void close() throws Exception {
                    receiver.close();
                }
            };
        }

        LoadRunner.Phase run(int n) throws InterruptedException {
            // a multiple of the shard count keeps every shard's share equal, phase after phase
            int rounded = Math.max(CONSUMERS, n - n % CONSUMERS);
            LoadRunner.Phase phase = runner.run(senders, receivers, ids, rounded, 0, false);
            ids += rounded;
            return phase;
        }

        @Override
        public void close() {
            OpenLoad.closeAll(senders, out);
            OpenLoad.closeAll(receivers, out);
        }
    }
}
