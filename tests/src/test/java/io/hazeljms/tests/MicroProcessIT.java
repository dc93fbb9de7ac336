package io.hazeljms.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hazeljms.tests.smoke.GreetingBean;
import io.hazeljms.tests.smoke.GreetingResource;
import io.hazeljms.tests.smoke.SmokeApplication;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves {@link MicroProcess}: a second Micro started by hand, serving a WAR after the RAR. */
class MicroProcessIT {

    private static final Path RAR = Paths.get(System.getProperty("hazeljms.rar"));

    @TempDir
    Path dir;

    @Test
    void startsWithTheRarFirstServesAndStops() throws Exception {
        Path war = dir.resolve("ping.war");
        ShrinkWrap.create(WebArchive.class, "ping.war")
                .addClasses(SmokeApplication.class, GreetingResource.class, GreetingBean.class)
                .as(ZipExporter.class).exportTo(war.toFile());

        long begin = System.nanoTime();
        MicroProcess micro = MicroProcess.builder().name("process-smoke")
                .resourceAdapterConfig("hazeljms-ra", Map.of("clusterName", "process-smoke-" + UUID.randomUUID()))
                .deploy(RAR).deploy(war).start();
        try (micro) {
            Duration startup = Duration.ofNanos(System.nanoTime() - begin);
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(micro.uri("ping/api/greeting/process")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("Hello process from GreetingBean", response.body());

            String out = micro.output();
            int rar = out.indexOf("hazeljms-ra was successfully deployed");
            assertTrue(rar >= 0 && out.indexOf("ping was successfully deployed") > rar, "RAR not deployed before WAR");
            assertTrue(Files.size(micro.logFile()) > 0);
            System.out.printf("MicroProcess %s: started in %d ms (Micro says %d ms), resident memory %s%n",
                    micro, startup.toMillis(), micro.reportedStartupTime().toMillis(), residentMemory(micro.pid()));
        }
        assertFalse(micro.isAlive());
    }

    @Test
    void failedDeploymentFailsTheStart() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.war"), "not a zip");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MicroProcess.builder().name("process-broken").deploy(broken).start());
        assertTrue(e.getMessage().contains("broken"), e.getMessage());
    }

    private static String residentMemory(long pid) throws IOException {
        return Files.readAllLines(Paths.get("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
    }
}
