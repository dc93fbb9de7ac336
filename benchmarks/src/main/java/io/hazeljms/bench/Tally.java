package io.hazeljms.bench;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which of the messages 0..count-1 arrived, counted from any number of consumer threads: a run is complete
 * when every message arrived, and exact when, in addition, none arrived twice or was unknown.
 */
public final class Tally {

    private final int count;
    private final AtomicIntegerArray seen;
    private final AtomicLong distinct = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();

    public Tally(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        this.count = count;
        this.seen = new AtomicIntegerArray(count);
    }

    /** Records one arrival; true if it was the first arrival of a known message. */
    public boolean record(int id) {
        if (id < 0 || id >= count) {
            unknown.incrementAndGet();
            return false;
        }
        if (seen.getAndIncrement(id) == 0) {
            distinct.incrementAndGet();
            return true;
        }
        duplicates.incrementAndGet();
        return false;
    }

    public int count() {
        return count;
    }

    public long distinct() {
        return distinct.get();
    }

    public long missing() {
        return count - distinct.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long unknown() {
        return unknown.get();
    }

    public boolean complete() {
        return distinct.get() == count;
    }

    public boolean exact() {
        return complete() && duplicates.get() == 0 && unknown.get() == 0;
    }

    /** The first few message numbers that have not arrived, for failure messages. */
    public String firstMissing(int limit) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (int i = 0; i < count && n < limit; i++) {
            if (seen.get(i) == 0) {
                sb.append(n++ == 0 ? "" : ",").append(i);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return distinct() + "/" + count + " arrived, " + duplicates() + " duplicates, " + unknown() + " unknown"
                + (complete() ? "" : ", first missing: " + firstMissing(5));
    }
}
