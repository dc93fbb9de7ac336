package io.hazeljms.bench.mdb.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the MDB pool consumed in the current round since the probe opened the gate: the count, the redelivered
 * ones among them, and the times at which the count passed 10 % and 90 % of what the probe said to expect (the
 * steady part of the round: the first tenth carries the pool's ramp-up, the last the drain of the queue).
 *
 * <p>While the gate is closed (at deployment, and again by {@link #close} between rounds) every delivery waits in
 * {@link #awaitOpen}: the probe fills the queue first, so what is measured is consumption alone, not consumption
 * racing the probe's own sends for the same two cores. A first round warms the JIT up; the second is measured.
 */
public final class ConsumedTally {

    private static volatile CountDownLatch gate = new CountDownLatch(1);
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

    /** Starts a round: the counts from zero, {@code expect} messages in the queue; lets the deliveries through. */
    static synchronized void open(long expect) {
        if (gate.getCount() == 0) {
            throw new IllegalStateException("the gate is already open");
        }
        CONSUMED.set(0);
        REDELIVERED.set(0);
        MALFORMED.set(0);
        tenthAt = 0;
        ninetiethAt = 0;
        lastAt = 0;
        done = new CountDownLatch(1);
        expected = expect;
        openedAt = System.nanoTime();
        gate.countDown();
    }

    /** Ends a round: deliveries wait again (call it once the round's messages were all consumed). */
    static synchronized void close() {
        if (gate.getCount() == 0) {
            gate = new CountDownLatch(1);
        }
    }

    /** Blocks a delivery until the probe opened the gate (at most {@code minutes}). */
    static void awaitOpen(long minutes) throws InterruptedException {
        if (!gate.await(minutes, TimeUnit.MINUTES)) {
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
