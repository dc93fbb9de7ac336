package io.hazeljms.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Case 6: the JVM inside an operator's move or redrive ({@code BrokerManagement.move}, {@code redriveAll}) is
 * killed, as a client or an embedded member; in two more rounds the plain member owning the dead-letter queue's
 * partition is killed under a client's move instead, and that client lives on to the end (a move the crash
 * interrupted must not leave messages held by a node that is still there). The store keeps a message on the source
 * until it is stored on the target, so a crash may duplicate, never lose: judged on what a fresh JVM drains at the
 * end, every id sent is found at least once (in the dead-letter queue, the queue it was parked in, or the queue it
 * came from) with the body checksum its producer recorded; duplicates are counted and reported.
 *
 * <p>The dead letters are sent by a producer with {@code HJMS_OriginalDestination} set, as the broker sets it when
 * it dead-letters a message: a redrive reads nothing else. Rounds 0-3 move everything from the dead-letter queue
 * to a parking queue and back, again and again (a kill lands inside a move); before each of rounds 4-7, 1,000 more
 * dead letters arrive (mostly under the previous round's move), then {@code redriveAll} runs on both queues and is
 * killed at a random moment. Client in the even rounds, embedded member in the odd ones; the owner is killed in
 * rounds 2 and 6; rounds 3 and 7 run with the cores kept busy. The cluster is safe (every backup in place) before
 * each kill, so no kill meets a partition whose backup is still missing.
 */
class CrashRedriveTest extends CrashCase {

    static final String DLQ = "orders-dlq";
    static final String PARKING = "orders-parked";
    static final String ORIGIN = "orders";
    static final List<String> QUEUES = List.of(DLQ, PARKING, ORIGIN);
    /**
     * Drained at the end: the queues above and the default dead-letter queue of {@link #DLQ} itself, where a message
     * goes once kills counted 10 deliveries of it (a killed node's leases come back as delivered).
     */
    static final List<String> DRAINED = List.of(DLQ, PARKING, ORIGIN, "DLQ");
    static final int FILL = 2000;
    static final int REFILL = 1000;
    static final int ROUNDS = 8;
    /** Rounds that kill the plain member owning the dead-letter queue's partition under a client's move. */
    static final List<Integer> OWNER_KILLS = List.of(2, 6);

    @Test
    @Timeout(300)
    void managementKilledInsideMovesAndRedrivesLosesNoMessage() {
        run = new CrashRun("redrive");
        Map<String, Child> plain = new LinkedHashMap<>();
        List<Child> starting = List.of(run.member("member-0"), run.member("member-1"));
        Child producer = run.producer("producer", true, "origin=queue:" + ORIGIN); // a client: waits for them
        for (Child m : starting) {
            plain.put(CrashRun.ready(m), m);
        }
        CrashRun.ready(producer);
        int memberNo = 2;
        int kills = 0;
        int missed = 0;
        Child next = null;
        int filling = fill(producer, 0); // sent while the first manager starts
        for (int round = 0; round < ROUNDS; round++) {
            boolean redrive = round >= ROUNDS / 2;
            boolean client = round % 2 == 0;
            Child manager = next != null ? next : manager(round);
            if (filling < 0 && redrive) {
                filling = fill(producer, round);
            }
            if (filling >= 0) {
                producer.await(filling, "SENT " + DLQ, Duration.ofSeconds(120));
                filling = -1;
            }
            String managerUuid = CrashRun.ready(manager);
            String owners = owners(plain); // the cluster is safe again: one failure at a time
            // busy cores in the last round of each half: under the move, not while the JVMs start
            Child stress = round % (ROUNDS / 2) == ROUNDS / 2 - 1 ? run.stress() : null;
            if (stress != null) {
                CrashRun.ready(stress);
            }
            int mark = manager.lineCount();
            manager.command(redrive ? "redrive " + DLQ + "," + PARKING : "pingpong " + DLQ + " " + PARKING);
            manager.await(mark, "MOVING", Duration.ofSeconds(30));
            // the next round's manager starts (and an embedded one joins) under this round's move, which saves
            // its start-up time; not while a member is killed here, so that one member fails at a time
            next = round + 1 < ROUNDS && !OWNER_KILLS.contains(round) ? manager(round + 1) : null;
            if (round + 1 >= ROUNDS / 2 && round + 1 < ROUNDS && !OWNER_KILLS.contains(round)) {
                filling = fill(producer, round + 1); // the next redrive's dead letters arrive under this move
            }
            if (OWNER_KILLS.contains(round)) {
                Pause.random(0, 150);
                Child owner = plain.remove(owner(owners, DLQ));
                assertTrue(owner != null, "the dead-letter queue's owner is no plain member: " + owners);
                owner.kill();
                Child replacement = run.member("member-" + memberNo++);
                if (!redrive) {
                    manager.command("stop");
                }
                // the manager lives on until the end (the drain included): whatever its interrupted move held
                // must not stay held by it
                String end = manager.await(mark, redrive ? "REDRIVEN" : "STOPPED", Duration.ofSeconds(60));
                plain.put(CrashRun.ready(replacement), replacement);
                System.out.printf("redrive round %d: owner %s of %s killed under the %s of manager %s (client); "
                                + "it ended: %s, failures %s%n", round, owner.name, DLQ,
                        redrive ? "redriveAll" : "move ping-pong", manager.name, end, manager.lines("MGMTFAIL"));
                continue;
            }
            Pause.random(100, 1200); // a redrive of 1,000-5,000 takes 0.3-2 s, a move of 2,000 0.1-1.5 s
            boolean finished = redrive && !manager.lines("REDRIVEN").isEmpty();
            manager.kill();
            kills++;
            missed += finished ? 1 : 0;
            System.out.printf("redrive round %d: %s manager %s (%s, owned %s) killed %s; passes %d, failures %d%s%n",
                    round, redrive ? "redriveAll" : "move ping-pong", manager.name,
                    client ? "client" : "embedded", ownedBy(owners, managerUuid),
                    finished ? "after it finished" : "in the middle", manager.lines("PASS").size(),
                    manager.lines("MGMTFAIL").size(), stress == null ? "" : " [cores busy]");
            if (stress != null) {
                stress.kill();
            }
        }
        // nobody else moves or consumes now: a short idle is enough (a queue with held messages is waited for)
        run.drainAll("drain", true, 1500, DRAINED.toArray(String[]::new));
        Set<String> inDoubt = new HashSet<>(); // sends that failed may still have been stored
        producer.lines("SENDFAIL").forEach(l -> inDoubt.add(l.split(" ")[1]));
        Ledger.AtLeastOnce r = Ledger.read(run.dir).atLeastOnce("drain", DLQ, DRAINED, inDoubt);
        String summary = "redrive: " + kills + " managers killed (" + missed + " after finishing), "
                + OWNER_KILLS.size() + " owners killed under a move | " + r + " | sends failed (in doubt, not "
                + "judged): " + inDoubt.size() + " | evidence in " + run.dir;
        System.out.println(summary);
        if (!r.lost.isEmpty()) {
            write(run.file("lost.ids"), r.lost);
        }
        assertTrue(r.ok(), summary + (r.lost.isEmpty() ? "" : "; every lost id in lost.ids"));
    }

    private static void write(Path file, List<String> ids) {
        try {
            Files.write(file, ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Round {@code round}'s manager JVM: a client in the even rounds, an embedded member in the odd ones. */
    private Child manager(int round) {
        return run.manager("manage-" + round, round % 2 == 0);
    }

    /**
     * Starts sending the dead letters of {@code round} to {@link #DLQ} ({@link #FILL} for the first round, else
     * {@link #REFILL}); returns the producer's line count to await its {@code SENT} line from.
     */
    private static int fill(Child producer, int round) {
        int mark = producer.lineCount();
        producer.command("send " + DLQ + " " + (round == 0 ? FILL : REFILL) + " 0 " + (round == 0 ? "p" : "r" + round));
        return mark;
    }

    /** {@code OWNERS ...} line: the owner of each queue's partition, once the cluster is safe. */
    private static String owners(Map<String, Child> plain) {
        Child asker = plain.values().iterator().next();
        int mark = asker.lineCount();
        StringBuilder ask = new StringBuilder("owner");
        QUEUES.forEach(q -> ask.append(" queue:").append(q));
        asker.command(ask.toString());
        String line = asker.await(mark, "OWNERS", Duration.ofSeconds(60));
        assertTrue(line.contains("safe=true"), "cluster not safe before a kill: " + line);
        return line;
    }

    private static String owner(String owners, String queue) {
        for (String w : owners.split(" ")) {
            if (w.startsWith("queue:" + queue + "=")) {
                return w.substring(w.indexOf('=') + 1);
            }
        }
        throw new AssertionError("no owner of " + queue + " in " + owners);
    }

    /** The queues whose partition {@code uuid} owns, e.g. {@code [dlq]}. */
    private static List<String> ownedBy(String owners, String uuid) {
        List<String> owned = new ArrayList<>();
        for (String q : QUEUES) {
            if (owner(owners, q).equals(uuid)) {
                owned.add(q);
            }
        }
        return owned;
    }
}
