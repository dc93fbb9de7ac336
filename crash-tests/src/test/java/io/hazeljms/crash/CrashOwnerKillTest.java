package io.hazeljms.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cases 1 and 2: kill -9 the member JVM that owns the queue's partition while a producer and a consumer (embedded
 * members in their own JVMs, or Hazelcast clients) are busy on it. Five kills per run, each on a fresh queue whose
 * partition a plain member owns; a replacement member joins right after each kill (more migration while the
 * cluster recovers). The last two kills run with the cores kept busy. A fresh JVM drains everything at the end.
 */
class CrashOwnerKillTest extends CrashCase {

    static final int KILLS = 5;
    static final int MESSAGES = 2000;
    static final int RATE = 1000;


    @Test
    @Timeout(300)
    void embeddedProducerAndConsumerLoseNothingWhenTheOwnerIsKilled() {
        ownerKills("owner-embedded", false);
    }

    @Test
    @Timeout(300)
    void clientProducerAndConsumerLoseNothingWhenTheOwnerIsKilled() {
        ownerKills("owner-client", true);
    }

    private void ownerKills(String name, boolean client) {
        run = new CrashRun(name);
        Map<String, Child> plain = startPlainMembers(3);
        Child producer = run.producer("producer", client);
        Child consumer = run.consumer("consumer", client, Role.AckMode.CLIENT, 10);
        CrashRun.ready(producer);
        CrashRun.ready(consumer);
        List<String> queues = new ArrayList<>();
        List<Long> kills = new ArrayList<>();
        int memberNo = 3;
        for (int rep = 0; rep < KILLS; rep++) {
            Child stress = rep >= KILLS - 2 ? run.stress() : null;
            OwnedQueue owned = queueOwnedByAPlainMember(plain, "own" + rep);
            String queue = owned.queue();
            String owners = owned.owners();
            String victimUuid = owned.ownerUuid();
            Child victim = plain.get(victimUuid);
            queues.add(queue);
            int pMark = producer.lineCount();
            int cMark = consumer.lineCount();
            consumer.command("consume " + queue);
            producer.command("send " + queue + " " + MESSAGES + " " + RATE + " r" + rep);
            String q = queue;
            consumer.await(cMark, l -> l.startsWith("GOT " + q + " "), Duration.ofSeconds(60), "deliveries");
            Pause.random(0, 400);
            kills.add(victim.kill());
            plain.remove(victimUuid);
            System.out.printf("%s rep %d: killed owner %s (pid %d) of queue:%s%s; %s%n", name, rep, victim.name,
                    victim.pid(), queue, stress == null ? "" : " [cores busy]", owners);
            Child replacement = run.member("member-" + memberNo++);
            producer.await(pMark, "SENT " + queue, Duration.ofSeconds(120));
            consumer.command("finish " + queue + " 3000");
            consumer.await(cMark, "FINISHED " + queue, Duration.ofSeconds(120));
            plain.put(CrashRun.ready(replacement), replacement);
            if (stress != null) {
                stress.kill();
            }
        }
        run.drainAll("drain", true, queues.toArray(String[]::new));
        Ledger.Report r = Ledger.read(run.dir).check(queues, kills);
        System.out.println(name + ": " + r + " sendFailures=" + producer.lines("SENDFAIL").size()
                + " consumeFailures=" + consumer.lines("CONSUMEFAIL").size() + " evidence in " + run.dir);
        assertTrue(r.ok(30_000), name + ": " + r + " evidence in " + run.dir);
    }
}
