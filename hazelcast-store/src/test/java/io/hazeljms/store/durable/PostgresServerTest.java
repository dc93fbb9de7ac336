package io.hazeljms.store.durable;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresServerTest {

    @Test
    void committedRowSurvivesKillDashNineAndRestart() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl()); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, v TEXT)");
                s.execute("INSERT INTO t VALUES (1, 'committed')");
                c.commit();
                s.execute("INSERT INTO t VALUES (2, 'uncommitted')"); // open transaction at the crash
                pg.crash();
            }
            assertThrows(SQLException.class, () -> DriverManager.getConnection(pg.jdbcUrl()).close(),
                    "server still reachable after crash()");

            pg.restart();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, v FROM t ORDER BY id")) {
                assertTrue(rs.next(), "committed row lost");
                assertEquals(1, rs.getInt(1));
                assertEquals("committed", rs.getString(2));
                assertFalse(rs.next(), "uncommitted row survived");
            }
        }
    }
}
