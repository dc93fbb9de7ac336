package io.hazeljms.console.api;

import io.hazeljms.console.EmbeddedBroker;
import io.hazeljms.console.jmx.ConsoleException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST API's answers and statuses on a real broker (an embedded member of the provider in this JVM), calling
 * the resource as Jakarta REST would; {@link ApiErrors#status} turns what it throws into the status.
 */
class BrokerResourceTest {

    private static final int PORT = 5891;
    private static final String CLUSTER = "console-api-" + UUID.randomUUID().toString().substring(0, 8);
    private static EmbeddedBroker broker;
    private final BrokerResource api = new BrokerResource();

    @BeforeAll
    static void start() throws JMSException {
        broker = EmbeddedBroker.start(CLUSTER, PORT, "api.dlq");
    }

    @AfterAll
    static void stop() throws JMSException {
        broker.close();
    }

    private Queue send(String queue, int count) throws JMSException {
        return broker.send(queue, count);
    }

    private static void assertStatus(int status, Executable call) {
        Throwable e = assertThrows(RuntimeException.class, call);
        assertEquals(status, ApiErrors.status(e), e.toString());
    }

    @Test
    void readsTheClusterItsMembersDestinationsAndMessages() throws JMSException {
        send("api.read", 3);
        assertTrue(api.clusters().getJsonArray("clusters").getString(0) != null);
        JsonObject overview = api.overview(CLUSTER);
        assertEquals(1, overview.getJsonArray("members").size());
        assertTrue(overview.getJsonArray("members").getJsonObject(0).getString("address").contains("" + PORT));
        JsonObject figures = api.destination(CLUSTER, "queues", "api.read");
        assertEquals("queue", figures.getString("kind"));
        assertEquals(3, figures.getInt("depth"));
        assertEquals(3, figures.getInt("enqueued"));
        assertEquals(false, figures.getBoolean("full"));
        assertTrue(overview.getJsonArray("destinations").stream()
                .anyMatch(d -> d.asJsonObject().getString("name").equals("api.read")
                        && d.asJsonObject().containsKey("full")));
        JsonObject messages = api.messages(CLUSTER, "api.read", "", "2");
        assertEquals(2, messages.getJsonArray("messages").size());
        JsonObject first = messages.getJsonArray("messages").getJsonObject(0);
        assertEquals("body-1", first.getString("bodyPreview"));
        assertTrue(first.getString("messageId").startsWith("ID:"), first.toString());
        assertNotNull(first.getJsonObject("properties"));
    }

    @Test
    void showsATopicsSubscriptionsAndDeletesTheTopic() throws JMSException {
        try (Session s = broker.connection().createSession();
             MessageConsumer subscriber = s.createConsumer(s.createTopic("api.topic"))) {
            s.createProducer(s.createTopic("api.topic")).send(s.createTextMessage("news"));
            assertEquals("topic", api.destination(CLUSTER, "topics", "api.topic").getString("kind"));
            assertEquals(1, api.subscriptions(CLUSTER, "api.topic").getJsonArray("subscriptions").size());
            assertStatus(404, () -> api.subscriptions(CLUSTER, "api.none"));
        }
        assertTrue(api.delete(CLUSTER, "topics", "api.topic").getBoolean("deleted"));
        assertStatus(404, () -> api.destination(CLUSTER, "topics", "api.topic"));
    }

    @Test
    void answersUnknownThings404AndBadInput400() {
        assertStatus(404, () -> api.overview("no-such-cluster"));
        assertStatus(404, () -> api.destination(CLUSTER, "queues", "api.none"));
        assertStatus(404, () -> api.purge(CLUSTER, "api.none"));
        assertStatus(400, () -> api.messages(CLUSTER, "api.none", "", "0"));
        assertStatus(400, () -> api.messages(CLUSTER, "api.none", "", "lots"));
        assertStatus(400, () -> api.redrive(CLUSTER, "api.dlq", "{}"));
        assertStatus(400, () -> api.redrive(CLUSTER, "api.dlq", "{\"all\": true, \"selector\": \"a = 1\"}"));
        assertStatus(400, () -> api.redrive(CLUSTER, "api.dlq", "not json"));
        assertStatus(400, () -> api.move(CLUSTER, "api.dlq", "{\"target\": 7}"));
        assertStatus(400, () -> api.move(CLUSTER, "api.dlq", "{}"));
    }

    @Test
    void aBadSelectorIs400WithTheProvidersMessage() throws JMSException {
        send("api.selector", 1);
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> api.messages(CLUSTER, "api.selector", "n = ", "10"));
        assertEquals(400, ApiErrors.status(e), e.getMessage());
        assertTrue(e.getMessage().contains("HJMS-"), e.getMessage());
        assertEquals(409, ApiErrors.brokerStatus("HJMS-MGMT-001 queue q refused messages moved to it"));
        assertEquals(500, ApiErrors.brokerStatus("HJMS-STORE-003 the store failed"));
        assertEquals(500, ApiErrors.brokerStatus("no id at all"));
    }

    @Test
    void redrivesADeadLetterMovesPurgesAndDeletes() throws JMSException {
        Queue q = send("api.redrive", 1);
        broker.failOne(q);
        JsonObject dead = api.messages(CLUSTER, "api.dlq", "", "10").getJsonArray("messages").getJsonObject(0);
        assertEquals("api.redrive", dead.getJsonObject("properties").getString("HJMS_OriginalDestination")
                .replaceAll(".*[:/]", ""), dead.toString());
        String id = dead.getString("messageId");
        JsonObject redriven = api.redrive(CLUSTER, "api.dlq", "{\"messageId\": \"" + id + "\"}");
        assertEquals(1, redriven.getInt("redriven"));
        assertStatus(404, () -> api.redrive(CLUSTER, "api.dlq", "{\"messageId\": \"" + id + "\"}"));
        assertEquals(1, api.destination(CLUSTER, "queues", "api.redrive").getInt("pending"));
        assertEquals(0, api.redrive(CLUSTER, "api.dlq", "{\"all\": true}").getInt("redriven"));

        assertEquals(1, api.move(CLUSTER, "api.redrive", "{\"target\": \"api.moved\"}").getInt("moved"));
        send("api.moved", 2);
        assertEquals(3, api.purge(CLUSTER, "api.moved").getInt("purged"));
        assertTrue(api.delete(CLUSTER, "queues", "api.moved").getBoolean("deleted"));
        assertStatus(404, () -> api.destination(CLUSTER, "queues", "api.moved"));
    }
}
