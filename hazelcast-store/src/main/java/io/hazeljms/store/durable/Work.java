package io.hazeljms.store.durable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One caller's part of a group commit: rows to insert (and their send ids), rows to delete, and other statements, all in the same
 * database transaction. {@code retry} work (deletes nobody waits for) is kept and tried again when a batch fails.
 */
final class Work {

    interface Statements {
        void run(java.sql.Connection c) throws java.sql.SQLException;
    }

    final List<MessageRow> inserts;
    final List<RowKey> deletes;
    final List<Statements> others;
    final boolean retry;
    /** Whether the inserts' send ids are remembered too (not for moved messages: a move keeps no send id). */
    final boolean sendIds;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    Work(List<MessageRow> inserts, List<RowKey> deletes, List<Statements> others, boolean retry) {
        this(inserts, deletes, others, retry, true);
    }

    Work(List<MessageRow> inserts, List<RowKey> deletes, List<Statements> others, boolean retry, boolean sendIds) {
        this.inserts = inserts;
        this.deletes = deletes;
        this.others = others;
        this.retry = retry;
        this.sendIds = sendIds;
    }

    static Work of(Statements statements) {
        List<Statements> others = new ArrayList<>(1);
        others.add(statements);
        return new Work(List.of(), List.of(), others, false);
    }

    int size() {
        return inserts.size() + deletes.size() + others.size();
    }
}
