import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the demo: Payara Micro with the resource adapter, the sample WAR and the console WAR, loopback only, and
 * prints the URLs of the sample's page and of the console once Micro is ready. Started by
 * {@code mvn -Pdemo install} (see README) as a single-file Java program, so it
 * needs nothing but the JDK:
 *
 * <pre>java RunDemo.java WORKDIR PORT payara-micro.jar hazeljms-ra.rar sample.war hazeljms-console.war</pre>
 *
 * The archives are deployed in the order given (the resource adapter first). Ctrl+C stops Micro.
 */
public class RunDemo {

    private static final java.util.regex.Pattern ANSI_ESCAPE = java.util.regex.Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 4) {
            System.err.println("usage: java RunDemo.java WORKDIR PORT payara-micro.jar ARCHIVE...");
            System.exit(2);
        }
        Path work = Paths.get(args[0]).toAbsolutePath();
        String port = args[1];
        Path micro = Paths.get(args[2]).toAbsolutePath();
        Files.createDirectories(work);
        // Payara's runtime directory lives beside the build (target/), fresh each run, not in /tmp
        Path runtime = work.resolve("payara-runtime-" + port);
        deleteTree(runtime);
        Path preboot = work.resolve("preboot-" + port + ".asadmin");
        Path postboot = work.resolve("postboot-" + port + ".asadmin");
        // HTTP on 127.0.0.1 only; the archives deployed in order, the resource adapter first
        Files.writeString(preboot, "set configs.config.server-config.network-config.network-listeners"
                + ".network-listener.http-listener.address=127.0.0.1\n");
        StringBuilder deploys = new StringBuilder();
        for (int i = 3; i < args.length; i++) {
            deploys.append("deploy ").append(Paths.get(args[i]).toAbsolutePath()).append('\n');
        }
        Files.writeString(postboot, deploys);

        List<String> cmd = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.net.preferIPv4Stack=true",
                // Hazelcast members (the resource adapter's) bind to their interface, 127.0.0.1, not to all
                "-Dhazelcast.socket.bind.any=false", "-Dhazelcast.phone.home.enabled=false",
                "-jar", micro.toString(),
                // no data grid of Payara's own (HazelJMS forms its own cluster): nothing listens beyond loopback
                "--nohazelcast", "--interfaces", "127.0.0.1",
                "--port", port, "--disablephonehome", "--rootdir", runtime.toString(),
                "--prebootcommandfile", preboot.toString(),
                "--postbootcommandfile", postboot.toString()));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        String url = "http://127.0.0.1:" + port + "/sample/";
        String console = "http://127.0.0.1:" + port + "/hazeljms-console/";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                line = ANSI_ESCAPE.matcher(line).replaceAll(""); // Payara colours its log for terminals
                System.out.println(line);
                if (line.contains("Payara Micro") && line.contains("ready in")) {
                    System.out.println();
                    System.out.println("=================================================================");
                    System.out.println("  HazelJMS sample is up:  " + url);
                    System.out.println("  its broker's console:   " + console);
                    System.out.println("  (listening on 127.0.0.1 only; Ctrl+C stops it)");
                    System.out.println("=================================================================");
                    System.out.println();
                }
            }
        }
        System.exit(process.waitFor());
    }
}
