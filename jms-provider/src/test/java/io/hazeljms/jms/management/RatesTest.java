package io.hazeljms.jms.management;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Rates are per second over at least one interval, from samples of totals kept per destination. */
class RatesTest {

    private final Rates rates = new Rates(1_000);

    @Test
    void aRateNeedsTwoSamplesAnIntervalApart() {
        assertArrayEquals(new double[] {0, 0}, rates.offer("q", 10_000, 100, 50), 1e-9);
        assertArrayEquals(new double[] {0, 0}, rates.offer("q", 10_500, 150, 60), 1e-9, "too early: one sample kept");
        // kept: 10,000 and 12,000; the rate spans from the older
        assertArrayEquals(new double[] {50, 25}, rates.offer("q", 12_000, 200, 100), 1e-9);
        // a read between two kept samples measures from the older up to now
        assertArrayEquals(new double[] {100, 40}, rates.offer("q", 12_500, 350, 150), 1e-9);
        // the next kept sample makes 12,000 the older
        assertArrayEquals(new double[] {100, 50}, rates.offer("q", 13_000, 300, 150), 1e-9);
    }

    @Test
    void aDestinationCreatedAgainStartsOver() {
        rates.offer("q", 0, 100, 0);
        rates.offer("q", 1_000, 200, 0);
        assertArrayEquals(new double[] {0, 0}, rates.offer("q", 2_000, 5, 0), 1e-9, "totals went down");
        rates.forget("q");
        assertArrayEquals(new double[] {0, 0}, rates.offer("q", 3_000, 10, 0), 1e-9);
    }
}
