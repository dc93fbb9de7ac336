package io.hazeljms.store;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.hazeljms.store.processor.AckProcessor;
import io.hazeljms.store.processor.EnqueueProcessor;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * All-or-nothing commits of transactions that touch several destinations. The committer first records its
 * decision ({@link CommitRecord}, a map entry with backups), then applies the parts one destination at a time,
 * then forgets the record. Every part is idempotent — an enqueue ignores ids it stored lately, an acknowledgement
 * of a lease that is gone changes nothing — so a survivor can apply a record again. The departure handling does
 * so for the records of a node that left, before it releases that node's leases: the messages the dead committer
 * acknowledged are then already gone, and are not delivered again.
 */
final class TransactionCommits {

    private static final Logger LOG = Logger.getLogger(TransactionCommits.class.getName());

    private final IMap<String, CommitRecord> records;
    private final IMap<String, DestinationState> destinations;
    private final IMap<String, PreparedTransaction> prepared;
    private final StoreCalls calls;
    private final DestinationSettings defaults;
    private final Queue<Unfinished> unfinished = new ConcurrentLinkedQueue<>();

    TransactionCommits(HazelcastInstance hz, StoreCalls calls, DestinationSettings defaults) {
        this.records = hz.getMap(StoreConfig.COMMITS_MAP);
        this.destinations = hz.getMap(StoreConfig.DESTINATIONS_MAP);
        this.prepared = hz.getMap(StoreConfig.PREPARED_TRANSACTIONS_MAP);
        this.calls = calls;
        this.defaults = defaults;
    }

    /**
     * Records the decision, then applies it; returns once every part is applied.
     *
     * @throws CommitInDoubt when the decision is recorded but applying it failed: it is retried at this node's
     *         next commit, and finished by a survivor if this node leaves first
     */
    void commit(CommitRecord record, boolean preparedBranch) {
        finishUnfinished();
        calls.call("record commit", record.id(), () -> records.setAsync(record.id(), record));
        CrashPoints.reach(CrashPoints.COMMIT_RECORDED);
        try {
            apply(record, preparedBranch, true);
        } catch (RuntimeException e) {
            unfinished.add(new Unfinished(record, preparedBranch));
            throw new CommitInDoubt(record.id(), e);
        }
    }

    /** Applies again what this node recorded but could not apply (the store was unreachable for too long). */
    private void finishUnfinished() {
        for (Unfinished u; (u = unfinished.peek()) != null; ) {
            try {
                apply(u.record(), u.preparedBranch(), false);
            } catch (RuntimeException e) {
                return; // still unreachable: the next commit tries again
            }
            unfinished.remove(u);
        }
    }

    private record Unfinished(CommitRecord record, boolean preparedBranch) {
    }

    /** Applies every part of a recorded commit, then forgets it (and its prepared branch). Idempotent. */
    void apply(CommitRecord record, boolean preparedBranch, boolean announceParts) {
        applyParts(record, announceParts);
        if (preparedBranch) {
            calls.call("forget prepared branch", record.id(), () -> prepared.removeAsync(record.id()));
        }
        calls.call("forget commit record", record.id(), () -> records.removeAsync(record.id()));
    }

    /** Applies the parts only: enough for work on one destination, which one store call makes atomic. */
    void applyParts(CommitRecord record, boolean announceParts) {
        int applied = 0;
        for (Map.Entry<String, List<StoredMessage>> e : record.sendsByDestination().entrySet()) {
            String key = e.getKey();
            // temporary destinations are never recreated: one deleted meanwhile takes no messages
            EnqueueProcessor store = new EnqueueProcessor(e.getValue(), isTemporary(key) ? null : defaults, true);
            calls.call(store, key, () -> destinations.submitToKey(key, store));
            partApplied(++applied, announceParts);
        }
        for (CommitRecord.Acknowledgement a : record.acknowledgements()) {
            AckProcessor ack = new AckProcessor(a.address().subscription(), a.messageIds(), a.owner());
            calls.call(ack, a.address().key(), () -> destinations.submitToKey(a.address().key(), ack));
            partApplied(++applied, announceParts);
        }
    }

    private static void partApplied(int applied, boolean announce) {
        if (announce && applied == 1) {
            CrashPoints.reach(CrashPoints.COMMIT_PART_APPLIED);
        }
    }

    private static boolean isTemporary(String key) {
        return key.startsWith("temp-");
    }

    /**
     * Finishes the commits of {@code departedNode}, and of any other node no longer in the cluster (a survivor
     * that was finishing them may have died too). Finishing a live node's commit alongside it is harmless.
     */
    static void completeAbandoned(HazelcastInstance hz, String departedNode) {
        IMap<String, CommitRecord> records = hz.getMap(StoreConfig.COMMITS_MAP);
        if (records.isEmpty()) {
            return;
        }
        Set<String> live = liveNodes(hz);
        TransactionCommits commits = new TransactionCommits(hz,
                new StoreCalls(StoreCalls.DEFAULT_TIMEOUT_MILLIS, new Topology()), DestinationSettings.defaults());
        for (CommitRecord record : records.values()) {
            if (record.committerNode().equals(departedNode) || !live.contains(record.committerNode())) {
                LOG.info(() -> "HJMS-STORE-060 completing commit " + record.id() + " of departed node "
                        + record.committerNode() + " (" + record.parts() + " parts)");
                try {
                    commits.apply(record, hz.getMap(StoreConfig.PREPARED_TRANSACTIONS_MAP).containsKey(record.id()),
                            false);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "HJMS-STORE-061 could not complete commit " + record.id()
                            + "; it stays recorded and is completed at the next departure", e);
                }
            }
        }
    }

    private static Set<String> liveNodes(HazelcastInstance hz) {
        Set<String> live = new HashSet<>();
        for (Member m : hz.getCluster().getMembers()) {
            live.add(m.getUuid().toString());
        }
        hz.getClientService().getConnectedClients().forEach(c -> live.add(c.getUuid().toString()));
        return live;
    }
}
