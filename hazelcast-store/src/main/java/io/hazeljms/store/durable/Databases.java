package io.hazeljms.store.durable;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
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
            if (!url.contains("socketTimeout=")) {
                // a server that accepts but never answers must not hold the writer for ever
                url += (url.contains("?") ? "&" : "?") + "socketTimeout=60";
            }
            if (!url.contains("reWriteBatchedInserts=")) {
                url += "&reWriteBatchedInserts=true"; // a group commit's rows in one statement, one round trip
            }
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
    /**
     * H2: "Connection is broken" (CONNECTION_BROKEN_1): the lock file named a server that is gone (killed, or it
     * closed the database with its last connection) before this opener reached it.
     */
    static final int H2_CONNECTION_BROKEN = 90067;
    /** Longest a connection to an H2 file keeps trying while another process takes the file over. */
    static final long H2_TAKEOVER_MILLIS = 30_000;

    /**
     * A connection to the URL's database; for an H2 file (AUTO_SERVER) retried while the file changes hands.
     * Every JVM of a machine opens the same file: the first one holds its lock and serves it on a loopback port,
     * the others connect to that server. Whenever the holder closes its last connection (H2 closes the database
     * then) or dies (kill -9 leaves its lock file behind), the next opener takes the file over; when several open
     * at the same moment (a whole cluster restarted at once) all but one fail with "Locked by another process",
     * "Lock file recently modified" and the like before the winner has written its server address into the lock
     * file, or reach for a server the lock file still names but that is gone ("Connection is broken"). A moment later the same URL connects to the winner; so every connection waits, bounded, instead of
     * failing a member's start or a write. And openers on one machine take turns (an operating-system lock on a
     * file beside the database): with several JVMs writing H2's lock file at once, each attempt makes the others
     * fail again, and under load none got through within the bound.
     */
    private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

    /** One monitor per lock file in this JVM: a JVM may hold a file lock only once. */
    private static Object monitor(Path turn) {
        return MONITORS.computeIfAbsent(turn, p -> new Object());
    }

    /**
     * For an H2 file URL shared through AUTO_SERVER: {@code <file>.opening.lock}, an operating-system lock (released
     * when its process dies, kill -9 included) that openers on this machine take in turn; null otherwise.
     */
    static Path openerLock(String url) {
        String prefix = "jdbc:h2:file:";
        if (!url.startsWith(prefix) || !url.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=TRUE")) {
            return null;
        }
        int end = url.indexOf(';');
        String file = url.substring(prefix.length(), end < 0 ? url.length() : end);
        return Path.of(file + ".opening.lock").toAbsolutePath();
    }

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
            Path turn = openerLock(url);
            if (turn == null) {
                return connectH2(deadline);
            }
            // one opener at a time per machine: H2's own lock file takes over badly when several write it at once
            synchronized (monitor(turn)) {
                try {
                    java.nio.file.Files.createDirectories(turn.getParent());
                } catch (IOException e) {
                    throw new SQLException("cannot create " + turn.getParent() + ": " + e, e);
                }
                try (FileChannel channel = FileChannel.open(turn, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE)) {
                    FileLock lock;
                    long pause = 20;
                    while ((lock = channel.tryLock()) == null) {
                        if (System.nanoTime() > deadline) {
                            throw new SQLException("another process kept " + turn + " locked for more than "
                                    + H2_TAKEOVER_MILLIS + " ms");
                        }
                        sleep(pause);
                        pause = Math.min(pause * 2, 200);
                    }
                    try {
                        return connectH2(deadline);
                    } finally {
                        lock.release();
                    }
                } catch (IOException e) {
                    throw new SQLException("cannot lock " + turn + ": " + e, e);
                }
            }
        }

        private Connection connectH2(long deadline) throws SQLException {
            long pause = 50;
            while (true) {
                try {
                    return connect();
                } catch (SQLException e) {
                    // any H2 opening error is retried, bounded: a damaged file fails the same way, only later
                    int code = e.getErrorCode();
                    if ((code != H2_ALREADY_IN_USE && code != H2_ERROR_OPENING && code != H2_CONNECTION_BROKEN)
                            || System.nanoTime() > deadline) {
                        throw e;
                    }
                }
                sleep(pause + ThreadLocalRandom.current().nextLong(pause));
                pause = Math.min(pause * 2, 1_000);
            }
        }

        private static void sleep(long millis) throws SQLException {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while the database file was being taken over", e);
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
