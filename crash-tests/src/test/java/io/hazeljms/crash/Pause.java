package io.hazeljms.crash;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** A random delay before a kill, so kills land at different points of the victim's work (not a wait for an event). */
final class Pause {

    private Pause() {
    }

    static void random(int minMs, int maxMs) {
        long nanos = TimeUnit.MILLISECONDS.toNanos(minMs + ThreadLocalRandom.current().nextInt(maxMs - minMs + 1));
        long end = System.nanoTime() + nanos;
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
