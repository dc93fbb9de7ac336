package io.hazeljms.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import io.hazeljms.store.processor.AckProcessor;
import io.hazeljms.store.processor.EnqueueProcessor;
import com.hazelcast.query.Predicates;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * All-or-nothing commits of transactions that touch several destinations. The committer first records its
 * decision ({@link CommitRecord}, kept with its node's other records in {@link NodeCommits}, with backups), then
 * applies the parts one destination at a time, then forgets the record. Every part is idempotent — an enqueue
 * ignores ids it stored lately, an acknowledgement of a lease that is gone changes nothing — so a survivor can
 * apply a record again. The departure handling does so for a node that left, before it releases that node's
 * leases: it first marks the node departed where its records live, so a record the dead node still had on the
 * wire is refused rather than applied after its leases were released; then it applies what is recorded. The
 * messages the dead committer acknowledged are gone, not delivered again; the ones it sent arrive once.
 */
final class TransactionCommits {

    private static final Logger LOG = Logger.getLogger(TransactionCommits.class.getName());

    private final IMap<String, NodeCommits> records;
    private final IMap<String, DestinationState> destinations;
    private final IMap<String, PreparedTransaction> prepared;
    private final StoreCalls calls;
    private final DestinationSettings defaults;
    private final Durability durability;
    private final Queue<CommitRecord> unfinished = new ConcurrentLinkedQueue<>();

    TransactionCommits(HazelcastInstance hz, StoreCalls calls, DestinationSettings defaults, Durability durability) {
        this.durability = durability;
        this.records = hz.getMap(StoreConfig.COMMITS_MAP);
        this.destinations = hz.getMap(StoreConfig.DESTINATIONS_MAP);
        this.prepared = hz.getMap(StoreConfig.PREPARED_TRANSACTIONS_MAP);
        this.calls = calls;
        this.defaults = defaults;
    }

    /**
     * Records the decision, then applies it; returns once every part is applied.
     *
     * @throws IllegalStateException when this node was declared departed (its leases were released): nothing
     *         was recorded or applied
     * @throws CommitInDoubt when the decision is recorded but applying it failed: it is retried at this node's
     *         next commit, and finished by a survivor if this node leaves first
     */
    void commit(CommitRecord record) {
        finishUnfinished();
        NodeCommitsProcessor write = NodeCommitsProcessor.record(record);
        Object recorded = calls.call(write, record.shardKey(), () -> records.submitToKey(record.shardKey(), write));
        if (!Boolean.TRUE.equals(recorded)) {
            throw new IllegalStateException(StoreError.COMMIT_OF_DEPARTED_NODE.text(record.id()));
        }
        CrashPoints.reach(CrashPoints.COMMIT_RECORDED);
        try {
            apply(record, true);
        } catch (LeaseExpiredException e) {
            forget(record); // rolled back: nothing of it applies, not even by a survivor
            throw e;
        } catch (RuntimeException e) {
            unfinished.add(record);
            throw new CommitInDoubt(record.id(), e);
        }
    }

    /** Applies again what this node recorded but could not apply (the store was unreachable for too long). */
    private void finishUnfinished() {
        for (CommitRecord r; (r = unfinished.peek()) != null; ) {
            try {
                apply(r, false);
            } catch (LeaseExpiredException e) {
                forget(r);
            } catch (RuntimeException e) {
                return; // still unreachable: the next commit tries again
            }
            unfinished.remove(r);
        }
    }

    /**
     * Applies every part of a recorded commit, then forgets it (and its prepared branch). Idempotent. A commit
     * whose acknowledgement is refused (a lease timed out) stays recorded: the caller forgets it.
     */
    void apply(CommitRecord record, boolean announceParts) {
        applyParts(record, announceParts);
        forget(record);
    }

    private void forget(CommitRecord record) {
        if (record.preparedBranch()) {
            calls.call("forget prepared branch", record.id(), () -> prepared.removeAsync(record.id()));
        }
        NodeCommitsProcessor forget = NodeCommitsProcessor.forget(record.id());
        calls.call(forget, record.shardKey(), () -> records.submitToKey(record.shardKey(), forget));
    }

    /**
     * Applies the parts only: enough for work on one destination, which one store call makes atomic. The
     * acknowledgements go first, each all or none: one refused because a lease timed out stops the commit before
     * any send is stored or the durable store is touched (the acknowledgements of other destinations applied
     * before it stand).
     *
     * @throws LeaseExpiredException when an acknowledgement was refused: the sends were not applied
     */
    void applyParts(CommitRecord record, boolean announceParts) {
        int applied = 0;
        for (CommitRecord.Acknowledgement a : record.acknowledgements()) {
            AckProcessor ack = new AckProcessor(a.address().subscription(), a.messageIds(), a.owner(), true);
            int held = calls.call(ack, a.address().key(), () -> destinations.submitToKey(a.address().key(), ack));
            if (held < 0) {
                throw new LeaseExpiredException(StoreError.LEASES_EXPIRED.text(-held, a.messageIds().size(),
                        a.address()));
            }
            partApplied(++applied, announceParts);
        }
        durability.commit(record);
        for (Map.Entry<String, List<StoredMessage>> e : record.sendsByDestination().entrySet()) {
            String key = e.getKey();
            // temporary destinations are never recreated: one deleted meanwhile takes no messages
            EnqueueProcessor store = new EnqueueProcessor(e.getValue(), isTemporary(key) ? null : defaults, true);
            calls.call(store, key, () -> destinations.submitToKey(key, store));
            durability.forgetDuplicates(key, e.getValue(), false);
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
     * Fences and finishes the commits of {@code departedNode}, and what is left of earlier departures (a survivor
     * that was finishing them may have died too). Runs before the node's leases are released. Only nodes whose
     * departure was seen are fenced: a client that just joined may not be connected to this member yet.
     */
    @SuppressWarnings("unchecked")
    static void completeAbandoned(HazelcastInstance hz, String departedNode) {
        IMap<String, NodeCommits> records = hz.getMap(StoreConfig.COMMITS_MAP);
        StoreCalls calls = new StoreCalls(StoreCalls.DEFAULT_TIMEOUT_MILLIS, new Topology());
        IMap<String, DestinationState> destinations = hz.getMap(StoreConfig.DESTINATIONS_MAP);
        Durability durability = new Durability(DurableStores.of(hz), hz.getLocalEndpoint().getUuid().toString(),
                new Durability.KeyCalls() {
                    @Override
                    public <R> R onKey(String key, EntryProcessor<String, DestinationState, R> processor) {
                        return calls.call(processor, key, () -> destinations.submitToKey(key, processor));
                    }
                }, new RestartGate()); // on a member: open
        TransactionCommits commits = new TransactionCommits(hz, calls, DestinationSettings.defaults(), durability);
        Set<String> keys = new TreeSet<>();
        for (int shard = 0; shard < CommitRecord.SHARDS; shard++) {
            keys.add(CommitRecord.shardKey(departedNode, shard));
        }
        keys.addAll(records.keySet(Predicates.equal("departed", true)));
        for (String key : keys) {
            List<CommitRecord> taken = (List<CommitRecord>) records.executeOnKey(key, NodeCommitsProcessor.take());
            for (CommitRecord record : taken) {
                LOG.info(() -> StoreError.COMPLETING_DEPARTED_COMMIT.text(record.id(), record.committerNode(),
                        record.parts()));
                try {
                    commits.apply(record, false);
                } catch (LeaseExpiredException e) {
                    commits.forget(record); // the committer's lease timed out: its transaction rolls back
                    LOG.info(() -> StoreError.DEPARTED_COMMIT_FAILED.text(record.id()) + ": " + e.getMessage());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, StoreError.DEPARTED_COMMIT_FAILED.text(record.id()), e);
                }
            }
        }
    }
}
