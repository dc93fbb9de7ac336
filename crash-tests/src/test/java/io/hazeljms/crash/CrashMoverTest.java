package io.hazeljms.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Case 5: the JVM that commits a multi-destination transaction (receive from {@code src}, send a copy to
 * {@code dst-b} and {@code dst-c}, commit) is killed, as a client or an embedded member. Conservation, judged on
 * what a fresh JVM drains at the end: every id is once in {@code src}, or once in each of {@code dst-b} and
 * {@code dst-c}; an id whose commit returned is not in {@code src}.
 */
class CrashMoverTest extends CrashCase {

    static final String SRC = "src";
    static final List<String> DST = List.of("dst-b", "dst-c");


    /**
     * Kills at random moments of the mover's work: finds races without help from the provider. (Before commits
     * were recorded, a kill inside commit() left a copy in dst-b only, or copies in both while the source message
     * came back.)
     */
    @Test
    @Timeout(300)
    void moverKilledAtRandomMomentsConservesEveryMessage() {
        movers("mover-random", 6, i -> null);
    }

    /**
     * Kills inside commit, at the points the provider announces with -Dhazeljms.crashPoint: the decision recorded
     * with nothing applied, and one destination's part applied but not the other's.
     */
    @Test
    @Timeout(300)
    void moverKilledInsideCommitConservesEveryMessage() {
        String[] points = {"commit.recorded", "commit.part-applied"};
        movers("mover-crashpoint", 6, i -> points[i % 2]);
    }

    interface CrashPoints {
        String at(int i);
    }

    private void movers(String name, int kills, CrashPoints crashPoints) {
        startWithTwoMembers(name);
        Child producer = run.producer("producer", true);
        CrashRun.ready(producer);
        producer.command("send " + SRC + " 3000 0 m");
        producer.await("SENT " + SRC, Duration.ofSeconds(120));
        producer.kill();
        List<Long> killTimes = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            boolean client = i % 2 == 0;
            String point = crashPoints.at(i);
            Child stress = i >= kills - 2 ? run.stress() : null;
            Child mover = run.mover("mover-" + i, client, point, SRC, DST.toArray(String[]::new));
            CrashRun.ready(mover);
            if (point == null) {
                mover.await("MOVING", Duration.ofSeconds(60));
                Pause.random(50, 1000);
            } else {
                String line = mover.await(0, l -> l.startsWith("HAZELJMS-CRASHPOINT") || l.startsWith("MOVED"),
                        Duration.ofSeconds(60), "HAZELJMS-CRASHPOINT " + point);
                if (!line.equals("HAZELJMS-CRASHPOINT " + point)) {
                    fail("crash point " + point + " never announced (the provider has none yet?): " + line
                            + "; evidence in " + run.dir);
                }
            }
            killTimes.add(mover.kill());
            System.out.printf("%s %d: killed mover-%d (%s) %s%s%n", name, i, i, client ? "client" : "embedded",
                    point == null ? "at a random moment" : "at " + point, stress == null ? "" : " [cores busy]");
            if (stress != null) {
                stress.kill();
            }
        }
        List<String> all = new ArrayList<>(DST);
        all.add(0, SRC);
        run.drainAll("drain", true, all.toArray(String[]::new));
        Ledger ledger = Ledger.read(run.dir);
        Ledger.Conservation c = ledger.conservation("drain", SRC, DST);
        Ledger.Report r = ledger.check(List.of(SRC), List.of());
        String summary = name + ": conservation " + c + " | source queue " + r + " evidence in " + run.dir;
        System.out.println(summary);
        assertTrue(c.ok() && r.ok(Long.MAX_VALUE), summary);
    }
}
