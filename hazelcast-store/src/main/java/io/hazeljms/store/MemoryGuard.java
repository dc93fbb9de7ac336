package io.hazeljms.store;

import com.hazelcast.core.HazelcastInstance;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A member's last line against running out of heap, whatever the destinations' own limits add up to: while the
 * heap still in use after the latest garbage collection is above {@code percent} of the maximum heap, the
 * primary of a destination refuses enqueues ({@link DestinationState#LOW_MEMORY}), and the producer blocks or
 * fails as its policy says. Consumers, acknowledgements and backups are never refused: they free memory or
 * replay what a primary accepted.
 *
 * <p>Cheap on the hot path: {@link #allowsEnqueue()} reads a cached verdict and re-reads the JVM's figures at
 * most every {@value #REFRESH_MILLIS} ms. The figure is "used after the latest collection" (young ones included),
 * not the current usage: garbage not yet collected does not count, and live messages do. One guard per member,
 * kept in its user context ({@link #USER_CONTEXT_KEY}); members of one JVM share the heap but may differ in
 * threshold (tests give one member a guard that reads a heap they control).
 */
public final class MemoryGuard {

    public static final String USER_CONTEXT_KEY = "hazeljms.memory-guard";
    /** Refuse enqueues above 75% of the maximum heap in use after a collection: room left for migrations. */
    public static final int DEFAULT_PERCENT = 75;
    static final long REFRESH_MILLIS = 100;
    private static final Logger LOG = Logger.getLogger(MemoryGuard.class.getName());

    private final int percent;
    private final DoubleSupplier heapUsedAfterGc;
    private volatile long nextCheckNanos = System.nanoTime();
    private volatile boolean low;
    private volatile double lastReading;
    private volatile long nextCollectionNanos = System.nanoTime();
    /** How often a low member asks for a full collection to learn whether it has room again. */
    static final long COLLECT_EVERY_MILLIS = 10_000;
    /** This JVM's heap; a test's own reading never triggers collections. */
    private static final DoubleSupplier JVM_HEAP = MemoryGuard::readHeapUsedAfterGc;

    /** @param percent refuse above this share of the maximum heap in use after a collection, 1..100; 0 = never */
    public MemoryGuard(int percent) {
        this(percent, JVM_HEAP);
    }

    /**
     * @param heapUsedAfterGc the share of the maximum heap in use after the latest collection, 0..1 (tests hand
     *                        in their own)
     */
    public MemoryGuard(int percent, DoubleSupplier heapUsedAfterGc) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException(StoreError.MEMORY_LIMIT_OUT_OF_RANGE.text(percent));
        }
        this.percent = percent;
        this.heapUsedAfterGc = heapUsedAfterGc;
    }

    /** The member's guard; one with the default threshold if none was configured ({@link StoreConfig#applyTo}). */
    public static MemoryGuard of(HazelcastInstance member) {
        return (MemoryGuard) member.getUserContext()
                .computeIfAbsent(USER_CONTEXT_KEY, k -> new MemoryGuard(DEFAULT_PERCENT));
    }

    public int percent() {
        return percent;
    }

    /** The share of the heap in use after a collection at the last check, 0..1. */
    public double lastReading() {
        return lastReading;
    }

    /** False while the heap in use after the latest collection is above the threshold. */
    public boolean allowsEnqueue() {
        if (percent == 0) {
            return true;
        }
        long now = System.nanoTime();
        if (now - nextCheckNanos >= 0) {
            nextCheckNanos = now + REFRESH_MILLIS * 1_000_000;
            check();
        }
        return !low;
    }

    /** Re-reads the heap now (tests that changed what their supplier reads). */
    public void check() {
        double reading = heapUsedAfterGc.getAsDouble();
        lastReading = reading;
        boolean nowLow = reading * 100 > percent;
        if (nowLow) {
            collectSoon();
        }
        if (nowLow != low) {
            low = nowLow;
            LOG.warning(nowLow
                    ? StoreError.HEAP_LOW.text(reading * 100, percent)
                    : StoreError.HEAP_RECOVERED.text(reading * 100));
        }
    }

    /**
     * While low, asks for a full collection now and then, off the caller's thread: after consumers drained a
     * flood, young collections keep reporting the dead messages still in the old generation, and without a full
     * one the member would refuse senders long after it has room again.
     */
    private void collectSoon() {
        long now = System.nanoTime();
        long next = nextCollectionNanos;
        if (now - next >= 0 && heapUsedAfterGc == JVM_HEAP) {
            nextCollectionNanos = now + COLLECT_EVERY_MILLIS * 1_000_000;
            Thread collector = new Thread(System::gc, "hazeljms-memory-guard-gc");
            collector.setDaemon(true);
            collector.start();
        }
    }

    // --- the JVM's figures -----------------------------------------------------------------------------------

    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    /**
     * Heap in use after the most recent collection of any collector (the HotSpot extension's last GC info), as a
     * share of the maximum heap; without that extension, the pools' collection usage.
     */
    static double readHeapUsedAfterGc() {
        long max = Runtime.getRuntime().maxMemory();
        if (max <= 0 || max == Long.MAX_VALUE) {
            return 0;
        }
        try {
            return usedAfterLatestGc() / (double) max;
        } catch (LinkageError | RuntimeException e) {
            long used = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage after = pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
                        ? pool.getCollectionUsage() : null;
                used += after == null ? 0 : after.getUsed();
            }
            return used / (double) max;
        }
    }

    private static long usedAfterLatestGc() {
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        com.sun.management.GcInfo latest = null;
        for (GarbageCollectorMXBean c : collectors) {
            if (c instanceof com.sun.management.GarbageCollectorMXBean hotspot) {
                com.sun.management.GcInfo info = hotspot.getLastGcInfo();
                if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
                    latest = info;
                }
            }
        }
        if (latest == null) {
            return 0; // no collection yet
        }
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e : latest.getMemoryUsageAfterGc().entrySet()) {
            if (HEAP_POOLS.contains(e.getKey())) {
                used += e.getValue().getUsed();
            }
        }
        return used;
    }

    @Override
    public String toString() {
        return "MemoryGuard{percent=" + percent + ", lastReading=" + lastReading + "}";
    }
}
