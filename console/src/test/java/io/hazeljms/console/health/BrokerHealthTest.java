package io.hazeljms.console.health;

import io.hazeljms.console.jmx.BrokerBeans;
import io.hazeljms.jms.HazelcastConnectionFactory;
import io.hazeljms.jms.config.ProviderConfig;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServerFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The health checks' judgement on a real embedded member of the provider, read through this JVM's MBeans. */
class BrokerHealthTest {

    private static final int PORT = 5895;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private BrokerHealth health() {
        return new BrokerHealth(BrokerBeans.platform(), executor, Duration.ofSeconds(5));
    }

    private static Map<String, Object> data(HealthCheckResponse r) {
        return r.getData().orElseThrow();
    }

    @Test
    void readyWhileTheClusterHasMembersAndNoDestinationIsFullThenNotReadyNamingTheFullOne() {
        String cluster = "health-" + UUID.randomUUID().toString().substring(0, 8);
        try (HazelcastConnectionFactory factory = new HazelcastConnectionFactory(ProviderConfig.builder()
                .clusterName(cluster).port(PORT).members(List.of("127.0.0.1:" + PORT)).maxQueueMessages(3).build());
             JMSContext context = factory.createContext()) {
            Queue queue = context.createQueue("health.small");
            context.createProducer().send(queue, "one");
            HealthCheckResponse ready = health().readiness();
            assertEquals(HealthCheckResponse.Status.UP, ready.getStatus(), data(ready).toString());
            assertEquals(1L, ((Number) data(ready).get("members." + cluster)).longValue());
            assertEquals(HealthCheckResponse.Status.UP, health().liveness().getStatus());

            context.createProducer().send(queue, "two");
            context.createProducer().send(queue, "three");
            HealthCheckResponse full = health().readiness();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (full.getStatus() == HealthCheckResponse.Status.UP && System.nanoTime() < deadline) {
                full = health().readiness(); // the MBeans' figures are up to half a second old
            }
            assertEquals(HealthCheckResponse.Status.DOWN, full.getStatus(), data(full).toString());
            assertTrue(String.valueOf(data(full).get("reason")).contains("queue:health.small"), data(full).toString());
            assertEquals(HealthCheckResponse.Status.UP, health().liveness().getStatus(), "full is not dead");
        }
    }

    @Test
    void notReadyWithoutABrokerInTheJvmButLive() {
        BrokerHealth empty = new BrokerHealth(new BrokerBeans(MBeanServerFactory.newMBeanServer()), executor,
                Duration.ofSeconds(5));
        HealthCheckResponse ready = empty.readiness();
        assertEquals(HealthCheckResponse.Status.DOWN, ready.getStatus());
        assertTrue(String.valueOf(data(ready).get("reason")).contains("hazeljms-ra.rar"), data(ready).toString());
        assertEquals(HealthCheckResponse.Status.UP, empty.liveness().getStatus());
    }

    @Test
    void aBrokerThatDoesNotAnswerInTimeIsDownWithinTheBound() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService stuck = Executors.newSingleThreadExecutor();
        try {
            stuck.submit(() -> {
                release.await();
                return null;
            }); // the only thread is busy: no read gets an answer
            BrokerHealth health = new BrokerHealth(BrokerBeans.platform(), stuck, Duration.ofMillis(200));
            HealthCheckResponse live = health.liveness();
            assertEquals(HealthCheckResponse.Status.DOWN, live.getStatus());
            assertTrue(String.valueOf(data(live).get("reason")).contains("within 200 ms"), data(live).toString());
            assertEquals(HealthCheckResponse.Status.DOWN, health.readiness().getStatus());
        } finally {
            release.countDown();
            stuck.shutdownNow();
        }
    }
}
