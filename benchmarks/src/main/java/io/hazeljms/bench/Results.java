package io.hazeljms.bench;

import java.util.ArrayList;
import java.util.List;

/** What a benchmark run measured. */
public final class Results {

    /**
     * One load on one target: throughput (the round with the median end-to-end rate; {@code roundRates} are the
     * end-to-end rates of every round, in order), then latency at half that rate; {@code gcMillis} is the
     * garbage-collection time of the whole JVM during the latency phase.
     */
    public record Row(String target, int members, boolean persistent, int producers, int consumers, int count,
                      double sendRate, double endToEndRate, double latencyRate, int latencyCount,
                      double p50Micros, double p99Micros, double p999Micros, double maxMicros, long gcMillis,
                      List<Double> roundRates, String problem) {

        public boolean ok() {
            return problem.isEmpty();
        }

        public String load() {
            return (persistent ? "persistent" : "non-persistent") + " " + producers + "->" + consumers;
        }

        /** Label of the comparison group this row belongs to (same load, same members). */
        public String group() {
            return (persistent ? "P" : "NP") + " " + producers + "->" + consumers + " " + members + "m";
        }
    }

    /** Heap held by queued messages, measured before and after queueing {@code count} messages. */
    public record HeapRow(String target, int members, int count, long usedBefore, long usedAfter, String problem) {

        public double bytesPerMessage() {
            return (usedAfter - usedBefore) / (double) count;
        }

        /** Bytes per 100,000 queued messages, scaled linearly from {@code count}. */
        public double mibPer100k() {
            return bytesPerMessage() * 100_000 / (1024.0 * 1024.0);
        }

        public boolean ok() {
            return problem.isEmpty();
        }
    }

    public final List<Row> rows = new ArrayList<>();
    public final List<HeapRow> heap = new ArrayList<>();
    public long elapsedMillis;
    public String mode;

    public Row find(String target, int members, boolean persistent, int producers, int consumers) {
        for (Row r : rows) {
            if (r.target().equals(target) && r.members() == members && r.persistent() == persistent
                    && r.producers() == producers && r.consumers() == consumers) {
                return r;
            }
        }
        return null;
    }

    public HeapRow findHeap(String target, int members) {
        for (HeapRow h : heap) {
            if (h.target().equals(target) && h.members() == members) {
                return h;
            }
        }
        return null;
    }

    public boolean allOk() {
        return rows.stream().allMatch(Row::ok) && heap.stream().allMatch(HeapRow::ok);
    }
}
