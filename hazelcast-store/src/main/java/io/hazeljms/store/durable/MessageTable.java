package io.hazeljms.store.durable;

import io.hazeljms.store.StoredMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The statements on {@code hjms_message}. Inserts are idempotent (a row already there is kept), so a commit
 * applied again by a survivor writes nothing twice; deletes of rows that are gone change nothing.
 */
final class MessageTable {

    private MessageTable() {
    }

    static String insertSql(Dialect dialect) {
        String columns = "(address, subscription, message_id, priority, delivery_count, expiration, record)";
        return dialect == Dialect.POSTGRESQL
                ? "INSERT INTO hjms_message " + columns + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
                : "MERGE INTO hjms_message " + columns + " KEY (address, subscription, message_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)";
    }

    static void insert(Connection c, Dialect dialect, List<MessageRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(insertSql(dialect))) {
            for (MessageRow row : rows) {
                StoredMessage m = row.message();
                ps.setString(1, row.address());
                ps.setString(2, row.subscription());
                ps.setString(3, m.messageId());
                ps.setInt(4, m.priority());
                ps.setInt(5, m.deliveryCount());
                ps.setLong(6, m.expiration());
                ps.setBytes(7, encode(m));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void delete(Connection c, List<RowKey> keys) throws SQLException {
        forEachKey(c, "DELETE FROM hjms_message WHERE address = ? AND subscription = ? AND message_id = ?", keys);
    }

    /** One more delivery counted for each row (a release that counted it). */
    static void countDelivery(Connection c, List<RowKey> keys) throws SQLException {
        forEachKey(c, "UPDATE hjms_message SET delivery_count = delivery_count + 1"
                + " WHERE address = ? AND subscription = ? AND message_id = ?", keys);
    }

    /** Runs a statement whose three parameters name a row once per key, as one batch. */
    private static void forEachKey(Connection c, String sql, List<RowKey> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (RowKey k : keys) {
                ps.setString(1, k.address());
                ps.setString(2, k.subscription());
                ps.setString(3, k.messageId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static byte[] encode(StoredMessage m) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + (m.body() == null ? 0 : m.body().length));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            m.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static StoredMessage decode(byte[] record) {
        StoredMessage m = new StoredMessage();
        try {
            m.readFrom(new DataInputStream(new ByteArrayInputStream(record)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
