package io.hazeljms.bench.mdb.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the MDB pool consumed since the probe opened the gate: the count, the redelivered ones among them, and the
 * times at which the count passed 10 % and 90 % of what the probe said to expect (the steady part of the run: the
 * first tenth carries the pool's ramp-up, the last the drain of the queue).
 *
 * <p>Until {@link #open} every delivery waits in {@link #awaitOpen}: the probe fills the queue first, so what is
 * measured is consumption alone, not consumption racing the probe's own sends for the same two cores.
 */
public final class ConsumedTally {

    private static final CountDownLatch GATE = new CountDownLatch(1);
    private static final AtomicLong CONSUMED = new AtomicLong();
    private static final AtomicLong REDELIVERED = new AtomicLong();
    private static final AtomicLong MALFORMED = new AtomicLong();
    private static volatile long expected = Long.MAX_VALUE;
    private static volatile long openedAt;
    private static volatile long tenthAt;
    private static volatile long ninetiethAt;
    private static volatile long lastAt;
    private static volatile CountDownLatch done = new CountDownLatch(1);

    private ConsumedTally() {
    }

    /** Lets the waiting deliveries through; {@code expect} messages are in the queue. */
    static synchronized void open(long expect) {
        if (GATE.getCount() == 0) {
            throw new IllegalStateException("the gate is already open");
        }
        expected = expect;
        openedAt = System.nanoTime();
        GATE.countDown();
    }

    /** Blocks a delivery until the probe opened the gate (at most {@code minutes}). */
    static void awaitOpen(long minutes) throws InterruptedException {
        if (!GATE.await(minutes, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the benchmark did not open the gate within " + minutes + " min");
        }
    }

    static void consumed(boolean redelivered, boolean wellFormed) {
        if (redelivered) {
            REDELIVERED.incrementAndGet();
        }
        if (!wellFormed) {
            MALFORMED.incrementAndGet();
        }
        long n = CONSUMED.incrementAndGet();
        long now = System.nanoTime();
        long e = expected;
        if (n == Math.max(1, e / 10)) {
            tenthAt = now;
        }
        if (n == Math.max(1, e - e / 10)) {
            ninetiethAt = now;
        }
        lastAt = now;
        if (n == e) {
            done.countDown();
        }
    }

    /** Waits until the expected count was consumed (at most {@code seconds}); then {@link #line}. */
    static String awaitDone(long seconds) throws InterruptedException {
        done.await(seconds, TimeUnit.SECONDS);
        return line();
    }

    /**
     * {@code consumed redelivered malformed expected openedToTenthNanos tenthToNinetiethNanos openedToLastNanos}
     * (0 for a time not reached yet).
     */
    static String line() {
        long opened = openedAt;
        long tenth = tenthAt;
        long ninetieth = ninetiethAt;
        long last = lastAt;
        return CONSUMED.get() + " " + REDELIVERED.get() + " " + MALFORMED.get() + " "
                + (expected == Long.MAX_VALUE ? 0 : expected) + " "
                + (tenth == 0 ? 0 : tenth - opened) + " "
                + (ninetieth == 0 || tenth == 0 ? 0 : ninetieth - tenth) + " "
                + (last == 0 ? 0 : last - opened);
    }
}
