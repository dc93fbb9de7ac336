package io.hazeljms.bench.mdb;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The MDB probe inside the reactor (no install needed), only when asked for: {@code -Dmdb.messages=N}, and
 * {@code -Dmdb.targets=L} and {@code -Dmdb.warmup=M} as the probe's {@code --targets} and {@code --warmup} (see README.md, "Performance"). Two Payara Micros one
 * after the other take minutes: too long for the CI budget, so the build skips it.
 */
class MdbThroughputIT {

    @Test
    void bothAdaptersDeliverEveryMessageOnceToThePool() throws Exception {
        String messages = System.getProperty("mdb.messages", "");
        assumeTrue(!messages.isBlank(), "MDB probe not asked for (-Dmdb.messages=N)");
        Path mdbDir = Path.of(System.getProperty("mdb.dir", "target/mdb"));
        Path workDir = Path.of(System.getProperty("bench.workdir", "target"));
        String targets = System.getProperty("mdb.targets", "");
        String warmup = System.getProperty("mdb.warmup", "");
        int n = MdbProbe.parseMessages(messages);
        List<MdbProbe.Result> results = new MdbProbe(mdbDir, workDir, System.out).run(n,
                warmup.isBlank() ? n : MdbProbe.parseWarmup(warmup),
                targets.isBlank() ? MdbProbe.TARGETS : MdbProbe.parseTargets(targets));
        for (MdbProbe.Result r : results) {
            assertEquals(r.messages(), r.consumed(), r.id() + ": messages consumed");
            assertEquals(0, r.malformed(), r.id() + ": messages not of 1 KiB");
            assertEquals(0, r.redelivered(), r.id() + ": redelivered, with nothing failing");
            assertTrue(r.left() <= 0, r.id() + ": " + r.left() + " messages left in the broker (uncommitted?)");
            assertTrue(r.steadyRate() > 0, r.id() + ": no steady rate");
        }
    }
}
