package io.hazeljms.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Case 4: producer JVMs killed mid-stream (clients and embedded members in turn) while a consumer keeps
 * receiving. Everything a killed producer wrote down as sent must be delivered, once (or again, flagged).
 */
class CrashProducerKillTest extends CrashCase {

    static final int KILLS = 5;
    static final String QUEUE = "stream";


    @Test
    @Timeout(300)
    void everythingAKilledProducerHadSentIsDelivered() {
        startWithTwoMembers("producer-kill");
        Child consumer = run.consumer("consumer", true, Role.AckMode.CLIENT, 10);
        CrashRun.ready(consumer);
        consumer.command("consume " + QUEUE);
        for (int i = 0; i < KILLS; i++) {
            boolean client = i % 2 == 0;
            Child stress = i >= KILLS - 2 ? run.stress() : null;
            Child p = run.producer("producer-" + i, client);
            CrashRun.ready(p);
            p.command("send " + QUEUE + " 1000000 1500 k" + i);
            p.await("PROGRESS " + QUEUE + " 500", Duration.ofSeconds(60));
            Pause.random(0, 700);
            p.kill();
            System.out.printf("producer-kill %d: killed producer-%d (%s)%s%n", i, i, client ? "client" : "embedded",
                    stress == null ? "" : " [cores busy]");
            if (stress != null) {
                stress.kill();
            }
        }
        consumer.command("finish " + QUEUE + " 4000");
        consumer.await("FINISHED " + QUEUE, Duration.ofSeconds(120));
        run.drainAll("drain", true, QUEUE);
        // no delivery gap to bound: after a producer kill nothing new is deliverable
        Ledger.Report r = Ledger.read(run.dir).check(List.of(QUEUE), List.of());
        String summary = "producer-kill: " + r + " evidence in " + run.dir;
        System.out.println(summary);
        assertTrue(r.ok(30_000), summary);
    }
}
