package io.hazeljms.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Case 3: consumer JVMs killed while they hold unacknowledged messages (CLIENT_ACKNOWLEDGE and transacted in
 * turn; clients and embedded members in turn). Six kills on one queue filled beforehand; then a consumer that
 * is not killed takes the rest and a fresh JVM drains. Every message a killed consumer received but had not
 * settled must come again flagged as redelivered; nothing acknowledged is lost or delivered again.
 */
class CrashConsumerKillTest extends CrashCase {

    static final int KILLS = 6;
    static final String QUEUE = "held";


    @Test
    @Timeout(300)
    void killedConsumersLoseNothingAndTheirMessagesComeBackFlagged() {
        startWithTwoMembers("consumer-kill");
        Child producer = run.producer("producer", true);
        CrashRun.ready(producer);
        producer.command("send " + QUEUE + " 3000 0 p");
        producer.await("SENT " + QUEUE, Duration.ofSeconds(120));
        List<Long> kills = new ArrayList<>();
        Set<String> killed = new HashSet<>();
        for (int i = 0; i < KILLS; i++) {
            boolean client = i % 4 < 2;
            Role.AckMode ack = i % 2 == 0 ? Role.AckMode.CLIENT : Role.AckMode.TRANSACTED;
            Child stress = i >= KILLS - 2 ? run.stress() : null;
            String name = "consumer-" + i;
            Child c = run.consumer(name, client, ack, 20, 400);
            CrashRun.ready(c);
            c.command("consume " + QUEUE);
            c.await("GOT " + QUEUE + " 100", Duration.ofSeconds(60));
            Pause.random(0, 300);
            kills.add(c.kill());
            killed.add(name);
            System.out.printf("consumer-kill %d: killed %s (%s, %s)%s%n", i, name, client ? "client" : "embedded",
                    ack, stress == null ? "" : " [cores busy]");
            if (stress != null) {
                stress.kill();
            }
        }
        Child last = run.consumer("consumer-last", true, Role.AckMode.CLIENT, 10);
        CrashRun.ready(last);
        last.command("consume " + QUEUE);
        last.command("finish " + QUEUE + " 4000");
        last.await("FINISHED " + QUEUE, Duration.ofSeconds(120));
        run.drainAll("drain", true, QUEUE);

        Ledger ledger = Ledger.read(run.dir);
        Ledger.Report r = ledger.check(List.of(QUEUE), kills);
        // what the killed consumers received and had not started to settle: held at the kill
        Set<String> settled = new HashSet<>();
        for (Ledger.Ack a : ledger.acks) {
            settled.add(a.by() + " " + a.id());
        }
        for (Ledger.Ack a : ledger.attempts) {
            settled.add(a.by() + " " + a.id()); // killed inside acknowledge()/commit(): either outcome is right
        }
        Map<String, Ledger.Delivery> held = new HashMap<>(); // id -> its delivery to the consumer that was killed
        for (Ledger.Delivery d : ledger.deliveries) {
            if (killed.contains(d.by()) && !settled.contains(d.by() + " " + d.id())) {
                held.put(d.id(), d);
            }
        }
        Set<String> heldRedeliveredFlagged = new HashSet<>();
        for (Ledger.Delivery d : ledger.deliveries) {
            Ledger.Delivery h = held.get(d.id());
            if (h != null && !d.by().equals(h.by()) && d.t() >= h.t() && d.redelivered()) {
                heldRedeliveredFlagged.add(d.id());
            }
        }
        String summary = "consumer-kill: " + r + " heldAtKills=" + held.size() + " heldThenRedeliveredFlagged="
                + heldRedeliveredFlagged.size() + " evidence in " + run.dir;
        System.out.println(summary);
        assertTrue(!held.isEmpty(), "no kill hit a consumer holding messages: " + summary);
        assertTrue(r.ok(30_000) && heldRedeliveredFlagged.size() == held.size(), summary);
    }
}
