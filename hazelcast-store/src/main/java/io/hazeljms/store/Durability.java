package io.hazeljms.store;

import com.hazelcast.map.EntryProcessor;
import io.hazeljms.store.durable.DurableStore;
import io.hazeljms.store.durable.MessageRow;
import io.hazeljms.store.durable.RowKey;
import io.hazeljms.store.processor.DurableReceiversProcessor;
import io.hazeljms.store.processor.RememberedSendIdsProcessor;
import io.hazeljms.store.processor.SettingsProcessor;
import io.hazeljms.store.processor.UnheldRowsProcessor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * What of a node's traffic its {@link DurableStore} keeps, and when: PERSISTENT messages of queues and of durable
 * subscriptions are written before the store makes them deliverable (so no acknowledgement can come before its
 * row), and deleted after their acknowledgement without waiting. NON_PERSISTENT messages, temporary destinations
 * and non-durable subscriptions are never written. Off when the node runs without a durable store.
 */
final class Durability {

    private static final Logger LOG = Logger.getLogger(Durability.class.getName());

    /** One read-only entry processor on a destination, bounded like every store call. */
    interface KeyCalls {
        <R> R onKey(String key, EntryProcessor<String, DestinationState, R> processor);
    }

    private final DurableStore store;
    private final String nodeId;
    private final KeyCalls calls;
    private final RestartGate gate;
    /**
     * PERSISTENT messages this node claimed and has not seen acknowledged or released, by address: only their
     * acknowledgements delete rows, so NON_PERSISTENT traffic costs the database nothing.
     */
    private final Map<Address, Set<String>> claimed = new ConcurrentHashMap<>();
    /**
     * Durable subscriptions consumed through this node (a consumer subscribes through the node it claims from):
     * only their messages, and those of queues, have rows.
     */
    private final Set<Address> durableSubscriptions = ConcurrentHashMap.newKeySet();
    /** Send ids this node wrote per address since it last trimmed them to the destination's window. */
    private final Map<String, SendIdWindow> sendIdWindows = new ConcurrentHashMap<>();

    /** @param gate where sends wait while a client checks the store of a cluster that restarted under it */
    Durability(DurableStore store, String nodeId, KeyCalls calls, RestartGate gate) {
        this.store = store;
        this.nodeId = nodeId;
        this.calls = calls;
        this.gate = gate;
    }

    boolean on() {
        return store != null;
    }

    DurableStore store() {
        return store;
    }

    /** The rows a send to {@code destination} writes: for a topic, one per durable subscription it reaches. */
    List<MessageRow> rowsFor(DestinationKey destination, List<StoredMessage> messages) {
        gate.pass();
        if (store == null || destination.kind() == DestinationKey.Kind.TEMPORARY_QUEUE
                || destination.kind() == DestinationKey.Kind.TEMPORARY_TOPIC) {
            return List.of();
        }
        List<StoredMessage> persistent = new ArrayList<>(messages.size());
        for (StoredMessage m : messages) {
            if (m.persistent()) {
                persistent.add(m);
            }
        }
        if (persistent.isEmpty()) {
            return List.of();
        }
        String key = destination.encode();
        List<MessageRow> rows = new ArrayList<>(persistent.size());
        if (destination.kind() == DestinationKey.Kind.QUEUE) {
            persistent.forEach(m -> rows.add(new MessageRow(key, "", m)));
            return rows;
        }
        HashMap<String, ArrayList<String>> receivers = calls.onKey(key, new DurableReceiversProcessor(persistent));
        Map<String, StoredMessage> byId = new HashMap<>();
        persistent.forEach(m -> byId.put(m.messageId(), m));
        receivers.forEach((subscription, ids) -> ids.forEach(id -> rows.add(new MessageRow(key, subscription, byId.get(id)))));
        return rows;
    }

    /** Writes rows, returning once committed ({@link io.hazeljms.store.durable.DurableStoreException} if not). */
    void store(List<MessageRow> rows) {
        if (!rows.isEmpty()) {
            store.store(rows);
            trimSendIds(rows);
        }
    }

    /**
     * Deletes the rows of a send the store refused, before the sender hears of it, and the send ids that were new
     * with it: an id the destination remembers from an earlier send keeps its row, or a restart of the whole
     * cluster would forget it.
     */
    void unstore(String key, List<MessageRow> rows) {
        if (!rows.isEmpty()) {
            store.unstore(rows, remembered(key, rows));
        }
    }

    /** Writes the rows of moved messages: a destination knows them by message id, so no send id is kept. */
    void storeMoved(List<MessageRow> rows) {
        if (!rows.isEmpty()) {
            store.storeMoved(rows);
        }
    }

    /** Deletes the rows of a move the target refused. */
    void unstoreMoved(List<MessageRow> rows) {
        if (!rows.isEmpty()) {
            List<RowKey> keys = new ArrayList<>(rows.size());
            rows.forEach(r -> keys.add(r.key()));
            store.forgetNow(keys);
        }
    }

    /**
     * Keeps the database's send ids of each address near its {@code duplicateIdCacheSize}: after this node wrote
     * a sixteenth of the window's ids, it asks the destination its window (one read-only call) and has the older
     * ids deleted without waiting. So an address holds at most the window plus a sixteenth per node writing to it,
     * at one index read of the window per sixteenth of it written.
     */
    private void trimSendIds(List<MessageRow> rows) {
        Map<String, Integer> written = new HashMap<>();
        rows.forEach(r -> written.merge(r.address(), 1, Integer::sum));
        written.forEach((address, n) -> {
            SendIdWindow window = sendIdWindows.computeIfAbsent(address, a -> new SendIdWindow());
            if (window.due(n)) {
                try {
                    DestinationSettings settings = calls.onKey(address, new SettingsProcessor());
                    if (settings != null) {
                        window.size = settings.duplicates().idCacheSize();
                        store.trimSendIds(address, window.size);
                    }
                } catch (RuntimeException e) { // the send succeeded; the next sixteenth tries again
                    LOG.fine("send ids of " + address + " not trimmed: " + e.getMessage());
                }
            }
        });
    }

    /** Send ids written to one address since the last trim, and its window when last asked (-1: not yet). */
    private static final class SendIdWindow {
        private final AtomicLong written = new AtomicLong();
        private volatile int size = -1;

        /**
         * Counts {@code n} more; true (and starts counting again) when a sixteenth of the window is reached (for a
         * window of 0, which remembers nothing, every 256 ids: the rows are all deleted then).
         */
        boolean due(int n) {
            long step = size == 0 ? 256 : Math.max(1, size / 16);
            if (written.addAndGet(n) < step) {
                return false;
            }
            written.set(0);
            return true;
        }
    }

    /**
     * After a send of {@code messages} to {@code key}: deletes the rows of PERSISTENT messages with a duplicate id
     * that the destination does not hold (dropped as duplicates; or consumed already, whose rows are gone). Costs
     * a read-only call for sends with such messages only. Asked whatever the send's count said: a combined send's
     * count does not tell whose messages were dropped.
     */
    void forgetDuplicates(String key, List<StoredMessage> messages, boolean wait) {
        if (store == null) {
            return;
        }
        List<String> ids = new ArrayList<>();
        for (StoredMessage m : messages) {
            if (m.persistent() && m.duplicateId() != null) {
                ids.add(m.messageId());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        HashMap<String, ArrayList<String>> unheld;
        try {
            unheld = calls.onKey(key, new UnheldRowsProcessor(ids));
        } catch (RuntimeException e) { // the send itself succeeded: it must not fail for this
            LOG.warning(StoreError.DUPLICATE_ROWS_KEPT.text(key, ids.size(), e.getMessage()));
            return;
        }
        List<RowKey> keys = new ArrayList<>();
        unheld.forEach((subscription, dropped) -> dropped.forEach(id -> keys.add(new RowKey(key, subscription, id))));
        if (keys.isEmpty()) {
            return;
        }
        if (wait) {
            store.forgetNow(keys);
        } else {
            store.forget(keys);
        }
    }

    /** As {@link #unstore}, without waiting for the database (a refused asynchronous send; not on a Hazelcast thread). */
    void forgetRefused(String key, List<MessageRow> rows) {
        if (!rows.isEmpty()) {
            store.forgetRefused(rows, remembered(key, rows));
        }
    }

    /**
     * The send ids of refused rows that the destination remembers (one read-only call). A refused send adds no id,
     * so each came from another send, before or meanwhile, whose id row is this one. If the destination cannot be
     * asked, none: deleting such a row may let a duplicate in after a restart, keeping a new one would drop a send.
     */
    private Set<Long> remembered(String key, List<MessageRow> rows) {
        long[] hashes = rows.stream().mapToLong(r -> r.message().sendIdHash()).distinct().toArray();
        try {
            Set<Long> remembered = new HashSet<>();
            for (long h : calls.onKey(key, new RememberedSendIdsProcessor(hashes))) {
                remembered.add(h);
            }
            return remembered;
        } catch (RuntimeException e) {
            LOG.fine("send ids of a refused send to " + key + " not checked, all forgotten: " + e.getMessage());
            return Set.of();
        }
    }

    /** A consumer of this node attached to a durable subscription. */
    void subscribedDurably(Address subscription) {
        if (store != null) {
            durableSubscriptions.add(subscription);
        }
    }

    private boolean hasRows(Address from) {
        DestinationKey.Kind kind = from.destination().kind();
        return kind == DestinationKey.Kind.QUEUE
                || (kind == DestinationKey.Kind.TOPIC && durableSubscriptions.contains(from));
    }

    void claimed(Address from, List<StoredMessage> messages) {
        if (store == null || messages.isEmpty() || !hasRows(from)) {
            return;
        }
        Set<String> ids = null;
        for (StoredMessage m : messages) {
            if (m.persistent()) {
                if (ids == null) {
                    ids = claimed.computeIfAbsent(from, a -> ConcurrentHashMap.newKeySet());
                }
                ids.add(m.messageId());
            }
        }
    }

    /** After the store applied acknowledgements: deletes the rows of those that were PERSISTENT. */
    void acknowledged(Address from, List<String> messageIds) {
        acknowledged(from, messageIds, true);
    }

    /** @param trackedOnly false where this node did not claim them (a purge): every row of those ids goes */
    void acknowledged(Address from, List<String> messageIds, boolean trackedOnly) {
        if (store != null && !messageIds.isEmpty()) {
            store.forget(keysOf(from, messageIds, trackedOnly));
        }
    }

    /**
     * Acknowledged messages of which some were no longer held (a lease that timed out and went to another
     * consumer, or an acknowledgement made again): stops tracking them but keeps their rows, since one may be
     * leased to another consumer now; a restart of the whole cluster brings a kept row back flagged redelivered.
     */
    void acknowledgedInPart(Address from, List<String> messageIds) {
        if (store != null && !messageIds.isEmpty()) {
            keysOf(from, messageIds, true); // stops tracking them
        }
    }

    /**
     * Messages went back to their queue; {@code delivered}: their delivery counted, which their rows then record
     * too (without waiting), so a restart gives them the count and the redelivered flag they had.
     */
    void released(Address from, List<String> messageIds, boolean delivered) {
        if (store == null) {
            return;
        }
        List<RowKey> keys = keysOf(from, messageIds, true); // and stops tracking them
        if (delivered && !keys.isEmpty()) {
            store.countDelivery(keys);
        }
    }

    /**
     * A transaction's effect on the durable store, in one database transaction, after the cluster applied its
     * acknowledgements (a refused one stops the commit first) and before it applies its sends:
     * its PERSISTENT sends written, its acknowledgements deleted, its prepared branch forgotten. Idempotent, so a
     * survivor applying a departed node's record does it again harmlessly. Only the committer itself knows which
     * of its acknowledgements were PERSISTENT; anyone else deletes them all.
     */
    void commit(CommitRecord record) {
        gate.pass();
        if (store == null) {
            return;
        }
        List<MessageRow> rows = new ArrayList<>();
        record.sendsByDestination().forEach((key, messages) -> rows.addAll(rowsFor(DestinationKey.parse(key), messages)));
        boolean trackedOnly = !record.preparedBranch() && nodeId.equals(record.committerNode());
        List<RowKey> deletes = new ArrayList<>();
        for (CommitRecord.Acknowledgement a : record.acknowledgements()) {
            deletes.addAll(keysOf(a.address(), a.messageIds(), trackedOnly));
        }
        if (rows.isEmpty() && !record.preparedBranch()) {
            store.forget(deletes); // only acknowledgements: like any acknowledgement, not waited for
        } else {
            store.commit(rows, deletes, record.preparedBranch() ? record.id() : null);
            trimSendIds(rows);
        }
    }

    /**
     * Row keys of acknowledged messages. {@code trackedOnly}: only those this node claimed as PERSISTENT (and
     * stop tracking them); otherwise all (a survivor applying a departed node's commit knows no claims).
     */
    List<RowKey> keysOf(Address from, List<String> messageIds, boolean trackedOnly) {
        String subscription = from.subscription() == null ? "" : from.subscription();
        Set<String> ids = claimed.get(from);
        List<RowKey> keys = new ArrayList<>();
        for (String id : messageIds) {
            if (!trackedOnly || (ids != null && ids.remove(id))) {
                keys.add(new RowKey(from.key(), subscription, id));
            }
        }
        return keys;
    }
}
