package io.hazeljms.store;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test hook for crash tests: with {@code -Dhazeljms.crashPoint=NAME}, the JVM announces on standard output
 * that it reached the point of that name ({@code HAZELJMS-CRASHPOINT NAME}) and stalls there (at most a minute),
 * so a test can kill it exactly between two steps of a protocol. Without the property it costs one comparison.
 */
public final class CrashPoints {

    public static final String PROPERTY = "hazeljms.crashPoint";
    /** A commit's decision is recorded in the cluster; none of its parts is applied yet. */
    public static final String COMMIT_RECORDED = "commit.recorded";
    /** The first part of a recorded commit is applied, the others not yet. */
    public static final String COMMIT_PART_APPLIED = "commit.part-applied";

    private static final String ARMED = System.getProperty(PROPERTY);
    private static final long STALL_SECONDS = 60;

    private CrashPoints() {
    }

    public static void reach(String name) {
        if (ARMED != null && ARMED.equals(name)) {
            System.out.println("HAZELJMS-CRASHPOINT " + name);
            System.out.flush();
            try {
                new CountDownLatch(1).await(STALL_SECONDS, TimeUnit.SECONDS); // the test kills this JVM meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
