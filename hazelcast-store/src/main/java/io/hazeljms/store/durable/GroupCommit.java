package io.hazeljms.store.durable;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one writer of a node's durable store: it takes whatever work has gathered while the previous database
 * transaction ran and writes it all in the next one, so concurrent senders share a commit (and its sync to disk)
 * instead of paying one each. Work that fails is failed to its callers, except deletes nobody waits for, which
 * are kept and written when the database answers again. The connection is opened again after a failure.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());
    /** Most work items in one database transaction. */
    private static final int MAX_BATCH = 2_000;
    /** Longest pause between attempts while the database does not answer. */
    private static final long MAX_BACKOFF_MILLIS = 2_000;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final BlockingDeque<Work> queue;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread writer;
    private Connection connection;

    /** @param opened a connection to write on first (the writer's from then on), or null to open one when needed */
    GroupCommit(DataSource dataSource, Dialect dialect, int capacity, String name, Connection opened)
            throws SQLException {
        this.dataSource = dataSource;
        this.dialect = dialect;
        if (opened != null) {
            opened.setAutoCommit(false);
            this.connection = opened;
        }
        this.queue = new LinkedBlockingDeque<>(capacity);
        this.writer = new Thread(this::run, "hazeljms-durable-writer-" + name);
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues work; false when the queue stayed full for {@code timeoutMillis}. */
    boolean submit(Work work, long timeoutMillis) throws InterruptedException {
        if (closed.getCount() == 0) {
            work.done.completeExceptionally(new IllegalStateException("the durable store is closed"));
            return true;
        }
        return queue.offer(work, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void run() {
        long backoff = 0;
        List<Work> batch = new ArrayList<>();
        while (closed.getCount() > 0 || !queue.isEmpty()) {
            try {
                boolean stopping = closed.getCount() == 0;
                if (backoff > 0 && !stopping) {
                    closed.await(backoff, TimeUnit.MILLISECONDS); // a close cuts the pause short: one last try
                }
                Work first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int items = first.size();
                for (Work w; items < MAX_BATCH && (w = queue.poll()) != null; ) {
                    batch.add(w);
                    items += w.size();
                }
                write(batch);
                batch.forEach(w -> w.done.complete(null));
                backoff = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failAll(e);
                return;
            } catch (SQLException | RuntimeException e) {
                dropConnection();
                backoff = Math.min(MAX_BACKOFF_MILLIS, Math.max(50, backoff * 2));
                boolean stopping = closed.getCount() == 0; // closed: this was the last try
                for (int i = batch.size() - 1; i >= 0; i--) {
                    Work w = batch.get(i);
                    if (stopping || !w.retry || !queue.offerFirst(w)) {
                        w.done.completeExceptionally(e);
                    }
                }
                LOG.log(Level.FINE, "durable store write failed", e);
                if (stopping) {
                    failAll(new IllegalStateException("the durable store closed while its database did not answer", e));
                    return;
                }
            } finally {
                batch.clear();
            }
        }
        dropConnection();
    }

    private void write(List<Work> batch) throws SQLException {
        boolean reused = connection != null;
        Connection c = connection();
        try {
            statements(c, batch);
        } catch (SQLException e) {
            rollback(c);
            if (!reused || !isBroken(c, e)) {
                throw e;
            }
            // the connection died while idle (the database restarted): nothing of this batch reached a commit, so
            // it is written once more on a new connection rather than failed to callers of a database that is back
            LOG.log(Level.FINE, "durable store connection lost while idle; writing again on a new one", e);
            dropConnection();
            c = connection();
            try {
                statements(c, batch);
            } catch (SQLException | RuntimeException again) {
                rollback(c);
                throw again;
            }
        } catch (RuntimeException e) {
            rollback(c);
            throw e;
        }
        try {
            c.commit();
        } catch (SQLException | RuntimeException e) {
            rollback(c);
            throw e;
        }
    }

    private void statements(Connection c, List<Work> batch) throws SQLException {
        List<MessageRow> inserts = new ArrayList<>();
        List<MessageRow> sendIds = new ArrayList<>();
        List<RowKey> deletes = new ArrayList<>();
        for (Work w : batch) {
            if (!w.others.isEmpty()) {
                flush(c, inserts, sendIds, deletes);
            }
            inserts.addAll(w.inserts);
            if (w.sendIds) {
                sendIds.addAll(w.inserts);
            }
            deletes.addAll(w.deletes);
            for (Work.Statements s : w.others) {
                s.run(c);
            }
        }
        flush(c, inserts, sendIds, deletes);
    }

    /** A lost connection (SQLState class 08), or one that no longer answers. */
    private static boolean isBroken(Connection c, SQLException e) {
        if (DurableStore.isConnectionLost(e)) {
            return true;
        }
        try {
            return !c.isValid(1);
        } catch (SQLException notValid) {
            return true;
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is dropped anyway
        }
    }

    /**
     * Inserts before deletes: a row written and forgotten in one batch (a refused send) ends up gone. A message's
     * send id in the same transaction as its row: an acknowledged send's id is durable whenever its message is.
     */
    private void flush(Connection c, List<MessageRow> inserts, List<MessageRow> sendIds, List<RowKey> deletes)
            throws SQLException {
        MessageTable.insert(c, dialect, inserts);
        SendIdTable.insert(c, dialect, sendIds);
        MessageTable.delete(c, deletes);
        inserts.clear();
        sendIds.clear();
        deletes.clear();
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(false);
            connection = c;
        }
        return connection;
    }

    private void dropConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }

    private void failAll(Exception cause) {
        for (Work w; (w = queue.poll()) != null; ) {
            w.done.completeExceptionally(cause);
        }
    }

    /** Writes what is queued, then stops (bounded by {@code timeoutMillis}). */
    @Override
    public void close() {
        closed.countDown();
    }

    boolean awaitStopped(long timeoutMillis) throws InterruptedException {
        writer.join(timeoutMillis);
        return !writer.isAlive();
    }
}
