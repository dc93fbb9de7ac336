package io.hazeljms.crash;

import org.junit.jupiter.api.AfterEach;

/** A crash case: one {@link CrashRun} per test, whose child JVMs are killed when the test ends, however it ends. */
abstract class CrashCase {

    protected CrashRun run;

    @AfterEach
    void killChildren() {
        if (run != null) {
            run.close();
        }
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
