package io.hazeljms.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Duplicate detection under kill -9: a producer (a client JVM) sends with duplicate ids; the member that owns the
 * queue and the producer are killed at the same moment, so the producer's last send is in doubt. A new producer
 * (connected since before the kill) resumes 50 ids before the last one acknowledged and sends everything from
 * there again with the same duplicate ids. Every acknowledged id must be delivered exactly once: the resent ones
 * that were stored before (the 50 at least, the in-doubt one perhaps) are dropped by the queue's new owner, which
 * knows their ids from the backup. Producers are clients: an embedded one killed with the owner would be a second
 * member lost at once, more than the default backup count covers.
 */
class CrashDuplicateResendTest extends CrashCase {

    static final int KILLS = 5;
    static final int MESSAGES = 1000;
    static final int RATE = 1000;
    static final int OVERLAP = 50;

    @Test
    @Timeout(300)
    void aProducerResendingWithDuplicateIdsAfterTheOwnerIsKilledDeliversEveryIdOnce() {
        long t0 = System.currentTimeMillis();
        run = new CrashRun("dedup-resend");
        Map<String, Child> plain = startPlainMembers(3);
        Child consumer = run.consumer("consumer", false, Role.AckMode.CLIENT, 10);
        CrashRun.ready(consumer);
        List<String> queues = new ArrayList<>();
        List<Long> kills = new ArrayList<>();
        int resentAcknowledged = 0;
        int memberNo = 3;
        for (int rep = 0; rep < KILLS; rep++) {
            System.out.printf("dedup-resend rep %d starts at %d ms%n", rep, System.currentTimeMillis() - t0);
            OwnedQueue owned = queueOwnedByAPlainMember(plain, "dedup" + rep);
            String queue = owned.queue();
            Child victim = plain.remove(owned.ownerUuid());
            queues.add(queue);
            int cMark = consumer.lineCount();
            consumer.command("consume " + queue);
            String first = "producer-" + rep + "a";
            Child producer = run.producer(first, true);
            Child second = run.producer("producer-" + rep + "b", true); // started now: JVMs start in parallel
            CrashRun.ready(producer);
            CrashRun.ready(second);
            producer.command("resend " + queue + " 0 " + MESSAGES + " " + RATE + " d" + rep);
            producer.await("PROGRESS " + queue + " 500", Duration.ofSeconds(60));
            Pause.random(0, 300);
            kills.add(CrashRun.killAll(List.of(victim, producer)));
            int acknowledged = acknowledgedCount(first);
            int from = Math.max(0, acknowledged - OVERLAP);
            resentAcknowledged += acknowledged - from;
            System.out.printf("dedup-resend rep %d: killed owner %s and %s after %d acknowledged sends of queue:%s;"
                    + " resending from d%d-%d%n", rep, victim.name, first, acknowledged, queue, rep, from);
            Child replacement = run.member("member-" + memberNo++);
            int pMark = second.lineCount();
            second.command("resend " + queue + " " + from + " " + (MESSAGES - from) + " 0 d" + rep);
            second.await(pMark, "SENT " + queue, Duration.ofSeconds(120));
            System.out.printf("dedup-resend rep %d resent at %d ms%n", rep, System.currentTimeMillis() - t0);
            consumer.command("finish " + queue + " 2000");
            consumer.await(cMark, "FINISHED " + queue, Duration.ofSeconds(120));
            plain.put(CrashRun.ready(replacement), replacement);
        }
        run.drainAll("drain", true, queues.toArray(String[]::new));
        Ledger.Report r = Ledger.read(run.dir).check(queues, kills);
        String summary = "dedup-resend: " + r + " acknowledged ids sent again=" + resentAcknowledged
                + " evidence in " + run.dir;
        System.out.println(summary);
        assertTrue(resentAcknowledged >= KILLS * OVERLAP, summary);
        // a resent id stored twice would be delivered twice, neither flagged redelivered: an unflagged duplicate
        assertTrue(r.ok(30_000), summary);
        assertTrue(r.deliveries - r.redelivered == r.acked, "every acknowledged id delivered once: " + summary);
    }

    /** How many sends the (killed) producer saw acknowledged: the complete lines of its evidence file. */
    private int acknowledgedCount(String producer) {
        try {
            String text = Files.readString(run.dir.resolve(producer + ".sent"));
            return (int) text.chars().filter(c -> c == '\n').count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
