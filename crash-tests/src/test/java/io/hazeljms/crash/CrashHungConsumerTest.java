package io.hazeljms.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lease timeout across a kill -9: a consumer JVM holds messages in a transaction and hangs (it lives on);
 * the member JVM that owns the queue's partition is killed; the messages must come to another consumer once their
 * leases time out — the expiry is in the replicated state, not in the dead member — flagged redelivered, and the
 * hung consumer's late commit must be refused. The holder is an embedded member, then a client, in turn; the
 * last two repetitions run with the cores kept busy. A fresh JVM drains everything at the end.
 */
class CrashHungConsumerTest extends CrashCase {

    static final int REPS = 5;
    static final int MESSAGES = 200;
    static final int HELD = 10;
    static final long LEASE_TIMEOUT_MILLIS = 3_000;

    @Test
    @Timeout(300)
    void aHungConsumersMessagesComeBackAfterTheLeaseTimeoutThoughTheOwnerWasKilled() {
        run = new CrashRun("hung-consumer");
        run.leaseTimeout(LEASE_TIMEOUT_MILLIS);
        Map<String, Child> plain = startPlainMembers(3);
        Child producer = run.producer("producer", false);
        Child consumer = run.consumer("consumer", false, Role.AckMode.TRANSACTED, 10);
        Child[] holders = {run.holder("holder-embedded", false), run.holder("holder-client", true)};
        CrashRun.ready(producer);
        CrashRun.ready(consumer);
        for (Child h : holders) {
            CrashRun.ready(h);
        }
        List<String> queues = new ArrayList<>();
        List<Long> kills = new ArrayList<>();
        int memberNo = 3;
        for (int rep = 0; rep < REPS; rep++) {
            Child stress = rep >= REPS - 2 ? run.stress() : null;
            Child holder = holders[rep % 2];
            OwnedQueue owned = queueOwnedByAPlainMember(plain, "hung" + rep);
            String queue = owned.queue();
            String victimUuid = owned.ownerUuid();
            queues.add(queue);
            int pMark = producer.lineCount();
            producer.command("send " + queue + " " + MESSAGES + " 2000 h" + rep);
            producer.await(pMark, "SENT " + queue, Duration.ofSeconds(60));
            int hMark = holder.lineCount();
            holder.command("hold " + queue + " " + HELD);
            String holding = holder.await(hMark, "HOLDING " + queue, Duration.ofSeconds(60));
            assertTrue(holding.endsWith(" " + HELD), holding);

            Pause.random(0, 400);
            Child victim = plain.remove(victimUuid);
            kills.add(victim.kill());
            System.out.printf("hung-consumer rep %d: %s holds %d of queue:%s; killed its owner %s (pid %d)%s%n", rep,
                    holder.name, HELD, queue, victim.name, victim.pid(), stress == null ? "" : " [cores busy]");
            Child replacement = run.member("member-" + memberNo++);

            int cMark = consumer.lineCount();
            consumer.command("consume " + queue);
            // idle longer than the lease timeout: the held messages come back only when their leases end
            consumer.command("finish " + queue + " " + (2 * LEASE_TIMEOUT_MILLIS + 2_000));
            consumer.await(cMark, "FINISHED " + queue, Duration.ofSeconds(120));

            hMark = holder.lineCount();
            holder.command("late " + queue);
            String late = holder.await(hMark, "LATE " + queue, Duration.ofSeconds(60));
            assertTrue(late.contains("refused TransactionRolledBackException"), late);
            plain.put(CrashRun.ready(replacement), replacement);
            if (stress != null) {
                stress.kill();
            }
        }
        run.drainAll("drain", false, queues.toArray(String[]::new));
        Ledger.Report r = Ledger.read(run.dir).check(queues, kills);
        System.out.println("hung-consumer: " + r + " consumeFailures=" + consumer.lines("CONSUMEFAIL").size()
                + " evidence in " + run.dir);
        assertTrue(r.ok(30_000), "hung-consumer: " + r + " evidence in " + run.dir);
    }
}
