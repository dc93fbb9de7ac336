package io.hazeljms.store;

import com.hazelcast.client.Client;
import com.hazelcast.client.ClientListener;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.query.Predicates;
import io.hazeljms.store.processor.ReleaseOwnerProcessor;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When a member or a client leaves the cluster, finishes the commits it had recorded, makes its consumers'
 * unacknowledged messages deliverable again, deletes its temporary destinations and frees its client IDs. Runs on
 * every member; only the oldest member acts, so the work is done once (and the release is idempotent if two ever
 * do). A release that fails (the cluster busy migrating, a call that timed out) is tried again until it is done;
 * every member remembers the departures it heard of until it sees them handled, so a member that becomes the
 * oldest finishes what a lost oldest left undone.
 */
public final class NodeDepartureListener implements MembershipListener, ClientListener, HazelcastInstanceAware {

    private static final Logger LOG = Logger.getLogger(NodeDepartureListener.class.getName());
    /** Marks an instance whose configuration already carries this listener. */
    static final String REGISTERED_KEY = "hazeljms.departure-listener";

    /** Longest pause between two attempts at a departure that failed. */
    static final long RETRY_MAX_MILLIS = 5_000;
    /** Departures remembered until handled; the oldest are forgotten beyond this (handled long ago, or never will be). */
    private static final int MAX_REMEMBERED = 10_000;

    private HazelcastInstance hz;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hazeljms-departures");
        t.setDaemon(true);
        return t;
    });
    /** Departures heard of and not yet seen handled, node id to attempts made here; touched on the worker only. */
    private final Map<String, Integer> pending = new LinkedHashMap<>();
    private boolean listening;

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.hz = hazelcastInstance;
        hz.getUserContext().put(REGISTERED_KEY, Boolean.TRUE);
    }

    @Override
    public void memberAdded(MembershipEvent event) {
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        nodeLeft(event.getMember().getUuid());
        worker.execute(this::retryPending); // this member may have become the oldest
    }

    @Override
    public void clientConnected(Client client) {
    }

    @Override
    public void clientDisconnected(Client client) {
        nodeLeft(client.getUuid());
    }

    private void nodeLeft(UUID node) {
        worker.execute(() -> {
            forgetHandledDepartures();
            pending.putIfAbsent(node.toString(), 0);
            if (pending.size() > MAX_REMEMBERED) {
                Iterator<String> oldest = pending.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            attempt(node.toString());
        });
    }

    /** From the first departure on, a departure the oldest handled stops being pending here too (on the worker). */
    private void forgetHandledDepartures() {
        if (!listening) {
            try {
                hz.<String, Long>getMap(StoreConfig.DEPARTURES_MAP).addEntryListener(
                        (EntryAddedListener<String, Long>) e -> worker.execute(() -> pending.remove(e.getKey())), false);
                listening = true;
            } catch (RuntimeException e) {
                // asked again at the next departure; until then a handled departure stays pending here (harmless)
            }
        }
    }

    /** Acts on one departure if this member is the oldest; on failure, tries again later (on the worker). */
    private void attempt(String node) {
        Integer attempts = pending.get(node);
        if (attempts == null) {
            return; // done meanwhile
        }
        try {
            if (!isOldestMember()) {
                return; // the oldest acts; this member keeps it pending in case it becomes the oldest
            }
            releaseNode(hz, node);
            pending.remove(node);
        } catch (RuntimeException e) {
            if (!hz.getLifecycleService().isRunning()) {
                return; // this member is stopping: the next oldest acts
            }
            pending.put(node, attempts + 1);
            LOG.log(attempts == 0 ? Level.FINE : Level.WARNING, StoreError.LEASES_NOT_RELEASED.text(node), e);
            long delay = Math.min(RETRY_MAX_MILLIS, 250L << Math.min(attempts, 5));
            worker.schedule(() -> attempt(node), delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Departures this member heard of that nobody has handled yet: act on them if this member is the oldest now. */
    private void retryPending() {
        if (pending.isEmpty() || !hz.getLifecycleService().isRunning()) {
            return;
        }
        try {
            pending.keySet().removeIf(hz.getMap(StoreConfig.DEPARTURES_MAP)::containsKey);
        } catch (RuntimeException e) {
            // asked again below, node by node
        }
        for (String node : pending.keySet().toArray(String[]::new)) {
            attempt(node);
        }
    }

    private boolean isOldestMember() {
        if (!hz.getLifecycleService().isRunning()) {
            return false;
        }
        Member oldest = hz.getCluster().getMembers().iterator().next();
        return oldest.localMember();
    }

    /** Releases everything a node held, cluster-wide. */
    static void releaseNode(HazelcastInstance hz, String nodeId) {
        // first what it committed: the messages it acknowledged must go, not come back
        TransactionCommits.completeAbandoned(hz, nodeId);
        LeaseOwner owner = new LeaseOwner(nodeId, "", "");
        int released = hz.<String, DestinationState>getMap(StoreConfig.DESTINATIONS_MAP)
                .executeOnEntries(new ReleaseOwnerProcessor(owner, LeaseOwner.Scope.NODE))
                .values().stream().mapToInt(n -> n == null ? 0 : n).sum();
        if (released > 0) {
            LOG.info(StoreError.DEPARTED_RELEASED.text(nodeId, released));
        }
        hz.getMap(StoreConfig.CLIENT_IDS_MAP).removeAll(Predicates.like("this", nodeId + "/%"));
        hz.getMap(StoreConfig.CONSUMERS_MAP).delete(nodeId); // its consumers are gone
        hz.getMap(StoreConfig.DEPARTURES_MAP).put(nodeId, System.currentTimeMillis());
        io.hazeljms.store.durable.DurableStore store = DurableStores.of(hz);
        if (store != null) {
            try {
                store.nodesGone(java.util.Set.of(nodeId)); // its leases are released: a restart need not flag for it
            } catch (RuntimeException e) {
                // the database is down: the next whole-cluster start flags every message, which is only cautious
                LOG.log(Level.WARNING, e.getMessage(), e);
            }
        }
    }
}
