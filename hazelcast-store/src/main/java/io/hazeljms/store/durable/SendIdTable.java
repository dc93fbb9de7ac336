package io.hazeljms.store.durable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The statements on {@code hjms_send_id}: the send ids (their hashes) of PERSISTENT messages written to the store,
 * per address, so a destination remembers them after a restart of the whole cluster. Written with the message rows
 * (same database transaction), idempotent like them; trimmed to a destination's window now and then.
 */
final class SendIdTable {

    private SendIdTable() {
    }

    /** The distinct (address, send id) pairs of rows, in their order: a topic message with two rows is one id. */
    static List<SendId> of(List<MessageRow> rows) {
        Set<SendId> ids = new LinkedHashSet<>();
        for (MessageRow row : rows) {
            ids.add(new SendId(row.address(), row.message().sendIdHash()));
        }
        return new ArrayList<>(ids);
    }

    static void insert(Connection c, Dialect dialect, List<MessageRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String sql = dialect == Dialect.POSTGRESQL
                ? "INSERT INTO hjms_send_id (address, send_hash) VALUES (?, ?) ON CONFLICT DO NOTHING"
                : "MERGE INTO hjms_send_id (address, send_hash) KEY (address, send_hash) VALUES (?, ?)";
        run(c, sql, of(rows));
    }

    /** Forgets the ids of a refused send's rows (it was not stored, so a send made again must not be dropped). */
    static void delete(Connection c, List<MessageRow> rows) throws SQLException {
        run(c, "DELETE FROM hjms_send_id WHERE address = ? AND send_hash = ?", of(rows));
    }

    private static void run(Connection c, String sql, List<SendId> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (SendId id : ids) {
                ps.setString(1, id.address());
                ps.setLong(2, id.hash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Keeps the newest {@code keep} ids of an address: one index range read of {@code keep} entries, one delete. */
    static void trim(Connection c, String address, int keep) throws SQLException {
        long oldestKept = Long.MIN_VALUE;
        if (keep > 0) {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM hjms_send_id WHERE address = ? "
                    + "ORDER BY seq DESC OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY")) {
                ps.setString(1, address);
                ps.setInt(2, keep - 1);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return; // no more than keep
                    }
                    oldestKept = rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM hjms_send_id WHERE address = ? AND seq < ?")) {
            ps.setString(1, address);
            ps.setLong(2, keep > 0 ? oldestKept : Long.MAX_VALUE);
            ps.executeUpdate();
        }
    }

    static void deleteAddress(Connection c, String address) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM hjms_send_id WHERE address = ?")) {
            ps.setString(1, address);
            ps.executeUpdate();
        }
    }

    record SendId(String address, long hash) {
    }
}
