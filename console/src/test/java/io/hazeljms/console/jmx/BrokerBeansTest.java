package io.hazeljms.console.jmx;

import io.hazeljms.console.EmbeddedBroker;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's view of a real broker: an embedded member of the provider registers its MBeans in this JVM, and
 * {@link BrokerBeans} reads and steers it through JMX alone.
 */
class BrokerBeansTest {

    private static final int PORT = 5890;
    private static final String CLUSTER = "console-" + UUID.randomUUID().toString().substring(0, 8);
    private static EmbeddedBroker broker;
    private final BrokerBeans beans = BrokerBeans.platform();

    @BeforeAll
    static void start() throws JMSException {
        broker = EmbeddedBroker.start(CLUSTER, PORT, "console.dlq");
    }

    @AfterAll
    static void stop() throws JMSException {
        broker.close();
    }

    private Queue send(String queue, int count) throws JMSException {
        return broker.send(queue, count);
    }

    @Test
    void showsTheClusterItsMembersAndEachDestinationsFigures() throws JMSException {
        send("console.figures", 3);
        assertTrue(beans.clusters().contains(CLUSTER), beans.clusters().toString());
        List<Member> members = beans.members(CLUSTER);
        assertEquals(1, members.size());
        assertEquals("127.0.0.1:" + PORT, members.get(0).address().replace("[", "").replace("]", ""));
        DestinationFigures figures = beans.destination(CLUSTER, "queue", "console.figures").orElseThrow();
        assertEquals(3, figures.pending());
        assertEquals(3, figures.depth());
        assertEquals(3, figures.enqueued());
        assertTrue(beans.destinations(CLUSTER).stream().anyMatch(d -> d.name().equals("console.figures")));
        assertTrue(beans.destination(CLUSTER, "queue", "console.none").isEmpty());
    }

    @Test
    void browsesPurgesAndRedrivesADeadLetterBack() throws JMSException {
        assertThrows(ConsoleException.class, () -> beans.browse(CLUSTER, "console.purge", "", 10));
        send("console.purge", 2);
        List<BrowsedMessage> browsed = beans.browse(CLUSTER, "console.purge", "n = 2", 10);
        assertEquals(1, browsed.size());
        assertEquals("body-2", browsed.get(0).bodyPreview());
        assertEquals("2", browsed.get(0).properties().get("n"));
        assertEquals(2, beans.purge(CLUSTER, "console.purge"));

        Queue q = send("console.redrive", 1);
        broker.failOne(q);
        List<BrowsedMessage> dead = beans.browse(CLUSTER, "console.dlq", "", 10);
        assertEquals(1, dead.size());
        assertEquals(1, beans.redrive(CLUSTER, "console.dlq", dead.get(0).messageId()));
        try (Session s = broker.connection().createSession(); MessageConsumer consumer = s.createConsumer(q)) {
            Message back = consumer.receive(10_000);
            assertNotNull(back, "redriven to the queue it came from");
            assertEquals(dead.get(0).messageId(), back.getJMSMessageID());
        }
        assertEquals(0, beans.redrive(CLUSTER, "console.dlq", dead.get(0).messageId()));
    }

    @Test
    void aRefusalCarriesTheProvidersMessage() {
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> beans.browse(CLUSTER, "console.figures", "n = ", 10));
        assertTrue(e.getMessage().contains("console.figures"), e.getMessage());
        assertTrue(e.getMessage().contains("HJMS-"), e.getMessage());
        assertThrows(ConsoleException.class, () -> beans.members("no-such-cluster"));
        assertFalse(beans.clusters().contains("no-such-cluster"));
    }
}
