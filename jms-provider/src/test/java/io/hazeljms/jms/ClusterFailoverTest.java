package io.hazeljms.jms;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.listener.EntryAddedListener;
import io.hazeljms.store.DestinationKey;
import io.hazeljms.store.StoreConfig;
import io.hazeljms.store.TestCluster;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Member loss on a three-member cluster: leases come back, acknowledged sends survive. */
class ClusterFailoverTest {

    private TestCluster cluster;
    private final List<HazelcastConnectionFactory> factories = new ArrayList<>();

    @BeforeEach
    void start() {
        cluster = TestCluster.start(3);
    }

    @AfterEach
    void stop() {
        factories.forEach(HazelcastConnectionFactory::close);
        cluster.close();
    }

    private Connection connectTo(HazelcastInstance member) throws JMSException {
        HazelcastConnectionFactory factory = new HazelcastConnectionFactory(member);
        factories.add(factory);
        Connection connection = factory.createConnection();
        connection.start();
        return connection;
    }

    @Test
    void unacknowledgedMessageOfAShutDownMemberIsDeliveredOnAnother() throws Exception {
        String queueName = "failover-" + UUID.randomUUID();
        HazelcastInstance doomed = cluster.member(0);
        HazelcastInstance survivor = cluster.member(1);
        Session doomedSession = connectTo(doomed).createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = doomedSession.createQueue(queueName);
        doomedSession.createProducer(queue).send(doomedSession.createTextMessage("held"));
        Message held = doomedSession.createConsumer(queue).receive(10_000);
        assertNotNull(held);
        Session survivorSession = connectTo(survivor).createSession(Session.AUTO_ACKNOWLEDGE);
        var consumer = survivorSession.createConsumer(queue);
        assertEquals(null, consumer.receive(200), "leased to the other member's consumer");

        doomed.shutdown();

        Message again = consumer.receive(30_000);
        assertNotNull(again, "the lease of the departed member was released");
        assertEquals("held", ((TextMessage) again).getText());
        assertTrue(again.getJMSRedelivered());
    }

    @Test
    void persistentMessageSurvivesTerminationOfTheMemberThatOwnedItRightAfterSend() throws Exception {
        String queueName = "durable-" + UUID.randomUUID();
        HazelcastInstance owner = (HazelcastInstance) cluster.members().stream()
                .filter(m -> m.getPartitionService().getPartition(DestinationKey.queue(queueName).encode())
                        .getOwner().localMember())
                .findFirst().orElseThrow();
        HazelcastInstance other = cluster.members().stream().filter(m -> m != owner).findFirst().orElseThrow();
        Session sendSession = connectTo(owner).createSession(Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = sendSession.createProducer(sendSession.createQueue(queueName));
        for (int i = 0; i < 20; i++) {
            producer.send(sendSession.createTextMessage("keep-" + i));
        }

        cluster.terminate(owner);

        Session receiveSession = connectTo(other).createSession(Session.AUTO_ACKNOWLEDGE);
        var consumer = receiveSession.createConsumer(receiveSession.createQueue(queueName));
        for (int i = 0; i < 20; i++) {
            Message m = consumer.receive(30_000);
            assertNotNull(m, "message " + i + " survived the owner's termination");
            assertEquals("keep-" + i, ((TextMessage) m).getText());
        }
    }

    @Test
    void durableSubscriberComesBackOnAnotherMemberAfterItsMemberLeft() throws Exception {
        String clientId = "roaming-" + UUID.randomUUID();
        HazelcastInstance doomed = cluster.member(0);
        HazelcastConnectionFactory doomedFactory = new HazelcastConnectionFactory(doomed);
        factories.add(doomedFactory);
        Connection first = doomedFactory.createConnection(clientId);
        first.start();
        Session session = first.createSession(Session.CLIENT_ACKNOWLEDGE);
        jakarta.jms.Topic topic = session.createTopic("news-" + UUID.randomUUID());
        var subscriber = session.createDurableConsumer(topic, "reader");
        Session publisher = connectTo(cluster.member(1)).createSession(Session.AUTO_ACKNOWLEDGE);
        publisher.createProducer(topic).send(publisher.createTextMessage("read but not acknowledged"));
        assertNotNull(subscriber.receive(10_000));

        CountDownLatch departureHandled = new CountDownLatch(1);
        cluster.member(1).getMap(StoreConfig.DEPARTURES_MAP).addEntryListener(
                (EntryAddedListener<Object, Object>) e -> departureHandled.countDown(),
                doomed.getLocalEndpoint().getUuid().toString(), false);
        doomed.shutdown();
        assertTrue(departureHandled.await(30, TimeUnit.SECONDS), "the cluster released what the member held");
        publisher.createProducer(topic).send(publisher.createTextMessage("published while away"));

        HazelcastConnectionFactory factory = new HazelcastConnectionFactory(cluster.member(1));
        factories.add(factory);
        Connection second = factory.createConnection(clientId); // the departed connection freed the client ID
        second.start();
        var back = second.createSession(Session.AUTO_ACKNOWLEDGE).createDurableConsumer(topic, "reader");
        Message redelivered = back.receive(30_000);
        assertNotNull(redelivered);
        assertEquals("read but not acknowledged", ((TextMessage) redelivered).getText());
        assertTrue(redelivered.getJMSRedelivered());
        assertEquals("published while away", ((TextMessage) back.receive(30_000)).getText());
        second.close();
    }

    @Test
    void exceptionListenerHearsWhenTheConnectionsMemberGoesAway() throws Exception {
        HazelcastInstance member = cluster.member(2);
        Connection connection = connectTo(member);
        CountDownLatch told = new CountDownLatch(1);
        connection.setExceptionListener(e -> told.countDown());
        member.shutdown();
        assertTrue(told.await(30, TimeUnit.SECONDS));
    }
}
