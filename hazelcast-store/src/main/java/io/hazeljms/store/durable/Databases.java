package io.hazeljms.store.durable;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
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
