package io.hazeljms.store;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.PartitionService;
import com.hazelcast.partition.ReplicaMigrationEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Tells the log what happened to the cluster: a member joined or left, and which destinations this member now
 * serves because the member that led them left (their backups here were promoted). Registered with the store's
 * configuration, on members only.
 */
public final class ClusterEventsLog implements MembershipListener, MigrationListener, HazelcastInstanceAware {

    private static final Logger LOG = Logger.getLogger(ClusterEventsLog.class.getName());
    /** Marks an instance whose configuration already carries this listener. */
    static final String REGISTERED_KEY = "hazeljms.cluster-events-log";
    /** Destinations named in one failover line; the rest are counted. */
    private static final int NAMED = 10;

    private HazelcastInstance hz;
    /** Partitions whose primary replica this member took over from a member that is gone. */
    private final Set<Integer> promoted = ConcurrentHashMap.newKeySet();

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.hz = instance;
        instance.getUserContext().put(REGISTERED_KEY, Boolean.TRUE);
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        LOG.info(StoreError.MEMBER_JOINED.text(event.getMember().getAddress(), clusterName(), event.getMembers().size()));
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        LOG.info(StoreError.MEMBER_LEFT.text(event.getMember().getAddress(), clusterName(), event.getMembers().size()));
    }

    @Override
    public void migrationStarted(MigrationState state) {
    }

    @Override
    public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
        // a promotion after a departure: this member becomes primary with no live member to hand it over
        if (event.getReplicaIndex() == 0 && event.getDestination() != null && event.getDestination().localMember()
                && (event.getSource() == null || !hz.getCluster().getMembers().contains(event.getSource()))) {
            promoted.add(event.getPartitionId());
        }
    }

    @Override
    public void replicaMigrationFailed(ReplicaMigrationEvent event) {
    }

    @Override
    public void migrationFinished(MigrationState state) {
        if (promoted.isEmpty() || hz == null || !hz.getLifecycleService().isRunning()) {
            return;
        }
        Set<Integer> partitions = Set.copyOf(promoted);
        promoted.removeAll(partitions);
        try {
            PartitionService service = hz.getPartitionService();
            List<String> names = new ArrayList<>();
            for (Object key : hz.getMap(StoreConfig.DESTINATIONS_MAP).localKeySet()) {
                if (partitions.contains(service.getPartition(key).getPartitionId())) {
                    names.add(String.valueOf(key));
                }
            }
            if (!names.isEmpty()) {
                names.sort(null);
                String shown = String.join(", ", names.subList(0, Math.min(NAMED, names.size())))
                        + (names.size() > NAMED ? " and " + (names.size() - NAMED) + " more" : "");
                LOG.info(StoreError.DESTINATIONS_FAILED_OVER.text(names.size(), hz.getCluster().getLocalMember()
                        .getAddress(), shown));
            }
        } catch (RuntimeException e) {
            // only a log line is lost; the cluster is changing or stopping
        }
    }

    private String clusterName() {
        return hz == null ? "?" : hz.getConfig().getClusterName();
    }
}
