package io.hazeljms.sample.it;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A domain of full Payara Server 6 (unpacked from the {@code fish.payara.distributions:payara} zip by the build),
 * driven by asadmin: created with a port base of its own, rewritten to listen on 127.0.0.1 only with Payara's
 * own data grid off, started on this test's Java 17, stopped and left on disk (under {@code target/it/domains}) for
 * its logs.
 *
 * <p>Ports with base {@value #PORT_BASE}: admin {@code +48}, HTTP {@code +80}, HTTPS {@code +81}, IIOP
 * {@code +37..39}, JMX {@code +86}.
 */
final class PayaraServer implements AutoCloseable {

    static final int PORT_BASE = 18500;

    private final Path install;
    private final Path domainsDir;
    private final String domain;
    private final Path logDir;
    private boolean running;

    private PayaraServer(Path install, Path domainsDir, String domain, Path logDir) {
        this.install = install;
        this.domainsDir = domainsDir;
        this.domain = domain;
        this.logDir = logDir;
    }

    /** Creates (afresh) the domain {@code domain} under {@code domainsDir}. */
    static PayaraServer create(Path install, Path domainsDir, String domain, Path logDir)
            throws IOException, InterruptedException {
        PayaraServer server = new PayaraServer(install, domainsDir, domain, logDir);
        Files.createDirectories(logDir);
        Path existing = domainsDir.resolve(domain);
        if (Files.isDirectory(existing)) {
            server.asadminQuietly(Duration.ofSeconds(60), "stop-domain", "--domaindir", domainsDir.toString(), domain);
            try (Stream<Path> files = Files.walk(existing)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        server.asadmin(Duration.ofMinutes(3), "create-domain", "--nopassword=true", "--portbase",
                Integer.toString(PORT_BASE), "--domaindir", domainsDir.toString(), domain);
        server.loopbackOnly();
        return server;
    }

    /** Every listener on 127.0.0.1, Payara's own Hazelcast member off (the resource adapter has its own). */
    private void loopbackOnly() throws IOException {
        Path xml = domainsDir.resolve(domain).resolve("config/domain.xml");
        String config = Files.readString(xml, StandardCharsets.UTF_8);
        String patched = config
                .replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"")
                .replace("<network-listener port=", "<network-listener address=\"127.0.0.1\" port=")
                .replace("<hazelcast-config-specific-configuration>",
                        "<hazelcast-config-specific-configuration enabled=\"false\">");
        if (patched.equals(config)) {
            throw new IllegalStateException("domain.xml of " + domain + " has none of the expected listeners");
        }
        Files.writeString(xml, patched, StandardCharsets.UTF_8);
    }

    void start() throws IOException, InterruptedException {
        asadmin(Duration.ofMinutes(4), "start-domain", "--domaindir", domainsDir.toString(), domain);
        running = true;
    }

    /** Configures a resource adapter before it is deployed (properties {@code name=value:name=value}). */
    void resourceAdapterConfig(String raName, String properties) throws IOException, InterruptedException {
        admin(Duration.ofMinutes(1), "create-resource-adapter-config", "--property", properties, raName);
    }

    void deploy(Path archive, String name) throws IOException, InterruptedException {
        admin(Duration.ofMinutes(5), "deploy", "--name", name, archive.toAbsolutePath().toString());
    }

    URI httpUri(String path) {
        return URI.create("http://127.0.0.1:" + (PORT_BASE + 80) + "/" + path);
    }

    Path serverLog() {
        return domainsDir.resolve(domain).resolve("logs/server.log");
    }

    @Override
    public void close() {
        if (running) {
            running = false;
            asadminQuietly(Duration.ofMinutes(2), "stop-domain", "--domaindir", domainsDir.toString(), domain);
        }
    }

    private void admin(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", Integer.toString(PORT_BASE + 48)));
        all.addAll(List.of(args));
        asadmin(timeout, all.toArray(String[]::new));
    }

    private void asadminQuietly(Duration timeout, String... args) {
        try {
            asadmin(timeout, args);
        } catch (IOException | RuntimeException e) {
            // best effort (stopping what may not run)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs asadmin on this JVM's Java, output to {@code <logDir>/asadmin.log}; fails on a non-zero exit. */
    private void asadmin(Duration timeout, String... args) throws IOException, InterruptedException {
        String javaHome = System.getProperty("java.home");
        List<String> cmd = new ArrayList<>(List.of(Paths.get(javaHome, "bin", "java").toString(),
                "-jar", install.resolve("glassfish/lib/client/appserver-cli.jar").toString()));
        cmd.addAll(List.of(args));
        Path log = logDir.resolve("asadmin.log");
        Files.writeString(log, "\n$ asadmin " + String.join(" ", args) + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AS_JAVA", javaHome); // the server runs on the test's Java 17 too
        builder.environment().put("JAVA_HOME", javaHome);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("asadmin " + args[0] + " did not finish in " + timeout + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", args) + " failed (exit "
                    + process.exitValue() + "); see " + log + " and " + serverLog());
        }
    }
}
