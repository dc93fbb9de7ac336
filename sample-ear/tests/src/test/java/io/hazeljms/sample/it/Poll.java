package io.hazeljms.sample.it;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Bounded polling of a condition on a server process the test started (its REST API): the tests have no way to be
 * notified by that process, so they ask again every {@code interval} until the answer is there or {@code timeout}
 * has passed. The pause between two questions is the only wait; no test sleeps for an event to happen.
 */
final class Poll {

    private Poll() {
    }

    /**
     * Calls {@code probe} until it returns non-null, at most for {@code timeout}; a probe that throws counts as "not
     * yet" until the last attempt.
     *
     * @return the first non-null answer
     * @throws AssertionError naming {@code what} and the last answer or failure when time is up
     */
    static <T> T until(String what, Duration timeout, Duration interval, Callable<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (true) {
            try {
                T answer = probe.call();
                if (answer != null) {
                    return answer;
                }
            } catch (Exception e) {
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError error = new AssertionError("not within " + timeout + ": " + what);
                if (lastFailure != null) {
                    error.initCause(lastFailure);
                }
                throw error;
            }
            TimeUnit.MILLISECONDS.sleep(interval.toMillis()); // polling interval of a bounded poll, see above
        }
    }
}
