package io.hazeljms.bench;

import org.HdrHistogram.Histogram;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Moves a fixed number of messages from producer threads to consumer threads and times it. Every loop is
 * bounded: a phase ends when every message arrived, on the first error, when nothing moved for
 * {@code stallMillis}, or after {@code phaseMillis}.
 */
public final class LoadRunner {

    /** How long a consumer's receive waits before it re-checks whether the phase is over. */
    private static final long RECEIVE_POLL_MILLIS = 50;

    private final long stallMillis;
    private final long phaseMillis;

    public LoadRunner(long stallMillis, long phaseMillis) {
        this.stallMillis = stallMillis;
        this.phaseMillis = phaseMillis;
    }

    /** The outcome of one phase: what arrived, when, and (if recorded) the end-to-end latencies. */
    public static final class Phase {
        final int count;
        final Tally tally;
        final Histogram latency = new Histogram(3);
        final AtomicLong sent = new AtomicLong();
        final AtomicLong lastSend = new AtomicLong();
        final AtomicLong lastReceive = new AtomicLong();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        long start;
        long gcMillis;
        boolean stalled;
        boolean expired;

        Phase(int count, boolean consumed) {
            this.count = count;
            this.tally = new Tally(consumed ? count : 0);
        }

        public int count() {
            return count;
        }

        public Tally tally() {
            return tally;
        }

        /** End-to-end latency in nanoseconds, from the stamped (intended) send time to receipt. */
        public Histogram latency() {
            return latency;
        }

        public long sent() {
            return sent.get();
        }

        public boolean ok() {
            return error.get() == null && !stalled && !expired && sent.get() == count
                    && (tally.count() == 0 || tally.exact());
        }

        public String problem() {
            if (ok()) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            if (error.get() != null) {
                sb.append("error: ").append(error.get()).append("; ");
            }
            if (stalled) {
                sb.append("stalled; ");
            }
            if (expired) {
                sb.append("phase time limit reached; ");
            }
            sb.append("sent ").append(sent.get()).append('/').append(count);
            if (tally.count() > 0) {
                sb.append(", ").append(tally);
            }
            return sb.toString();
        }

        /** Time the JVM's collectors reported during the phase (stop-the-world pauses, mostly). */
        public long gcMillis() {
            return gcMillis;
        }

        /** Messages per second from the start until the last send returned. */
        public double sendRate() {
            return rate(lastSend.get());
        }

        /** Messages per second from the start until the last message was received. */
        public double endToEndRate() {
            return rate(lastReceive.get());
        }

        private double rate(long end) {
            long elapsed = end - start;
            return elapsed <= 0 ? 0 : count * 1e9 / elapsed;
        }
    }

    /**
     * Sends {@code count} payloads (message numbers {@code idBase..idBase+count-1}) split round-robin over the
     * senders and receives them with the receivers. {@code rate} > 0 paces the sends at that many messages per
     * second overall, each stamped with its intended send time, so a sender that falls behind schedule shows
     * as latency (no coordinated omission); otherwise sends go as fast as they can, stamped when made.
     * With no receivers, the phase ends when everything is sent.
     */
    public Phase run(List<Target.Sender> senders, List<Target.Receiver> receivers, int idBase, int count,
                     double rate, boolean recordLatency) throws InterruptedException {
        if (senders.isEmpty()) {
            throw new IllegalArgumentException("at least one sender");
        }
        Phase phase = new Phase(count, !receivers.isEmpty());
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        int producers = senders.size();
        long interval = rate > 0 ? (long) (1e9 / rate) : 0;
        for (int i = 0; i < producers; i++) {
            Target.Sender sender = senders.get(i);
            int first = i;
            threads.add(thread("bench-producer-" + i, () -> {
                go.await();
                for (int n = first; n < count && !stop.get(); n += producers) {
                    long stamp;
                    if (interval > 0) {
                        stamp = phase.start + n * interval;
                        long wait;
                        while ((wait = stamp - Payload.now()) > 0 && !stop.get()) {
                            LockSupport.parkNanos(wait);
                        }
                    } else {
                        stamp = Payload.now();
                    }
                    sender.send(Payload.of(stamp, idBase + n));
                    phase.sent.incrementAndGet();
                }
                phase.lastSend.accumulateAndGet(Payload.now(), Math::max);
            }, phase, stop));
        }
        for (int i = 0; i < receivers.size(); i++) {
            Target.Receiver receiver = receivers.get(i);
            Histogram h = new Histogram(3);
            histograms.add(h);
            threads.add(thread("bench-consumer-" + i, () -> {
                go.await();
                while (!phase.tally.complete() && !stop.get()) {
                    String payload = receiver.receive(RECEIVE_POLL_MILLIS);
                    if (payload == null) {
                        continue;
                    }
                    long now = Payload.now();
                    phase.tally.record(Payload.id(payload) - idBase);
                    if (recordLatency) {
                        h.recordValue(Math.max(0, now - Payload.stamp(payload)));
                    }
                    phase.lastReceive.accumulateAndGet(now, Math::max);
                }
            }, phase, stop));
        }
        threads.forEach(Thread::start);
        long gcBefore = gcMillis();
        phase.start = Payload.now();
        go.countDown();
        monitor(phase, receivers.isEmpty(), stop);
        stop.set(true);
        phase.gcMillis = gcMillis() - gcBefore;
        for (Thread t : threads) {
            t.join(10_000); // a thread stuck in a send is released when the caller closes its endpoints
        }
        histograms.forEach(phase.latency::add);
        return phase;
    }

    private void monitor(Phase phase, boolean sendOnly, AtomicBoolean stop) throws InterruptedException {
        long deadline = phase.start + TimeUnit.MILLISECONDS.toNanos(phaseMillis);
        long progressAt = phase.start;
        long lastProgress = -1;
        while (true) {
            boolean sentAll = phase.sent.get() == phase.count;
            if (phase.error.get() != null || (sentAll && (sendOnly || phase.tally.complete()))) {
                return;
            }
            long now = Payload.now();
            long progress = phase.sent.get() + phase.tally.distinct();
            if (progress != lastProgress) {
                lastProgress = progress;
                progressAt = now;
            } else if (now - progressAt > TimeUnit.MILLISECONDS.toNanos(stallMillis)) {
                phase.stalled = true;
                return;
            }
            if (now > deadline) {
                phase.expired = true;
                return;
            }
            if (stop.get()) {
                return;
            }
            Thread.sleep(5);
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private static Thread thread(String name, Body body, Phase phase, AtomicBoolean stop) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                if (!stop.get()) {
                    phase.error.compareAndSet(null, e);
                }
                stop.set(true);
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /**
     * Heap in use after a full collection: {@link System#gc()} three times (each followed by a short pause so
     * concurrent cleanup settles), then {@code MemoryMXBean.getHeapMemoryUsage().getUsed()}.
     */
    public static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
