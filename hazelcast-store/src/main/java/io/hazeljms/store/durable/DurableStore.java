package io.hazeljms.store.durable;

import io.hazeljms.store.PreparedTransaction;
import io.hazeljms.store.StoreError;
import io.hazeljms.store.StoredMessage;
import io.hazeljms.store.SubscriptionSpec;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Write-through of what must survive a restart of the whole cluster to a relational database: PERSISTENT
 * messages of queues and durable subscriptions, durable subscriptions, prepared XA branches, and which nodes
 * run. Writes go through one {@link GroupCommit} per node; a synchronous write returns once the database has
 * committed it, or throws {@link DurableStoreException} within {@link #WRITE_TIMEOUT_MILLIS}.
 * Thread-safe.
 */
public final class DurableStore implements AutoCloseable {

    /** Longest a write waits for the database before its caller is told it failed. */
    public static final long WRITE_TIMEOUT_MILLIS = 30_000;
    /** Work items the writer holds at most; beyond it callers wait (bounded) for room. */
    private static final int QUEUE_CAPACITY = 100_000;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String description;
    /** The database's identity ({@code hjms_store_identity}): nodes on one database share it, whatever its URL. */
    private final String identity;
    private final GroupCommit writer;
    /**
     * Deletes nobody waits for go through a writer of their own, so a sender's commit never carries (and waits
     * for) a batch of acknowledgements; the two transactions touch different rows.
     */
    private final GroupCommit deleter;

    private DurableStore(DataSource dataSource, Dialect dialect, String description, String identity, String name,
                         Connection opened) throws SQLException {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.description = description;
        this.identity = identity;
        this.writer = new GroupCommit(dataSource, dialect, QUEUE_CAPACITY, name, opened);
        this.deleter = new GroupCommit(dataSource, dialect, QUEUE_CAPACITY, name + "-deletes", null);
    }

    /**
     * Opens the store on a database, creating or checking its schema.
     *
     * @param description what to name in errors (a URL without secrets, a JNDI name)
     */
    /** Tries of the schema check at opening: nodes opening a new database at once make each other's fail. */
    private static final int SCHEMA_ATTEMPTS = 5;

    public static DurableStore open(DataSource dataSource, String description, String name) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            Dialect dialect = Dialect.of(c);
            String identity = null;
            for (int attempt = 1; identity == null; attempt++) {
                try {
                    identity = Schema.ensure(c, dialect);
                } catch (SQLException e) {
                    // other nodes created the tables or the identity row at the same instant: each try sees more
                    // of what they committed, so a few tries end it; a real failure fails every one of them
                    if (attempt == SCHEMA_ATTEMPTS) {
                        throw e;
                    }
                }
            }
            // the writer keeps this connection: an embedded database closes with its last connection, and each
            // read before the first write would open it (and read its file) again
            return new DurableStore(dataSource, dialect, description, identity, name, c);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new DurableStoreException(StoreError.DURABLE_STORE_UNAVAILABLE.text(description, "be opened",
                    e.getMessage()), e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the opening's failure is the one reported
            }
        }
    }

    public String description() {
        return description;
    }

    /** The database's identity: a random UUID written once into it, the same for every node that opens it. */
    public String identity() {
        return identity;
    }

    // --- messages --------------------------------------------------------------------------------------------

    /** Writes rows and returns once they are committed. */
    public void store(List<MessageRow> rows) {
        if (!rows.isEmpty()) {
            await(new Work(rows, List.of(), new ArrayList<>(0), false), "store " + rows.size() + " message(s)");
        }
    }

    /** Writes the rows of moved messages (no send id: a destination knows a moved message by its message id). */
    public void storeMoved(List<MessageRow> rows) {
        if (!rows.isEmpty()) {
            await(new Work(rows, List.of(), new ArrayList<>(0), false, false), "store " + rows.size() + " message(s)");
        }
    }

    /**
     * Deletes the rows of a send the destination refused, and their send ids except those in {@code remembered}
     * (hashes the destination still remembers from another send), returning once committed: it was not stored, so
     * the same send made again after a restart must not be dropped, unless an earlier one was stored.
     */
    public void unstore(List<MessageRow> rows, Set<Long> remembered) {
        if (!rows.isEmpty()) {
            await(refused(rows, remembered, false), "forget " + rows.size() + " message(s)");
        }
    }

    /** As {@link #unstore}, without waiting (a refused asynchronous send). */
    public void forgetRefused(List<MessageRow> rows, Set<Long> remembered) {
        if (!rows.isEmpty()) {
            submit(deleter, refused(rows, remembered, true), "forget messages");
        }
    }

    private static Work refused(List<MessageRow> rows, Set<Long> remembered, boolean retried) {
        List<RowKey> keys = new ArrayList<>(rows.size());
        List<MessageRow> newIds = new ArrayList<>(rows.size());
        for (MessageRow r : rows) {
            keys.add(r.key());
            if (!remembered.contains(r.message().sendIdHash())) {
                newIds.add(r);
            }
        }
        List<Work.Statements> ids = new ArrayList<>(1);
        ids.add(c -> SendIdTable.delete(c, newIds));
        return new Work(List.of(), keys, ids, retried);
    }

    /**
     * Keeps the newest {@code keep} send ids of an address (its {@code duplicateIdCacheSize}), without waiting,
     * through the deletes' writer: a sender never waits for it.
     */
    public void trimSendIds(String address, int keep) {
        List<Work.Statements> trim = new ArrayList<>(1);
        trim.add(c -> SendIdTable.trim(c, address, keep));
        submit(deleter, new Work(List.of(), List.of(), trim, true), "trim the send ids of " + address);
    }

    /** Deletes rows without waiting; kept and written when the database answers again. */
    public void forget(List<RowKey> keys) {
        if (!keys.isEmpty()) {
            submit(deleter, new Work(List.of(), keys, new ArrayList<>(0), true), "forget messages");
        }
    }

    /**
     * Counts one more delivery of messages that went back to their queue, without waiting; through the deletes'
     * writer, so it is ordered with their deletion.
     */
    public void countDelivery(List<RowKey> keys) {
        List<Work.Statements> update = new ArrayList<>(1);
        update.add(c -> MessageTable.countDelivery(c, keys));
        submit(deleter, new Work(List.of(), List.of(), update, true), "count deliveries");
    }

    /** Deletes rows and returns once committed (a send that was refused after its rows were written). */
    public void forgetNow(List<RowKey> keys) {
        if (!keys.isEmpty()) {
            await(new Work(List.of(), keys, new ArrayList<>(0), false), "forget " + keys.size() + " message(s)");
        }
    }

    /**
     * A transaction's effect in one database transaction: its sends written, its acknowledgements deleted, and
     * its prepared branch (if any) forgotten. Idempotent, so a survivor may apply it again.
     */
    public void commit(List<MessageRow> inserts, List<RowKey> deletes, String preparedXid) {
        List<Work.Statements> others = new ArrayList<>(1);
        if (preparedXid != null) {
            others.add(c -> deletePrepared(c, preparedXid));
        }
        if (!inserts.isEmpty() || !deletes.isEmpty() || !others.isEmpty()) {
            await(new Work(inserts, deletes, others, false), "commit a transaction");
        }
    }

    /**
     * Deletes every message row of an address (a deleted destination, which forgets its send ids too), or of one
     * subscription.
     */
    public void forgetAddress(String address, String subscription) {
        await(Work.of(c -> {
            if (subscription == null) {
                SendIdTable.deleteAddress(c, address);
            }
            try (PreparedStatement ps = c.prepareStatement(subscription == null
                    ? "DELETE FROM hjms_message WHERE address = ?"
                    : "DELETE FROM hjms_message WHERE address = ? AND subscription = ?")) {
                ps.setString(1, address);
                if (subscription != null) {
                    ps.setString(2, subscription);
                }
                ps.executeUpdate();
            }
        }), "delete the messages of " + address);
    }

    // --- durable subscriptions -------------------------------------------------------------------------------

    /** Records a durable subscription; one that replaced another of the same name loses that one's messages. */
    public void saveSubscription(String topic, String name, SubscriptionSpec spec, boolean replaced) {
        await(Work.of(c -> {
            if (replaced) {
                deleteSubscriptionRows(c, name);
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM hjms_subscription WHERE name = ?")) {
                del.setString(1, name);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO hjms_subscription (topic, name, shared, selector, no_local) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, topic);
                ps.setString(2, name);
                ps.setBoolean(3, spec.shared());
                ps.setString(4, spec.selector());
                ps.setBoolean(5, spec.noLocal());
                ps.executeUpdate();
            }
        }), "record durable subscription " + name);
    }

    /** Forgets a durable subscription and its messages. */
    public void deleteSubscription(String name) {
        await(Work.of(c -> deleteSubscriptionRows(c, name)), "delete durable subscription " + name);
    }

    private static void deleteSubscriptionRows(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM hjms_message WHERE subscription = ?");
             PreparedStatement sub = c.prepareStatement("DELETE FROM hjms_subscription WHERE name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
            sub.setString(1, name);
            sub.executeUpdate();
        }
    }

    // --- prepared XA branches --------------------------------------------------------------------------------

    public void savePrepared(PreparedTransaction branch) {
        byte[] record = encode(branch);
        await(Work.of(c -> {
            deletePrepared(c, branch.xid());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO hjms_prepared (xid, record) VALUES (?, ?)")) {
                ps.setString(1, branch.xid());
                ps.setBytes(2, record);
                ps.executeUpdate();
            }
        }), "record prepared branch " + branch.xid());
    }

    public void forgetPrepared(String xid) {
        await(Work.of(c -> deletePrepared(c, xid)), "forget prepared branch " + xid);
    }

    private static void deletePrepared(Connection c, String xid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM hjms_prepared WHERE xid = ?")) {
            ps.setString(1, xid);
            ps.executeUpdate();
        }
    }

    // --- nodes -----------------------------------------------------------------------------------------------

    /** Marks a node as running on this store: if it is still marked when the cluster next starts, it crashed. */
    public void nodeStarted(String nodeId) {
        await(Work.of(c -> {
            // a client that reconnects marks itself again: its row may be there or deleted by the cluster
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM hjms_node WHERE node_id = ?")) {
                ps.setString(1, nodeId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO hjms_node (node_id, started) VALUES (?, ?)")) {
                ps.setString(1, nodeId);
                ps.setLong(2, System.currentTimeMillis());
                ps.executeUpdate();
            }
        }), "record node " + nodeId);
    }

    /** A node that stopped cleanly, or whose departure the cluster handled: its leases were released. */
    public void nodesGone(Set<String> nodeIds) {
        if (nodeIds.isEmpty()) {
            return;
        }
        await(Work.of(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM hjms_node WHERE node_id = ?")) {
                for (String id : nodeIds) {
                    ps.setString(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }), "forget " + nodeIds.size() + " node(s)");
    }

    // --- recovery --------------------------------------------------------------------------------------------

    /** What recovery reads, in the order it must be applied. */
    public interface Loader {
        void subscription(String topic, String name, SubscriptionSpec spec);

        /** Remembered send ids of one address, oldest first, a batch at a time; before its messages. */
        void sendIds(String address, long[] hashes);

        /** Messages of one address in delivery order (priority, then arrival), a batch at a time. */
        void messages(String address, String subscription, List<StoredMessage> batch);

        void prepared(PreparedTransaction branch);
    }

    /** Nodes marked running (none of them is running now when the cluster starts). */
    public Set<String> nodesMarkedRunning() {
        return read(c -> {
            Set<String> nodes = new java.util.TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT node_id FROM hjms_node");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    nodes.add(rs.getString(1));
                }
            }
            return nodes;
        });
    }

    /**
     * Reads everything stored: subscriptions, then send ids address by address in send order, then messages
     * address by address in delivery order (skipping,
     * and deleting, those that expired meanwhile), then prepared branches.
     */
    public void load(Loader loader, int batchSize) {
        long now = System.currentTimeMillis();
        read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT topic, name, shared, selector, no_local FROM hjms_subscription");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    loader.subscription(rs.getString(1), rs.getString(2),
                            new SubscriptionSpec(true, rs.getBoolean(3), rs.getString(4), rs.getBoolean(5)));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT address, send_hash FROM hjms_send_id ORDER BY address, seq")) {
                ps.setFetchSize(batchSize);
                try (ResultSet rs = ps.executeQuery()) {
                    String address = null;
                    long[] batch = new long[batchSize];
                    int n = 0;
                    while (rs.next()) {
                        String a = rs.getString(1);
                        if (n > 0 && (!a.equals(address) || n == batchSize)) {
                            loader.sendIds(address, Arrays.copyOf(batch, n));
                            n = 0;
                        }
                        address = a;
                        batch[n++] = rs.getLong(2);
                    }
                    if (n > 0) {
                        loader.sendIds(address, Arrays.copyOf(batch, n));
                    }
                }
            }
            List<RowKey> expired = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT address, subscription, delivery_count, "
                    + "expiration, record FROM hjms_message ORDER BY address, subscription, priority DESC, seq")) {
                ps.setFetchSize(batchSize);
                try (ResultSet rs = ps.executeQuery()) {
                    String address = null;
                    String subscription = null;
                    List<StoredMessage> batch = new ArrayList<>();
                    while (rs.next()) {
                        String a = rs.getString(1);
                        String s = rs.getString(2);
                        if (!batch.isEmpty() && (!a.equals(address) || !s.equals(subscription)
                                || batch.size() >= batchSize)) {
                            loader.messages(address, subscription, batch);
                            batch = new ArrayList<>();
                        }
                        address = a;
                        subscription = s;
                        StoredMessage m = MessageTable.decode(rs.getBytes(5));
                        m.deliveryCount(Math.max(m.deliveryCount(), rs.getInt(3)));
                        if (m.isExpired(now)) {
                            expired.add(new RowKey(a, s, m.messageId()));
                        } else {
                            batch.add(m);
                        }
                    }
                    if (!batch.isEmpty()) {
                        loader.messages(address, subscription, batch);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT record FROM hjms_prepared ORDER BY xid");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    loader.prepared(decodePrepared(rs.getBytes(1)));
                }
            }
            forget(expired);
            return null;
        });
    }

    /** Counts of stored rows (for tests and operators): messages, subscriptions, prepared branches. */
    public long messageCount() {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM hjms_message");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Remembered send ids of an address (for tests and operators). */
    public long sendIdCount(String address) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM hjms_send_id WHERE address = ?")) {
                ps.setString(1, address);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Waits until everything queued so far is written (bounded). */
    public void flush() {
        await(Work.of(c -> { }), "flush");
        Work deletes = Work.of(c -> { });
        submit(deleter, deletes, "flush");
        awaitDone(deletes, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WRITE_TIMEOUT_MILLIS), "flush");
    }

    /** Writes what is queued, bounded by {@link #WRITE_TIMEOUT_MILLIS}, and stops the writer. */
    @Override
    public void close() {
        writer.close();
        deleter.close();
        try {
            writer.awaitStopped(WRITE_TIMEOUT_MILLIS);
            deleter.awaitStopped(WRITE_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- plumbing --------------------------------------------------------------------------------------------

    private interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Read<T> read) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams a result set only inside a transaction
            try {
                return read.run(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new DurableStoreException(StoreError.DURABLE_STORE_UNAVAILABLE.text(description, "be read",
                    e.getMessage()), e);
        }
    }

    private void submit(GroupCommit to, Work work, String what) {
        try {
            if (!to.submit(work, WRITE_TIMEOUT_MILLIS)) {
                throw new DurableStoreException(StoreError.DURABLE_STORE_UNAVAILABLE.text(description, what,
                        "its writer fell behind by more than " + WRITE_TIMEOUT_MILLIS + " ms"), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DurableStoreException("Interrupted while waiting to " + what, e);
        }
    }

    private void await(Work work, String what) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WRITE_TIMEOUT_MILLIS);
        submit(writer, work, what);
        awaitDone(work, deadline, what);
    }

    private void awaitDone(Work work, long deadline, String what) {
        try {
            work.done.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DurableStoreException("Interrupted while waiting to " + what + "; it may still happen", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = isConnectionLost(cause) ? "it is unreachable: " + reason(cause) : reason(cause);
            throw new DurableStoreException(StoreError.DURABLE_STORE_UNAVAILABLE.text(description, what,
                    why + " (nothing of it was done)"), cause);
        } catch (TimeoutException e) {
            throw new DurableStoreException(StoreError.DURABLE_STORE_UNAVAILABLE.text(description, what,
                    "no answer within " + WRITE_TIMEOUT_MILLIS + " ms (it may still be done)"), e);
        }
    }

    /** A lost or refused connection: SQLState class 08 anywhere in the chain. */
    static boolean isConnectionLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why a write failed, in the database's words, without a failed batch's own text: drivers quote the statement
     * and its parameters there, i.e. whole message bodies; what went wrong is in the exception it wraps.
     */
    static String reason(Throwable failure) {
        Throwable shown = failure;
        while (shown instanceof BatchUpdateException batch) {
            Throwable inner = batch.getNextException() != null ? batch.getNextException() : batch.getCause();
            if (inner == null) {
                return "a batch of statements failed (SQLState " + batch.getSQLState() + ")";
            }
            shown = inner;
        }
        return String.valueOf(shown.getMessage());
    }

    private static byte[] encode(PreparedTransaction branch) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            branch.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static PreparedTransaction decodePrepared(byte[] record) {
        PreparedTransaction branch = new PreparedTransaction();
        try {
            branch.readFrom(new DataInputStream(new ByteArrayInputStream(record)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return branch;
    }
}
