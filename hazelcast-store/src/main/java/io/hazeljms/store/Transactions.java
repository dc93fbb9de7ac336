package io.hazeljms.store;

import io.hazeljms.store.durable.DurableStore;
import io.hazeljms.store.processor.RestoreProcessor;
import com.hazelcast.map.IMap;
import io.hazeljms.store.processor.ReassignLeaseProcessor;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The transaction part of the store ({@link Broker#transactions()}): atomic commits of a transaction's sends
 * and acknowledgements, and prepared XA branches kept in the cluster until completed
 * ({@link StoreConfig#PREPARED_TRANSACTIONS_MAP}).
 */
public final class Transactions {

    private final Broker broker;
    private final StoreCalls calls;
    private final TransactionCommits commits;
    private final IMap<String, PreparedTransaction> preparedTransactions;
    private volatile String clusterId;

    Transactions(Broker broker, StoreCalls calls) {
        this.broker = broker;
        this.calls = calls;
        this.commits = new TransactionCommits(broker.hazelcast(), calls, broker.defaults(), broker.durability());
        this.preparedTransactions = broker.hazelcast().getMap(StoreConfig.PREPARED_TRANSACTIONS_MAP);
    }

    /** Hands leased messages from one owner to another: a session's receives to its prepared XA branch. */
    public void reassignLeases(Address address, List<String> messageIds, LeaseOwner from, LeaseOwner to) {
        if (!messageIds.isEmpty()) {
            broker.onKey(address.key(),
                    new ReassignLeaseProcessor(address.subscription(), messageIds, from, to));
        }
    }

    /**
     * Records a prepared branch in the cluster (with backups). Its received messages must already be leased
     * to {@link PreparedTransaction#owner}; afterwards only commit or rollback end it.
     */
    public void recordPrepared(PreparedTransaction branch) {
        DurableStore store = broker.durability().store();
        if (store != null) {
            store.savePrepared(branch);
        }
        calls.call("record prepared branch", branch.xid(),
                () -> preparedTransactions.setAsync(branch.xid(), branch));
    }

    /** A value shared by every node of this cluster and no other (XAResource.isSameRM). */
    public String clusterId() {
        String id = clusterId;
        if (id == null) {
            IMap<String, String> ids = broker.hazelcast().getMap(StoreConfig.CLUSTER_ID_MAP);
            String mine = UUID.randomUUID().toString();
            String existing = ids.putIfAbsent("id", mine);
            id = clusterId = existing == null ? mine : existing;
        }
        return id;
    }

    /**
     * Applies a prepared branch, all or nothing: stores its sends, acknowledges its receives. The decision is
     * recorded first, so if this node dies midway a survivor finishes it. False if no such branch.
     */
    public boolean commitPrepared(String xid) {
        PreparedTransaction branch = calls.call("read prepared branch", xid, () -> preparedTransactions.getAsync(xid));
        if (branch == null) {
            return false;
        }
        commits.commit(new CommitRecord(xid, broker.nodeId(), branch.sends(), branch.acknowledgements(), true));
        return true;
    }

    /**
     * Commits a transaction's sends (each message's {@code destination()} is its target key) and
     * acknowledgements all or nothing, whatever the destinations' limits (a committed decision may no longer be
     * refused). Work on one destination is one atomic store call; work on several is recorded in the cluster
     * first ({@link CommitRecord}), so if this node dies midway a survivor finishes it. Returns once applied.
     */
    public void commit(List<StoredMessage> sends, List<CommitRecord.Acknowledgement> acks) {
        CommitRecord record = new CommitRecord("tx-" + UUID.randomUUID(), broker.nodeId(), sends, acks, false);
        if (record.parts() <= 1) {
            commits.applyParts(record, false);
        } else {
            commits.commit(record);
        }
    }

    /** Discards a prepared branch: its received messages are redelivered. False if no such branch. */
    public boolean rollbackPrepared(String xid) {
        PreparedTransaction branch = preparedTransactions.get(xid);
        if (branch == null) {
            return false;
        }
        LeaseOwner owner = PreparedTransaction.owner(xid);
        branch.acknowledgements().forEach(a -> broker.messages().release(a.address(), a.messageIds(), owner, true));
        DurableStore store = broker.durability().store();
        if (store != null) {
            store.forgetPrepared(xid);
        }
        preparedTransactions.delete(xid);
        return true;
    }

    /** Recovery: a prepared branch from the durable store, its received messages leased to it again. */
    void restorePrepared(PreparedTransaction branch) {
        LeaseOwner owner = PreparedTransaction.owner(branch.xid());
        for (CommitRecord.Acknowledgement a : branch.acknowledgements()) {
            broker.onKey(a.address().key(), RestoreProcessor.lease(a.address().subscription(), a.messageIds(), owner));
        }
        preparedTransactions.set(branch.xid(), branch);
    }

    /** Encoded Xids of every prepared branch in the cluster (for XAResource.recover). */
    public Set<String> preparedXids() {
        return new TreeSet<>(preparedTransactions.keySet());
    }
}
