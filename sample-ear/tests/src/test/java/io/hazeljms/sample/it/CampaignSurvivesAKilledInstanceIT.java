package io.hazeljms.sample.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "Two instances", with a crash: two Payara Micro processes, each with {@code hazeljms-ra.rar} and
 * the sample WAR, one HazelJMS cluster (a cluster name of this test's own) on loopback, and one durable outbox
 * directory (the simulated mailbox, {@code hazeljms.sample.outbox.dir}) they share. A campaign of
 * {@value #MAILS} mails ({@value #FAILING} to failing addresses) is submitted; once both instances have sent
 * mails of it, one instance is killed with SIGKILL. The survivor must finish the campaign, and then:
 *
 * <ul>
 *   <li>its {@code GET /api/campaigns/{id}} reports sent + failed = total, pending 0, failed = {@value #FAILING};
 *       so does the killed instance once started again, which heard none of the campaign's events: both count
 *       it from the mailbox and the dead-letter queue, and list it;</li>
 *   <li>the mailbox holds exactly one mail for each good recipient (no duplicate, none missing) and none for a
 *       failing one, counted from the files of both instances, the killed one's included.</li>
 * </ul>
 *
 * Then the killed instance is started again and the other one killed during the next campaign, with the same
 * checks, three rounds in all by default. Every round runs and reports before the test fails, so one
 * run shows them all.
 */
class CampaignSurvivesAKilledInstanceIT {

    private static final Path IT = Paths.get(System.getProperty("sample.it.dir", "target/it"));
    /** Campaigns, each with one kill (default 3: about 3 minutes); {@code -Dkill.it.rounds=N}. */
    static final int ROUNDS = Integer.getInteger("kill.it.rounds", 3);
    static final int MAILS = 3000;
    static final int FAILING = 6;
    /** Simulated SMTP latency per mail (ms): keeps a campaign running long enough to kill an instance in it. */
    static final int DELAY_MILLIS = 2;
    /** Mails each instance must have sent before the kill: both are in the middle of the work. */
    static final int SENT_BY_EACH_BEFORE_KILL = 40;
    static final Duration START = Duration.ofMinutes(3);
    static final Duration FINISH_AFTER_KILL = Duration.ofSeconds(120);
    /** A campaign whose counts did not move for this long after the kill is stuck. */
    static final Duration STALLED = Duration.ofSeconds(45);

    private final String cluster = "hazeljms-kill-it-" + UUID.randomUUID().toString().substring(0, 8);
    /** The campaign of the latest round. */
    private String lastCampaign;
    private final Path outbox = Paths.get(System.getProperty("micro.logs.dir", "target/micro-logs"))
            .resolveSibling("kill-it-outbox-" + cluster);

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aCampaignEndsExactlyOnceWhenOneOfTwoInstancesIsKilled() throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(outbox);
        List<MicroServer> all = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try {
            ExecutorService starter = Executors.newFixedThreadPool(2);
            Future<MicroServer> startA = starter.submit(() -> start("kill-a", 18600));
            Future<MicroServer> startB = starter.submit(() -> start("kill-b", 18650));
            starter.shutdown();
            MicroServer a = started(startA, all);
            MicroServer b = started(startB, all);
            if (a == null || b == null) {
                startA.get(); // throws why it failed
                startB.get();
            }
            System.out.printf("two instances up in %d s: :%d (pid %d), :%d (pid %d); cluster %s; outbox %s%n",
                    seconds(started), a.httpPort(), a.pid(), b.httpPort(), b.pid(), cluster, outbox);

            // round 1 kills b; the killed instance is started again and, next round, the other one is killed
            MicroServer survivor = a;
            MicroServer victim = b;
            for (int round = 1; round <= ROUNDS; round++) {
                failures.addAll(round(round, survivor, victim));
                failures.addAll(reportsTheEnd("round " + round + ": survivor", survivor, lastCampaign));
                if (round < ROUNDS) {
                    long restart = System.nanoTime();
                    MicroServer again = start(victim == b ? "kill-b-" + round : "kill-a-" + round,
                            victim.httpPort());
                    all.add(again);
                    System.out.printf("killed instance started again in %d s: :%d (pid %d)%n", seconds(restart),
                            again.httpPort(), again.pid());
                    // it heard none of the campaign's events: what it reports comes from the mailbox and the DLQ
                    failures.addAll(reportsTheEnd("round " + round + ": restarted instance", again, lastCampaign));
                    victim = survivor;
                    survivor = again;
                }
            }
        } finally {
            for (MicroServer micro : all) {
                micro.close();
            }
        }
        System.out.printf("whole test: %d s%n", seconds(started));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * What {@code server} reports of a campaign that ended: complete, with the right totals, counted from the
     * mailbox (not from the events it heard), and listed by {@code GET /api/campaigns}.
     *
     * @return what is wrong (empty: nothing)
     */
    private static List<String> reportsTheEnd(String tag, MicroServer server, String id) throws Exception {
        SampleApi api = new SampleApi(server.baseUri().resolve("sample/"));
        JsonObject c = api.campaign(id);
        List<String> failures = new ArrayList<>();
        if (!c.getBoolean("complete") || c.getInt("total") != MAILS || c.getInt("sent") != MAILS - FAILING
                || c.getInt("failed") != FAILING || c.getInt("pending") != 0
                || !"mailbox".equals(c.getString("progressFrom"))) {
            failures.add(tag + " :" + server.httpPort() + " reports " + brief(c) + " from " + c.getString("progressFrom")
                    + "; expected complete, sent " + (MAILS - FAILING) + ", failed " + FAILING + " of " + MAILS
                    + " from the mailbox");
        }
        boolean listed = api.campaigns().getJsonArray("campaigns").stream()
                .anyMatch(listedOne -> id.equals(listedOne.asJsonObject().getString("id")));
        if (!listed) {
            failures.add(tag + " :" + server.httpPort() + " does not list campaign " + id);
        }
        System.out.printf("%s :%d reports %s (%s)%s%n", tag, server.httpPort(), brief(c), c.getString("progressFrom"),
                listed ? ", listed" : ", NOT listed");
        return failures;
    }

    /**
     * One campaign, submitted to {@code survivor}; {@code victim} is killed once both have sent
     * {@value #SENT_BY_EACH_BEFORE_KILL} of its mails.
     *
     * @return what is wrong (empty: nothing)
     */
    private List<String> round(int round, MicroServer survivor, MicroServer victim) throws Exception {
        String tag = "round " + round + " (kill :" + victim.httpPort() + ", survivor :" + survivor.httpPort() + ")";
        SampleApi api = new SampleApi(survivor.baseUri().resolve("sample/"));
        long submitted = System.nanoTime();
        String id = api.submitCampaign(Json.createObjectBuilder()
                .add("subject", "Crash " + round).add("body", "Hello").add("recipients", MAILS)
                .add("failing", FAILING).add("priority", 4).add("delayMillis", DELAY_MILLIS).build()).getString("id");
        lastCampaign = id;

        String survivorName = ":" + survivor.httpPort();
        String victimName = ":" + victim.httpPort();
        JsonObject beforeKill = Poll.until(tag + ": both instances sending " + id, Duration.ofSeconds(120),
                Duration.ofMillis(50), () -> {
                    JsonObject c = api.campaign(id);
                    JsonObject by = c.getJsonObject("sentByInstance");
                    return by.getInt(survivorName, 0) >= SENT_BY_EACH_BEFORE_KILL
                            && by.getInt(victimName, 0) >= SENT_BY_EACH_BEFORE_KILL ? c : null;
                });
        victim.kill();
        long killed = System.nanoTime();
        Instant killedAt = Instant.now();
        System.out.printf("%s: %s killed (pid %d) at %s, %d ms after the campaign was accepted, at %s%n", tag,
                victimName, victim.pid(), killedAt, (killed - submitted) / 1_000_000, brief(beforeKill));

        List<String> failures = new ArrayList<>();
        if (beforeKill.getBoolean("complete")) {
            failures.add(tag + ": the campaign was complete before the kill; make it longer");
        }
        // until complete, FINISH_AFTER_KILL has passed, or nothing moved for STALLED
        long[] lastChange = {System.nanoTime()};
        JsonObject[] last = {beforeKill};
        Poll.until(tag + ": campaign " + id + " complete or stalled on the survivor", FINISH_AFTER_KILL.plusSeconds(5),
                Duration.ofMillis(250), () -> {
                    JsonObject c = api.campaign(id);
                    if (c.getInt("sent") != last[0].getInt("sent") || c.getInt("failed") != last[0].getInt("failed")) {
                        lastChange[0] = System.nanoTime();
                    }
                    last[0] = c;
                    boolean over = System.nanoTime() - killed > FINISH_AFTER_KILL.toNanos();
                    boolean stalled = System.nanoTime() - lastChange[0] > STALLED.toNanos();
                    return c.getBoolean("complete") || over || stalled ? c : null;
                });
        boolean complete = last[0].getBoolean("complete");
        JsonObject end = last[0];
        long after = (System.nanoTime() - killed) / 1_000_000;
        Mailbox mailbox = Mailbox.read(outbox.resolve(id));
        long reannounced = count(survivor.logFile(), "of " + id + " to ", "was sent already; announcing it only");
        System.out.printf("%s: %s %d ms after the kill: %s; mailbox: %d mails to %d recipients, %d duplicated, "
                        + "%d good recipients missing, %d failing mailed; %d redelivered mails the survivor found "
                        + "sent already and only announced%n",
                tag, complete ? "complete" : "NOT complete", after, brief(end), mailbox.mails(),
                mailbox.copies().size(), mailbox.duplicated().size(), mailbox.missing(MAILS, FAILING).size(),
                mailbox.failingMailed().size(), reannounced);

        int total = end.getInt("total");
        int sent = end.getInt("sent");
        int failed = end.getInt("failed");
        int pending = end.getInt("pending");
        if (!complete) {
            failures.add(tag + ": not complete " + after + " ms after the kill (no change for "
                    + (System.nanoTime() - lastChange[0]) / 1_000_000 + " ms): " + brief(end));
        }
        if (total != MAILS || sent + failed != MAILS || pending != 0 || failed != FAILING || sent != MAILS - FAILING) {
            failures.add(tag + ": survivor reports " + brief(end) + "; expected sent " + (MAILS - FAILING)
                    + ", failed " + FAILING + ", pending 0 of " + MAILS);
        }
        if (!mailbox.duplicated().isEmpty()) {
            failures.add(tag + ": " + mailbox.duplicated().size() + " recipients mailed more than once: "
                    + mailbox.describe(mailbox.duplicated()));
        }
        List<String> missing = mailbox.missing(MAILS, FAILING);
        if (!missing.isEmpty()) {
            failures.add(tag + ": " + missing.size() + " good recipients never mailed: "
                    + missing.subList(0, Math.min(10, missing.size())));
        }
        if (!mailbox.failingMailed().isEmpty()) {
            failures.add(tag + ": failing recipients mailed: " + mailbox.failingMailed());
        }
        if (!complete || pending != 0) {
            failures.add(tag + ": where the pending mails are: " + whereArePending(api, id, mailbox, killedAt));
        }
        failures.forEach(f -> System.out.println("FAILURE " + f));
        return failures;
    }

    /**
     * The good recipients the survivor was not told about: whether the mailbox has their mail (who sent it, when,
     * against the time of the kill) and whether their message is still on {@code mail.outbound}.
     */
    private static String whereArePending(SampleApi api, String id, Mailbox mailbox, Instant killedAt)
            throws IOException, InterruptedException {
        JsonObject where = api.recipients(id);
        Set<String> announced = new HashSet<>();
        where.getJsonArray("sent").forEach(v -> announced.add(((JsonString) v).getString()));
        Set<String> queued = new HashSet<>();
        where.getJsonArray("queued").forEach(v -> queued.add(((JsonString) v).getString()));
        List<String> unannounced = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            String good = String.format(Locale.ROOT, "user-%05d@example.com", i + 1);
            if (!Mailbox.isFailingIndex(i, MAILS, FAILING) && !announced.contains(good)) {
                unannounced.add(good);
            }
        }
        StringBuilder text = new StringBuilder().append(unannounced.size()).append(" good recipients not announced, ")
                .append(queued.size()).append(" mails still queued on mail.outbound; killed at ").append(killedAt);
        for (String recipient : unannounced.subList(0, Math.min(10, unannounced.size()))) {
            text.append("\n  ").append(recipient).append(queued.contains(recipient) ? ": queued" : ": not queued")
                    .append(mailbox.copies().containsKey(recipient) ? ", in the mailbox" + mailbox.describe(List.of(recipient))
                            : ", not in the mailbox");
        }
        return text.toString();
    }

    /** The started server (also added to {@code all}, so that it is stopped), or null if it did not start. */
    private static MicroServer started(Future<MicroServer> start, List<MicroServer> all) throws InterruptedException {
        try {
            MicroServer micro = start.get();
            all.add(micro);
            return micro;
        } catch (ExecutionException e) {
            return null;
        }
    }

    private MicroServer start(String name, int firstHttpPort) throws Exception {
        return MicroServer.start(name, MicroServer.microJar(), cluster, 5870, firstHttpPort,
                List.of("-Dhazeljms.sample.outbox.dir=" + outbox.toAbsolutePath()), START,
                IT.resolve("hazeljms-ra.rar"), IT.resolve("sample.war"));
    }

    private static String brief(JsonObject c) {
        return String.format(Locale.ROOT, "total %d, sent %d, failed %d, pending %d, by instance %s",
                c.getInt("total"), c.getInt("sent"), c.getInt("failed"), c.getInt("pending"),
                c.getJsonObject("sentByInstance"));
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000;
    }

    /** Lines of a log that contain all of {@code parts}. */
    private static long count(Path log, String... parts) throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> Stream.of(parts).allMatch(line::contains)).count();
        }
    }
}
