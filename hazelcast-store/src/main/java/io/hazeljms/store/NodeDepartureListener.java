package io.hazeljms.store;

import com.hazelcast.client.Client;
import com.hazelcast.client.ClientListener;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.query.Predicates;
import io.hazeljms.store.processor.ReleaseOwnerProcessor;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When a member or a client leaves the cluster, finishes the commits it had recorded, makes its consumers' unacknowledged messages deliverable
 * again, deletes its temporary destinations and frees its client IDs. Runs on every member; only the oldest
 * member acts, so the work is done once (and the release is idempotent if two ever do).
 */
public final class NodeDepartureListener implements MembershipListener, ClientListener, HazelcastInstanceAware {

    private static final Logger LOG = Logger.getLogger(NodeDepartureListener.class.getName());
    /** Marks an instance whose configuration already carries this listener. */
    static final String REGISTERED_KEY = "hazeljms.departure-listener";

    private HazelcastInstance hz;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hazeljms-departures");
        t.setDaemon(true);
        return t;
    });

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
            try {
                if (!isOldestMember()) {
                    return;
                }
                releaseNode(hz, node.toString());
            } catch (RuntimeException e) {
                // the instance may be shutting down itself; nothing is lost: leases stay until someone acts
                LOG.log(Level.FINE, StoreError.LEASES_NOT_RELEASED.text(node), e);
            }
        });
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
        hz.<String, DestinationState>getMap(StoreConfig.DESTINATIONS_MAP)
                .executeOnEntries(new ReleaseOwnerProcessor(owner, LeaseOwner.Scope.NODE));
        hz.getMap(StoreConfig.CLIENT_IDS_MAP).removeAll(Predicates.like("this", nodeId + "/%"));
        hz.getMap(StoreConfig.DEPARTURES_MAP).put(nodeId, System.currentTimeMillis());
    }
}
