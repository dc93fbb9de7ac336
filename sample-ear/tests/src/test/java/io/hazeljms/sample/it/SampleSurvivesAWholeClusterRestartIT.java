package io.hazeljms.sample.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole cluster dies: one Payara Micro (the only server of its HazelJMS cluster) is killed with SIGKILL in the
 * middle of a campaign of {@value #MAILS} mails, and started again. The mails still queued were PERSISTENT
 * messages in the durable store, so the restarted server sends them: in the end the mailbox holds exactly one mail
 * per good recipient. The resource adapter reaches its store through a container JDBC resource
 * ({@code durableStoreDataSource}), an H2 pool Payara creates, as a Payara user points it at a pool of theirs.
 */
class SampleSurvivesAWholeClusterRestartIT {

    private static final Path IT = Paths.get(System.getProperty("sample.it.dir", "target/it"));
    static final int MAILS = 2000;
    static final int FAILING = 4;
    static final int DELAY_MILLIS = 2;
    static final int SENT_BEFORE_KILL = 150;
    static final Duration START = Duration.ofMinutes(3);
    /** After the restart: the mailbox must fill up; no new mail for this long means stuck. */
    static final Duration STALLED = Duration.ofSeconds(45);

    private final String cluster = "hazeljms-restart-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path outbox = MicroServer.logDir().resolveSibling("restart-it-outbox-" + cluster);
    private final Path database = MicroServer.logDir().resolveSibling("restart-it-db").resolve(cluster);

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void queuedMailsAreSentAfterTheOnlyServerWasKilledAndStartedAgain() throws Exception {
        Files.createDirectories(outbox);
        List<MicroServer> all = new ArrayList<>();
        try {
            MicroServer first = start("restart-a", all);
            SampleApi api = new SampleApi(first.baseUri().resolve("sample/"));
            String id = api.submitCampaign(Json.createObjectBuilder()
                    .add("subject", "Restart").add("body", "Hello").add("recipients", MAILS)
                    .add("failing", FAILING).add("priority", 4).add("delayMillis", DELAY_MILLIS).build())
                    .getString("id");
            JsonObject beforeKill = Poll.until("campaign " + id + " half way", Duration.ofSeconds(120),
                    Duration.ofMillis(50), () -> {
                        JsonObject c = api.campaign(id);
                        return c.getInt("sent") >= SENT_BEFORE_KILL ? c : null;
                    });
            first.kill();
            System.out.printf("killed the only server (pid %d) at sent %d of %d%n", first.pid(),
                    beforeKill.getInt("sent"), MAILS);
            assertTrue(beforeKill.getInt("sent") < MAILS - FAILING, "the campaign ended before the kill: make it longer");

            long restarted = System.nanoTime();
            start("restart-b", all);
            System.out.printf("started again in %d s%n", (System.nanoTime() - restarted) / 1_000_000_000);
            Path mails = outbox.resolve(id);
            int[] last = {-1};
            long[] lastChange = {System.nanoTime()};
            Mailbox end = Poll.until("mailbox of " + id + " complete or stalled", Duration.ofMinutes(4),
                    Duration.ofMillis(250), () -> {
                        Mailbox m = Mailbox.read(mails);
                        if (m.mails() != last[0]) {
                            last[0] = m.mails();
                            lastChange[0] = System.nanoTime();
                        }
                        boolean complete = m.missing(MAILS, FAILING).isEmpty();
                        boolean stalled = System.nanoTime() - lastChange[0] > STALLED.toNanos();
                        return complete || stalled ? m : null;
                    });
            List<String> missing = end.missing(MAILS, FAILING);
            System.out.printf("mailbox: %d mails, %d duplicated, %d missing, %d failing mailed%n", end.mails(),
                    end.duplicated().size(), missing.size(), end.failingMailed().size());
            assertTrue(missing.isEmpty(), missing.size() + " good recipients never mailed after the restart: "
                    + missing.subList(0, Math.min(10, missing.size())));
            assertTrue(end.duplicated().isEmpty(), "mailed twice: " + end.describe(end.duplicated()));
            assertTrue(end.failingMailed().isEmpty(), "failing recipients mailed: " + end.failingMailed());
        } finally {
            for (MicroServer micro : all) {
                micro.close();
            }
        }
    }

    /** Micro with an H2 JDBC pool and resource, the adapter's store on it, then the RAR and the sample. */
    private MicroServer start(String name, List<MicroServer> all) throws Exception {
        String url = ("jdbc:h2:file:" + database.toAbsolutePath()).replace(":", "\\:");
        List<String> setup = List.of(
                "create-jdbc-connection-pool --datasourceclassname org.h2.jdbcx.JdbcDataSource"
                        + " --restype javax.sql.DataSource --property url=" + url + " hazeljms-store-pool",
                "create-jdbc-resource --connectionpoolid hazeljms-store-pool jdbc/hazeljms-store");
        MicroServer micro = MicroServer.start(name, MicroServer.microJar(), setup, "clusterName=" + cluster
                        + ":port=5890:durableStoreDataSource=jdbc/hazeljms-store", 18700,
                List.of("-Dhazeljms.sample.outbox.dir=" + outbox.toAbsolutePath()), START,
                IT.resolve("hazeljms-ra.rar"), IT.resolve("sample.war"));
        all.add(micro);
        return micro;
    }
}
