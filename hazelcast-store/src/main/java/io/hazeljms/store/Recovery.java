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
                boolean taken = mark == null ? marks.putIfAbsent(KEY, mine) == null
                        : isStale(mark) && marks.replace(KEY, mark, mine);
                if (taken) {
                    load(broker, store, marks, mine);
                    marks.set(KEY, DONE);
                    return;
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

    private static boolean isStale(String mark) {
        if (!mark.startsWith(LOADING)) {
            return false;
        }
        long heartbeat = Long.parseLong(mark.substring(mark.lastIndexOf(' ') + 1));
        return System.currentTimeMillis() - heartbeat > STALE_MILLIS;
    }

    private static void load(Broker broker, DurableStore store, IMap<String, String> marks, String mine) {
        Set<String> crashed = store.nodesMarkedRunning();
        boolean flag = !crashed.isEmpty();
        LOG.info(StoreError.RECOVERY_STARTED.text(store.description(), flag ? crashed.size() : 0));
        String[] mark = {mine};
        long[] lastBeat = {System.currentTimeMillis()};
        long[] counts = new long[3];
        store.load(new DurableStore.Loader() {
            @Override
            public void subscription(String topic, String name, SubscriptionSpec spec) {
                broker.subscriptions().restore(DestinationKey.parse(topic), name, spec);
                counts[0]++;
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
                long now = System.currentTimeMillis();
                if (now - lastBeat[0] > HEARTBEAT_MILLIS) {
                    String next = LOADING + broker.nodeId() + " " + now;
                    if (!marks.replace(KEY, mark[0], next)) {
                        throw new IllegalStateException(StoreError.RECOVERY_TAKEN_OVER.text(broker.nodeId()));
                    }
                    mark[0] = next;
                    lastBeat[0] = now;
                }
            }
        }, BATCH);
        store.nodesGone(crashed);
        LOG.info(StoreError.RECOVERY_DONE.text(counts[1], counts[0], counts[2], flag));
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
