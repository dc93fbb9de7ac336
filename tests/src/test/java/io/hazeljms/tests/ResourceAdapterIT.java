package io.hazeljms.tests;

import io.hazeljms.tests.app.JmsDefinitions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The resource adapter inside a real Payara Micro: MDBs on a queue and on a durable topic subscription with a
 * selector, concurrent delivery, rollback and dead-lettering, sends that join a container transaction, and
 * {@code @JMSConnectionFactoryDefinition} with {@code @Inject JMSContext}. One deployment for all of them
 * (one Micro process).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ResourceAdapterIT {

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static final String CONTEXT_ROOT = "/ra-it/";

    @Deployment
    static WebArchive app() {
        return ShrinkWrap.create(WebArchive.class, "ra-it.war")
                .addPackage(JmsDefinitions.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    /**
     * The application's REST path. Arquillian's Micro container once handed the server's root as the deployment's
     * URL (Payara Micro 7, the deployment logged at {@value #CONTEXT_ROOT}): the context root is this test's own.
     */
    private URI api(String path) {
        return URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + CONTEXT_ROOT
                + "api/it/" + path);
    }

    private String post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(api(path))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    /**
     * Polls a REST view of the application's state until it satisfies the condition, at most 60 s. The MDBs run
     * in another process; its HTTP state is the only event we can observe, so a short poll interval it is.
     */
    private String awaitState(String path, Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String state = get(path);
        while (!condition.test(state)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting on " + path + ", last state: " + state);
            }
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            state = get(path);
        }
        return state;
    }

    private static List<String> lines(String body) {
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }

    @Test
    void mdbReceivesFromAQueueThroughDefinedResources() throws Exception {
        post("orders", "order-1");
        post("queue/it.orders", "order-2");
        String recorded = awaitState("recorded/orders", s -> lines(s).containsAll(List.of("order-1", "order-2")));
        assertEquals(2, lines(recorded).size());
    }

    @Test
    void durableTopicSubscriberWithSelectorGetsOnlyMatchingMessages() throws Exception {
        post("topic/it.news?region=us", "us-1");
        post("topic/it.news?region=eu", "eu-1");
        String recorded = awaitState("recorded/news", s -> lines(s).contains("eu-1"));
        assertFalse(lines(recorded).contains("us-1"), "the selector filtered us-1 out: " + recorded);
    }

    @Test
    void maxSessionAboveOneDeliversConcurrently() throws Exception {
        for (int i = 0; i < 4; i++) {
            post("queue/it.parallel", "p" + i);
        }
        awaitState("concurrency", s -> Integer.parseInt(s.trim()) >= 2);
    }

    @Test
    void failingMdbGetsTheMessageAgainThenItGoesToTheDeadLetterQueue() throws Exception {
        post("queue/it.poison", "poison");
        awaitState("dlq/it.poison", s -> Integer.parseInt(s.trim()) == 1);
        assertEquals(List.of("1:false", "2:true", "3:true"), lines(get("recorded/poison")));
    }

    @Test
    void sendInARolledBackTransactionIsNeverDeliveredAndACommittedOneIs() throws Exception {
        post("tx/rollback", "rolled-back");
        post("tx/commit", "committed");
        String recorded = awaitState("recorded/tx", s -> lines(s).contains("committed"));
        assertEquals(List.of("committed"), lines(recorded));
    }

    /** The build runs this suite on Payara Micro 6 and on 7: each run must be on the version it is for. */
    @Test
    void runsOnThePayaraMicroVersionOfThisRun() throws Exception {
        String expected = System.getProperty("payara.micro.expectedVersion");
        assumeTrue(expected != null, "payara.micro.expectedVersion is set by the build");
        String server = get("server");
        assertEquals("Payara Micro " + expected, server.trim(), "the server of this run");
    }

    @Test
    void healthyQueueDeadLettersNothing() throws Exception {
        assertEquals(0, Integer.parseInt(get("dlq/it.orders").trim()), "a healthy queue dead-letters nothing");
    }
}
