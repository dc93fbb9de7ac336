package io.hazeljms.crash;

import io.hazeljms.store.durable.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13's bar, from outside the project: PERSISTENT messages sent to three members, every JVM killed with
 * kill -9, the cluster restarted on the same durable store: everything acknowledged is delivered, nothing twice
 * without JMSRedelivered.
 *
 * <p>{@value #ROUNDS} rounds on one queue and one database: three durable members start (the first loads the
 * store back, the others wait), a producer sends {@value #MESSAGES} PERSISTENT messages at {@value #RATE}/s; from the
 * 500th on a slower consumer (CLIENT_ACKNOWLEDGE, batches of 1..10, {@value #CONSUMER_RATE}/s) takes what earlier
 * rounds left and them; once both are busy, after a random
 * pause, every JVM of the round (three members, producer, consumer) is killed at once, in random order, while sends
 * and consumption are in flight. The last round runs with the cores kept busy, and with one more JVM that is not
 * killed: a client producer on the same store, sending at {@value #SURVIVOR_RATE}/s across the kill; it lives
 * through the restart, reconnects, checks the new cluster's store, finishes its batch and sends 100 more, all of
 * which must be acknowledged. Then three fresh members start on the database and a fresh JVM drains the queue. Run
 * on the embedded default (an H2 file in the case directory) and on a real PostgreSQL server.
 *
 * <p>The ledger allows one thing the other cases do not: a delivery after an acknowledgement returned, if flagged
 * redelivered. Rows of acknowledged messages are deleted asynchronously, so a whole-cluster crash may bring an
 * acknowledged message back; after such a crash every recovered message is flagged. Unflagged, it is a violation.
 * No delivery gap is bounded: after the kill nothing runs until the next round starts.
 */
class CrashWholeClusterTest extends CrashCase {

    static final int ROUNDS = 3;
    static final int MESSAGES = 2000;
    static final int RATE = 400;
    static final int CONSUMER_RATE = 150;
    /** The surviving client's batch spans the kill and the restart: its sends wait for the new cluster. */
    static final int SURVIVOR_MESSAGES = 600;
    static final int SURVIVOR_RATE = 100;
    static final long SURVIVOR_RECONNECT_MILLIS = 120_000;
    static final String QUEUE = "durable";

    @Test
    @Timeout(200)
    void embeddedStoreLosesNothingWhenEveryJvmIsKilled() {
        wholeCluster("whole-embedded", null);
    }

    @Test
    @Timeout(200)
    void postgresStoreLosesNothingWhenEveryJvmIsKilled() {
        try (PostgresServer pg = PostgresServer.start()) {
            wholeCluster("whole-postgres", pg.jdbcUrl());
        }
    }

    private void wholeCluster(String name, String jdbcUrl) {
        // 4 generations of 3 members plus embedded producers/consumers: more than one range of 20 ports
        run = new CrashRun(name, 40);
        run.durable(jdbcUrl == null ? "embedded" : jdbcUrl, jdbcUrl == null ? run.dir : null);
        int memberNo = 0;
        List<String> rounds = new ArrayList<>();
        Child survivor = null;
        for (int round = 0; round < ROUNDS; round++) {
            boolean busy = round == ROUNDS - 1;
            Child stress = busy ? run.stress() : null;
            long startAt = System.currentTimeMillis();
            List<Child> all = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                all.add(run.member("member-" + memberNo++));
            }
            // producer a client and consumer an embedded member in turn, and the reverse; the embedded one starts
            // with the members (it may be the node that loads the store), the client once there is a cluster
            boolean client = round % 2 == 1;
            Child embedded = client ? consumer(round, false) : run.producer("producer-" + round, false);
            all.add(embedded);
            all.forEach(CrashRun::ready);
            long membersReady = System.currentTimeMillis();
            Child producer = client ? run.producer("producer-" + round, true) : embedded;
            Child consumer = client ? embedded : consumer(round, true);
            all.add(client ? producer : consumer);
            CrashRun.ready(producer);
            CrashRun.ready(consumer);
            if (busy) {
                // a client producer that is not killed: it lives through the restart of the whole cluster
                survivor = run.producer("survivor", true, "clientConnectTimeoutMillis=" + SURVIVOR_RECONNECT_MILLIS);
                CrashRun.ready(survivor);
                survivor.command("send " + QUEUE + " " + SURVIVOR_MESSAGES + " " + SURVIVOR_RATE + " s");
            }
            producer.command("send " + QUEUE + " " + MESSAGES + " " + RATE + " r" + round);
            // the consumer starts once a quarter of the round's sends are acknowledged, slower than the producer, so
            // a backlog is left (and held, unacknowledged messages) when everything is killed; three quarters still
            // to send keep the producer busy past the consumer's first GOT even when its pacing catches up after a
            // slow start (with half, it once finished first)
            producer.await("PROGRESS " + QUEUE + " 500", Duration.ofSeconds(60));
            consumer.command("consume " + QUEUE);
            consumer.await("GOT " + QUEUE + " ", Duration.ofSeconds(60));
            Pause.random(0, 300);
            Collections.shuffle(all);
            long killedAt = CrashRun.killAll(all);
            boolean sendsInFlight = producer.lines("SENT ").isEmpty();
            boolean consumingInFlight = consumer.lines("FINISHED ").isEmpty();
            List<String> got = consumer.lines("GOT ");
            String line = String.format("%s round %d: members (and the embedded %s) ready in %d ms; killed %s at %d "
                            + "(sends in flight=%b, consumer in flight=%b, consumer's last %s)%s",
                    name, round, client ? "consumer" : "producer", membersReady - startAt,
                    all.stream().map(c -> c.name + "/" + c.pid()).toList(), killedAt, sendsInFlight,
                    consumingInFlight, got.get(got.size() - 1), busy ? " [cores busy]" : "");
            System.out.println(line);
            rounds.add(line);
            assertTrue(sendsInFlight, "the kill came after the producer finished: " + line);
            if (stress != null) {
                stress.kill();
            }
        }
        long restart = System.currentTimeMillis();
        List<Child> last = startMembers(memberNo);
        System.out.printf("%s: final members ready in %d ms%n", name, System.currentTimeMillis() - restart);
        // the survivor's batch went on through the restart; then a batch wholly after it must be acknowledged
        String across = survivor.await("SENT " + QUEUE, Duration.ofSeconds(120));
        int mark = survivor.lineCount();
        survivor.command("send " + QUEUE + " 100 0 after");
        String after = survivor.await(mark, "SENT " + QUEUE, Duration.ofSeconds(60));
        System.out.printf("%s: the surviving client sent across the restart (%s), then after it (%s)%n", name, across,
                after);
        assertTrue(after.contains(" ok=100 "), "a client that lived through the restart sends again: " + after);
        survivor.kill();
        run.drainAll("drain", true, QUEUE);
        for (Child m : last) {
            m.kill();
        }
        // no gap bound: nothing is delivered between a whole-cluster kill and the next round's start
        Ledger.Report r = Ledger.read(run.dir).check(List.of(QUEUE), List.of(), true);
        String summary = name + ": " + r + " evidence in " + run.dir;
        System.out.println(summary);
        assertTrue(r.ok(Long.MAX_VALUE), summary + "\n" + String.join("\n", rounds));
    }

    private Child consumer(int round, boolean client) {
        return run.consumer("consumer-" + round, client, Role.AckMode.CLIENT, 10, CONSUMER_RATE);
    }

    /** Three durable members started together (the first to claim it loads the store), all ready. */
    private List<Child> startMembers(int firstNo) {
        List<Child> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(run.member("member-" + (firstNo + i)));
        }
        for (Child m : members) {
            CrashRun.ready(m);
        }
        return members;
    }
}
