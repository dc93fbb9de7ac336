package io.hazeljms.store.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (Debian's {@code postgresql} package) for tests: its own fresh cluster under the module's
 * {@code target/}, on a free port of 127.0.0.1 only, no Unix socket, trust authentication, {@code fsync=on} so
 * durability is measured honestly. Stopped by {@link #close()}, or by a shutdown hook if the test run is aborted.
 * <p>
 * initdb, postgres and pg_ctl refuse to run as root; as root (CI) they run as the {@code postgres} OS user that the
 * package creates, via {@code runuser}, on a data directory chown'ed to it.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "hazeljms";
    public static final String DATABASE = "hazeljms";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final String OS_USER = "postgres";

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final Path log;
    private final boolean asOsUser;
    private final int port;
    private final Thread shutdownHook = new Thread(this::stopQuietly, "postgres-shutdown");
    private Process launcher;

    private PostgresServer(Path bin, Path dir, boolean asOsUser, int port) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.log = dir.resolve("postgres.log");
        this.asOsUser = asOsUser;
        this.port = port;
    }

    /** initdb a fresh cluster under {@code target/postgres-*}, start it and create {@link #DATABASE}. */
    public static PostgresServer start() {
        try {
            Path target = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("target");
            Files.createDirectories(target);
            Path dir = Files.createTempDirectory(target, "postgres-");
            PostgresServer server = new PostgresServer(findBin(), dir, isRoot(), freePort());
            server.init();
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            try {
                server.launch();
                try (Connection c = DriverManager.getConnection(server.url("postgres"));
                     Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + DATABASE);
                }
            } catch (RuntimeException | SQLException e) {
                server.stopQuietly(); // the caller gets no server to close
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jdbcUrl() {
        return url(DATABASE);
    }

    public int port() {
        return port;
    }

    /** Holds the data directory and postgres.log (initdb's output and the server's). */
    public Path directory() {
        return dir;
    }

    /** kill -9 the postmaster, then its children (a power cut, as far as the server can tell); waits until gone. */
    public synchronized void crash() {
        if (launcher == null) {
            throw new IllegalStateException("not running");
        }
        // as root the launcher is runuser, whose one child is the postmaster; runuser reaps it and exits
        ProcessHandle postmaster = asOsUser
                ? launcher.toHandle().children().findFirst().orElse(launcher.toHandle())
                : launcher.toHandle();
        List<ProcessHandle> children = postmaster.descendants().toList();
        postmaster.destroyForcibly(); // first, so it cannot react to its children dying
        children.forEach(ProcessHandle::destroyForcibly);
        // a new postmaster refuses the data dir while the old one, or backends holding its shared memory, live on
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (launcher.isAlive() || !children.stream().allMatch(PostgresServer::gone)) {
            if (System.nanoTime() > deadline) {
                launcher.destroyForcibly();
                throw new IllegalStateException("postgres processes survived kill -9 for " + READY_TIMEOUT);
            }
            pause();
        }
        launcher = null;
    }

    /** Starts the server again on the same data directory and port (after {@link #crash()} or {@link #stop()}). */
    public synchronized void restart() {
        if (launcher != null) {
            throw new IllegalStateException("already running");
        }
        launch();
    }

    /** {@code pg_ctl stop -m fast}, bounded; the process tree is killed if it does not stop in time. */
    public synchronized void stop() {
        if (launcher == null) {
            return;
        }
        try {
            run(cmd("pg_ctl", "stop", "-D", data.toString(), "-m", "fast", "-w", "-t", "30"));
            if (launcher.waitFor(10, TimeUnit.SECONDS)) {
                launcher = null;
                return;
            }
        } catch (RuntimeException e) {
            System.err.println("pg_ctl stop failed, killing postgres: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        crash();
        throw new IllegalStateException("postgres did not stop cleanly; killed. See " + log);
    }

    /** Stops the server; deletes the data directory only after a clean stop (and keeps postgres.log). */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; nothing to remove
        }
        if (!Boolean.getBoolean("hazeljms.pg.keep")) {
            delete(data);
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            System.err.println("stopping postgres at " + dir + ": " + e);
        }
    }

    private void init() throws IOException {
        Files.createDirectory(data);
        if (asOsUser) {
            // Files.createTempDirectory made dir private; the postgres user must reach data through it and every parent
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (Path p = dir.getParent(); p != null; p = p.getParent()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                if (perms.add(PosixFilePermission.OTHERS_EXECUTE)) {
                    System.err.println("PostgresServer: making " + p + " traversable (o+x) for the postgres user");
                    Files.setPosixFilePermissions(p, perms);
                }
            }
            UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(data, users.lookupPrincipalByName(OS_USER));
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        run(cmd("initdb", "-D", data.toString(), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-locale"));
    }

    private void launch() {
        try {
            launcher = new ProcessBuilder(cmd("postgres", "-D", data.toString(),
                    "-c", "listen_addresses=127.0.0.1",
                    "-c", "port=" + port,
                    // TCP only: no socket in /var/run/postgresql (root's), nor a path over the 107-byte socket limit
                    "-c", "unix_socket_directories=",
                    "-c", "fsync=on",
                    "-c", "synchronous_commit=on",
                    "-c", "shared_buffers=16MB",
                    "-c", "max_connections=50"))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    /** Bounded: connects every 100 ms until the server accepts (crash recovery included), fails fast if it died. */
    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!launcher.isAlive()) {
                int exit = launcher.exitValue();
                launcher = null; // nothing left to stop
                throw new IllegalStateException("postgres exited with " + exit + "; see " + log);
            }
            try (Connection c = DriverManager.getConnection(url("postgres") + "&connectTimeout=2&socketTimeout=5")) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            pause();
        }
        throw new IllegalStateException("postgres not accepting connections after " + READY_TIMEOUT + "; see " + log,
                last);
    }

    /** Exited, or a zombie: an orphaned backend that a non-reaping init leaves behind holds nothing any more. */
    private static boolean gone(ProcessHandle p) {
        if (!p.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat")); // "pid (comm) state ..."
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (IOException e) {
            return true; // no /proc entry: reaped
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
    }

    private List<String> cmd(String program, String... args) {
        List<String> cmd = new ArrayList<>();
        if (asOsUser) {
            cmd.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        cmd.add(bin.resolve(program).toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs a command to completion, bounded, its output appended to postgres.log. */
    private void run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + COMMAND_TIMEOUT + ": " + cmd + "; see " + log);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("exit " + p.exitValue() + ": " + cmd + "; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** -Dhazeljms.pg.bin, else the newest /usr/lib/postgresql/VERSION/bin (Debian's layout). */
    private static Path findBin() throws IOException {
        String configured = System.getProperty("hazeljms.pg.bin");
        if (configured != null) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var newest = versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .filter(v -> Files.isExecutable(v.resolve("bin/postgres")))
                        .max(Comparator.comparingDouble(v -> Double.parseDouble(v.getFileName().toString())));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            }
        }
        throw new IllegalStateException("no PostgreSQL server under " + root
                + "/*/bin: install Debian's postgresql package (.ci/run does) or set -Dhazeljms.pg.bin=DIR");
    }

    private static boolean isRoot() throws IOException {
        // /proc/self belongs to this process's effective user
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static void delete(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + path + ": " + e);
        }
    }
}
