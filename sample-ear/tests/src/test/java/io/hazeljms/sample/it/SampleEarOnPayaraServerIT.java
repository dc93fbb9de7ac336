package io.hazeljms.sample.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EAR (EJB module + web module + hazeljms-ra.rar) on full Payara Server 6: a domain of its own, started by
 * the test, the EAR deployed with asadmin, the REST flow run against it, the domain stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleEarOnPayaraServerIT {

    private static final Path IT = Paths.get(System.getProperty("sample.it.dir", "target/it"));

    private PayaraServer server;
    private SampleApi api;

    @BeforeAll
    void startServerAndDeploy() throws Exception {
        long t0 = System.nanoTime();
        server = PayaraServer.create(IT.resolve("payara6"), IT.resolve("domains"), "sample-it", IT.resolve("logs"));
        long t1 = System.nanoTime();
        server.start();
        long t2 = System.nanoTime();
        // the embedded resource adapter ("<application>#<rar>") gets a cluster of its own, like on Micro
        server.resourceAdapterConfig("sample-ear#hazeljms-ra",
                "clusterName=hazeljms-sample-ear-" + UUID.randomUUID().toString().substring(0, 8) + ":port=5790");
        server.deploy(IT.resolve("sample-ear.ear"), "sample-ear");
        long t3 = System.nanoTime();
        api = new SampleApi(server.httpUri("sample/"));
        System.out.printf("Payara Server: create-domain %d s, start-domain %d s, deploy EAR %d s%n",
                (t1 - t0) / 1_000_000_000, (t2 - t1) / 1_000_000_000, (t3 - t2) / 1_000_000_000);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            long t = System.nanoTime();
            server.close();
            System.out.printf("Payara Server: stop-domain %d s%n", (System.nanoTime() - t) / 1_000_000_000);
        }
    }

    @Test
    void theEarServesThePageAndRunsCampaignsAndResets() throws Exception {
        assertTrue(api.page(server.httpUri("sample/")).contains("Mail campaigns on HazelJMS"));

        JsonObject accepted = api.submitCampaign(Json.createObjectBuilder()
                .add("subject", "On the full server").add("body", "Hi").add("recipients", 100).add("failing", 2)
                .add("priority", 3).build());
        String id = accepted.getString("id");
        JsonObject done = api.awaitComplete(id, Duration.ofMinutes(2));
        assertEquals(98, done.getInt("sent"));
        assertEquals(2, done.getInt("failed"), "in the dead-letter queue after 3 attempts");
        assertEquals(98, api.outbox(id, false).getInt("distinctRecipients"));
        assertEquals(2, api.status().getInt("deadLetters"));

        String reset = api.passwordReset("carol@example.com").getString("id");
        JsonObject resetDone = api.awaitComplete(reset, Duration.ofSeconds(60));
        assertEquals(1, resetDone.getInt("sent"));
        assertEquals(9, resetDone.getInt("priority"));
    }
}
