package io.hazeljms.store.durable;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Data sources for the durable store from a JDBC URL: the embedded file database (H2) or PostgreSQL. The driver
 * is loaded from the store's own class loader, not looked up in {@code DriverManager}, which does not see drivers
 * inside a resource adapter.
 */
public final class Databases {

    private Databases() {
    }

    /**
     * The embedded default: an H2 file database {@code <directory>/<name>.mv.db}. Several JVMs on one machine
     * share it: the first serves it to the others on a loopback port (H2's automatic mixed mode), and another
     * takes over when that one stops. Every commit is written to the file before it returns.
     */
    public static String embeddedUrl(Path directory, String name) {
        // H2's automatic server binds here; the loopback rule holds unless the JVM says otherwise
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        return "jdbc:h2:file:" + directory.resolve(name).toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    /** A data source for {@code jdbc:h2:...} or {@code jdbc:postgresql:...} (credentials in the URL). */
    public static DataSource forUrl(String url) {
        String driver;
        if (url.startsWith("jdbc:h2:")) {
            driver = "org.h2.Driver";
        } else if (url.startsWith("jdbc:postgresql:")) {
            driver = "org.postgresql.Driver";
        } else {
            throw new IllegalArgumentException("durableStore " + url + " is not an H2 or PostgreSQL JDBC URL: "
                    + "give jdbc:postgresql://host:port/db?user=..., jdbc:h2:..., embedded or off");
        }
        return new DriverDataSource(url, driver);
    }

    /** Hides credentials of a URL for messages. */
    public static String describe(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** H2: "Database may be already in use" (DATABASE_ALREADY_OPEN_1). */
    static final int H2_ALREADY_IN_USE = 90020;
    /**
     * H2: "Error opening database" (ERROR_OPENING_DATABASE_1), which its file lock throws while others take the
     * file over: "Lock file recently modified", "Another process was faster", "Concurrent update".
     */
    static final int H2_ERROR_OPENING = 8000;
    /** Longest a connection to an H2 file keeps trying while another process takes the file over. */
    static final long H2_TAKEOVER_MILLIS = 30_000;

    /**
     * A connection to the URL's database; for an H2 file (AUTO_SERVER) retried while the file changes hands.
     * Every JVM of a machine opens the same file: the first one holds its lock and serves it on a loopback port,
     * the others connect to that server. Whenever the holder closes its last connection (H2 closes the database
     * then) or dies (kill -9 leaves its lock file behind), the next opener takes the file over; when several open
     * at the same moment (a whole cluster restarted at once) all but one fail with "Locked by another process",
     * "Lock file recently modified" and the like before the winner has written its server address into the lock
     * file. A moment later the same URL connects to the winner; so every connection waits, bounded, instead of
     * failing a member's start or a write.
     */
    private static final class DriverDataSource implements DataSource {
        private final String url;
        private final String driverClass;
        private volatile Driver driver;

        DriverDataSource(String url, String driverClass) {
            this.url = url;
            this.driverClass = driverClass;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (!url.startsWith("jdbc:h2:")) {
                return connect();
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(H2_TAKEOVER_MILLIS);
            long pause = 50;
            while (true) {
                try {
                    return connect();
                } catch (SQLException e) {
                    // any H2 opening error is retried, bounded: a damaged file fails the same way, only later
                    if ((e.getErrorCode() != H2_ALREADY_IN_USE && e.getErrorCode() != H2_ERROR_OPENING)
                            || System.nanoTime() > deadline) {
                        throw e;
                    }
                }
                try {
                    Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while the database file was being taken over", e);
                }
                pause = Math.min(pause * 2, 1_000);
            }
        }

        private Connection connect() throws SQLException {
            Connection c = driver().connect(url, new Properties());
            if (c == null) {
                throw new SQLException("driver " + driverClass + " does not accept " + describe(url));
            }
            return c;
        }

        private Driver driver() throws SQLException {
            Driver d = driver;
            if (d == null) {
                try {
                    d = (Driver) Class.forName(driverClass, true, Databases.class.getClassLoader())
                            .getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new SQLException("JDBC driver " + driverClass + " is not on the class path", e);
                }
                driver = d;
            }
            return d;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", username);
            p.setProperty("password", password);
            return driver().connect(url, p);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // not used
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // the store bounds its own waits
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
