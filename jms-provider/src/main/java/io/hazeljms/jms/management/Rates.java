package io.hazeljms.jms.management;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-second rates from two samples of cluster-wide totals, kept per destination. Each read of a destination's
 * figures is a sample; it is kept as the newest when the newest kept is at least the interval old, and then the
 * newest becomes the older. The rate answered is (totals now − the older sample's) ÷ the time since it: so it
 * spans between one and two intervals (more when reads are rarer), never less than one. No thread of its own: the
 * first read of a destination answers 0, and so does the next until an interval has passed.
 */
final class Rates {

    private record Sample(long atMillis, long enqueued, long acknowledged) {
    }

    /** Per destination: {older, newer}; older is null until a second sample is kept. */
    private final Map<String, Sample[]> samples = new ConcurrentHashMap<>();
    private final long intervalMillis;

    Rates(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /** Offers totals read at {@code now}; answers {enqueue rate, acknowledge rate} per second. */
    double[] offer(String key, long now, long enqueued, long acknowledged) {
        Sample current = new Sample(now, enqueued, acknowledged);
        Sample[] kept = samples.compute(key, (k, pair) -> {
            if (pair == null) {
                return new Sample[] {null, current};
            }
            if (now - pair[1].atMillis() >= intervalMillis) {
                return new Sample[] {pair[1], current};
            }
            return pair;
        });
        Sample older = kept[0];
        if (older == null || now <= older.atMillis() || enqueued < older.enqueued()) {
            return new double[] {0, 0}; // too early, or the destination was deleted and created again
        }
        double seconds = (now - older.atMillis()) / 1000.0;
        return new double[] {(enqueued - older.enqueued()) / seconds,
                Math.max(0, acknowledged - older.acknowledged()) / seconds};
    }

    void forget(String key) {
        samples.remove(key);
    }
}
