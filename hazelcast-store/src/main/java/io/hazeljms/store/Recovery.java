package io.hazeljms.store;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.hazeljms.store.durable.DurableStore;
import io.hazeljms.store.processor.RestoreProcessor;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Loads the durable store back into a cluster that starts, once: the first broker takes the job (an entry of
 * {@link StoreConfig#RECOVERY_MAP}), every other broker's constructor waits until it is done, so no consumer or
 * producer sees a half-loaded destination. A loader that stops heartbeating is replaced and the load runs again
 * (loading is idempotent: a destination skips message ids it holds). A cluster that still holds the entry (a
 * member joining a running cluster) loads nothing.
 *
 * <p>Messages come back in delivery order with their delivery counts. When a node that ran on the store did not
 * stop cleanly, nobody can tell which messages it had handed out, so every message comes back flagged as
 * redelivered (JMSRedelivered, a delivery count of at least 2 at the next delivery) — duplicates after a crash
 * are always flagged, never silent.
 */
final class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class.getName());
    static final String KEY = "cluster";
    static final String DONE = "done";
    private static final String LOADING = "loading ";
    /** Longest a broker waits for another to load the store. */
    static final long TIMEOUT_MILLIS = 10 * 60_000;
    /** A loader refreshes its claim this often; one silent for {@link #STALE_MILLIS} is replaced. */
    private static final long HEARTBEAT_MILLIS = 2_000;
    private static final long STALE_MILLIS = 15_000;
    private static final int BATCH = 500;

    private Recovery() {
    }

    static void ensure(Broker broker, DurableStore store) {
        IMap<String, String> marks = broker.hazelcast().getMap(StoreConfig.RECOVERY_MAP);
        ReentrantLock lock = new ReentrantLock();
        Condition changed = lock.newCondition();
        UUID registration = marks.addEntryListener(new ChangeListener(lock, changed), KEY, false);
        try {
            long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
            while (true) {
                String mark = marks.get(KEY);
                if (DONE.equals(mark)) {
                    return;
                }
                String mine = LOADING + broker.nodeId() + " " + System.currentTimeMillis();
                // a repeated call (a member lost meanwhile) finds this node's own claim where the first took effect
                boolean taken = mark == null
                        ? mineOrNone(broker.calls().callBlocking("claim recovery", KEY,
                                () -> marks.putIfAbsent(KEY, mine)), mine)
                        : isStale(mark) && broker.calls().callBlocking("take recovery over", KEY,
                                () -> marks.replace(KEY, mark, mine) || mine.equals(marks.get(KEY)));
                if (taken) {
                    if (load(broker, store, marks, mine)) {
                        return; // marked done
                    }
                    // another node took the load over (this one looked silent): wait for it like any other node
                    LOG.warning(StoreError.RECOVERY_TAKEN_OVER.text(broker.nodeId()));
                    continue;
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(StoreError.RECOVERY_TIMEOUT.text(TIMEOUT_MILLIS, mark));
                }
                lock.lock();
                try {
                    changed.await(1, TimeUnit.SECONDS); // a change of the mark, or a recheck of a silent loader
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(StoreError.RECOVERY_TIMEOUT.text(0, mark), e);
                } finally {
                    lock.unlock();
                }
            }
        } finally {
            marks.removeEntryListener(registration);
        }
    }

    private static boolean mineOrNone(String before, String mine) {
        return before == null || before.equals(mine);
    }

    private static boolean isStale(String mark) {
        if (!mark.startsWith(LOADING)) {
            return false;
        }
        long heartbeat = Long.parseLong(mark.substring(mark.lastIndexOf(' ') + 1));
        return System.currentTimeMillis() - heartbeat > STALE_MILLIS;
    }

    /**
     * Loads the store while a heartbeat thread refreshes this node's claim every {@link #HEARTBEAT_MILLIS}, also
     * while it waits for the database (opening a connection to an embedded file that changes hands takes seconds;
     * a claim refreshed only between batches went stale before the first one and the node's start failed).
     * Marks the load done (only if the claim is still this node's) and then forgets the crashed nodes, so a node
     * that takes the load over always sees them and flags what it loads. Returns false when another node took
     * the claim over: that node loads everything again.
     */
    private static boolean load(Broker broker, DurableStore store, IMap<String, String> marks, String mine) {
        Heartbeat beat = new Heartbeat(marks, broker.nodeId(), mine, broker.calls());
        Thread beating = new Thread(beat, "hazeljms-recovery-heartbeat");
        beating.setDaemon(true);
        beating.start();
        try {
            Set<String> crashed = load(broker, store, beat);
            if (!beat.finish()) {
                return false;
            }
            store.nodesGone(crashed); // a crash before this line only flags the next start's messages again
            return true;
        } catch (TakenOver e) {
            return false;
        } finally {
            beat.stop();
            beating.interrupt();
        }
    }

    private static Set<String> load(Broker broker, DurableStore store, Heartbeat beat) {
        Set<String> crashed = store.nodesMarkedRunning();
        boolean flag = !crashed.isEmpty();
        LOG.info(StoreError.RECOVERY_STARTED.text(store.description(), flag ? crashed.size() : 0));
        long[] counts = new long[3];
        store.load(new DurableStore.Loader() {
            @Override
            public void subscription(String topic, String name, SubscriptionSpec spec) {
                broker.subscriptions().restore(DestinationKey.parse(topic), name, spec);
                counts[0]++;
            }

            @Override
            public void sendIds(String address, long[] hashes) {
                // before the messages, so the ring holds them in send order; a queue is created for them (it
                // existed before the restart), a topic only exists if a durable subscription came back
                DestinationKey key = DestinationKey.parse(address);
                broker.onKey(address, RestoreProcessor.sendIds(hashes,
                        key.kind() == DestinationKey.Kind.QUEUE ? broker.defaults() : null));
                heartbeat();
            }

            @Override
            public void messages(String address, String subscription, List<StoredMessage> batch) {
                if (flag) {
                    batch.forEach(m -> m.deliveryCount(Math.max(1, m.deliveryCount())));
                }
                String sub = subscription.isEmpty() ? null : subscription;
                int n = broker.onKey(address, RestoreProcessor.messages(sub, batch,
                        sub == null ? broker.defaults() : null));
                counts[1] += Math.max(0, n);
                heartbeat();
            }

            @Override
            public void prepared(PreparedTransaction branch) {
                broker.transactions().restorePrepared(branch);
                counts[2]++;
            }

            private void heartbeat() {
                if (beat.lost()) {
                    throw new TakenOver();
                }
            }
        }, BATCH);
        if (beat.lost()) {
            throw new TakenOver();
        }
        LOG.info(StoreError.RECOVERY_DONE.text(counts[1], counts[0], counts[2], flag));
        return crashed;
    }

    /** Another node replaced this one's claim while it was loading. */
    private static final class TakenOver extends RuntimeException {
        TakenOver() {
            super(null, null, false, false);
        }
    }

    /** Refreshes a loader's claim until stopped; stops by itself once the claim is no longer this node's. */
    private static final class Heartbeat implements Runnable {
        private final IMap<String, String> marks;
        private final String nodeId;
        private final StoreCalls calls;
        private String mark;
        private boolean lost;
        private boolean stopped;

        Heartbeat(IMap<String, String> marks, String nodeId, String mark, StoreCalls calls) {
            this.marks = marks;
            this.nodeId = nodeId;
            this.mark = mark;
            this.calls = calls;
        }

        @Override
        public void run() {
            long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MILLIS);
            while (true) {
                long left;
                while ((left = next - System.nanoTime()) > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(left);
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
                next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MILLIS);
                synchronized (this) {
                    if (stopped || lost) {
                        return;
                    }
                    String refreshed = LOADING + nodeId + " " + System.currentTimeMillis();
                    try {
                        String expected = mark;
                        if (calls.callBlocking("refresh recovery claim", KEY, () -> marks.replace(KEY, expected,
                                refreshed) || refreshed.equals(marks.get(KEY)))) {
                            mark = refreshed;
                        } else {
                            lost = true;
                            return;
                        }
                    } catch (RuntimeException e) {
                        // the cluster is busy or changing: the next beat tries again, a stale claim is replaced
                        LOG.fine("recovery heartbeat: " + e);
                    }
                }
            }
        }

        synchronized boolean lost() {
            return lost;
        }

        synchronized void stop() {
            stopped = true;
        }

        /** Stops beating and marks the load done, if the claim is still this node's. */
        synchronized boolean finish() {
            stopped = true;
            if (lost) {
                return false;
            }
            // a repeated call (a member lost meanwhile) finds the load marked done where the first took effect
            lost = !calls.callBlocking("finish recovery", KEY,
                    () -> marks.replace(KEY, mark, DONE) || DONE.equals(marks.get(KEY)));
            return !lost;
        }
    }

    private static final class ChangeListener implements EntryAddedListener<String, String>,
            EntryUpdatedListener<String, String> {
        private final ReentrantLock lock;
        private final Condition changed;

        ChangeListener(ReentrantLock lock, Condition changed) {
            this.lock = lock;
            this.changed = changed;
        }

        @Override
        public void entryAdded(EntryEvent<String, String> event) {
            signal();
        }

        @Override
        public void entryUpdated(EntryEvent<String, String> event) {
            signal();
        }

        private void signal() {
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
