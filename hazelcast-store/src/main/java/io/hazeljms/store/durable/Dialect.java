package io.hazeljms.store.durable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** What differs between the databases the durable store is tested on: the type of a record's bytes. */
enum Dialect {
    H2("VARBINARY"),
    POSTGRESQL("BYTEA");

    final String bytesType;

    Dialect(String bytesType) {
        this.bytesType = bytesType;
    }

    static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new SQLException("The durable store runs on H2 or PostgreSQL, not on " + product
                + ": point durableStore at one of them");
    }
}
