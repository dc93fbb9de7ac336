package io.hazeljms.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Case 6: one member with a 256 MiB heap, a client producer sending 1 KiB PERSISTENT messages to a queue nobody
 * consumes. The producer must be refused with ResourceAllocationException (not hang, not kill the member with
 * OutOfMemoryError), the member must still answer (a fresh client sends and receives on another queue), and
 * every acknowledged message must be drainable. Once with the default destination limits, once with them off,
 * where only the member's memory guard stands between the flood and an OutOfMemoryError.
 */
class CrashFloodTest extends CrashCase {

    static final int FLOOD_SECONDS = 75;


    @Test
    @Timeout(400)
    void aFloodedMemberRefusesTheProducerAndStaysAlive() {
        floodAndCheck("flood", "limits=on");
    }

    @Test
    @Timeout(400)
    void withoutDestinationLimitsTheMemoryGuardRefusesTheProducer() {
        floodAndCheck("flood-guard", "limits=off");
    }

    private void floodAndCheck(String name, String limits) {
        run = new CrashRun(name);
        Child member = run.member("member-0");
        CrashRun.ready(member);
        Child producer = run.producer("producer", true, limits);
        CrashRun.ready(producer);
        producer.command("flood flood " + FLOOD_SECONDS + " f");
        String end = producer.await("FLOOD-END", Duration.ofSeconds(FLOOD_SECONDS + 45));
        System.out.println("flood: " + end + "; member alive: " + member.alive() + " " + member.tail(2));
        assertTrue(member.alive(), "the member died: " + member.tail(5) + "; producer: " + end);
        assertTrue(end.contains("reason=refused"), "the producer was not refused: " + end);

        boolean guarded = limits.equals("limits=off");
        if (guarded) {
            // the whole member is short of memory, so every send is refused until the flood is consumed: it
            // answers (the refusal above), and once drained it takes messages again
            run.drainAll("drain-flood", true, "flood");
        }
        // the member still answers a fresh client: send and receive on another queue
        Child probe = run.producer("probe", true);
        CrashRun.ready(probe);
        probe.command("send probe 20 0 probe");
        assertTrue(probe.await("SENT probe", Duration.ofSeconds(60)).contains("failed=0"), "probe send failed");
        run.drainAll("drain-probe", true, "probe");
        if (!guarded) {
            run.drainAll("drain-flood", true, "flood");
        }
        Ledger.Report probeReport = Ledger.read(run.dir).check(List.of("probe"), List.of());
        assertEquals(0, probeReport.lost.size(), "probe: " + probeReport);
        Ledger.Report r = Ledger.read(run.dir).check(List.of("flood"), List.of());
        String summary = name + ": " + r + " evidence in " + run.dir;
        System.out.println(summary);
        assertTrue(r.ok(Long.MAX_VALUE), summary);
    }
}
