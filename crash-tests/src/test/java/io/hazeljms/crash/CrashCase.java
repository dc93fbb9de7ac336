package io.hazeljms.crash;

import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A crash case: one {@link CrashRun} per test, whose child JVMs are killed when the test ends, however it ends. */
abstract class CrashCase {

    protected CrashRun run;

    @AfterEach
    void killChildren() {
        if (run != null) {
            run.close();
        }
    }

    /** Starts {@code n} plain members of the run and waits until they are ready; UUID to member, in start order. */
    Map<String, Child> startPlainMembers(int n) {
        Map<String, Child> plain = new LinkedHashMap<>();
        List<Child> starting = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            starting.add(run.member("member-" + i));
        }
        for (Child m : starting) {
            plain.put(CrashRun.ready(m), m);
        }
        return plain;
    }

    /** A queue and the plain member that owns its partition (found among 16 names {@code PREFIX-j}). */
    record OwnedQueue(String queue, String ownerUuid, String owners) {
    }

    /** Asks a plain member who owns 16 candidate queues and picks one a plain member owns. */
    static OwnedQueue queueOwnedByAPlainMember(Map<String, Child> plain, String prefix) {
        Child asker = plain.values().iterator().next();
        StringBuilder ask = new StringBuilder("owner");
        for (int j = 0; j < 16; j++) {
            ask.append(" queue:").append(prefix).append('-').append(j);
        }
        int mark = asker.lineCount();
        asker.command(ask.toString());
        String owners = asker.await(mark, "OWNERS", Duration.ofSeconds(60));
        for (String w : owners.split(" ")) {
            if (w.startsWith("queue:") && plain.containsKey(w.substring(w.indexOf('=') + 1))) {
                return new OwnedQueue(w.substring("queue:".length(), w.indexOf('=')), w.substring(w.indexOf('=') + 1),
                        owners);
            }
        }
        throw new AssertionError("no candidate queue owned by a plain member: " + owners);
    }

    /** Starts a run with two plain members and waits until both are ready. */
    CrashRun startWithTwoMembers(String name) {
        run = new CrashRun(name);
        Child m0 = run.member("member-0");
        Child m1 = run.member("member-1");
        CrashRun.ready(m0);
        CrashRun.ready(m1);
        return run;
    }
}
