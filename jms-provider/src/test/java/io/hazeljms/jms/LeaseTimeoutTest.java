package io.hazeljms.jms;

import com.hazelcast.core.HazelcastInstance;
import io.hazeljms.store.DestinationKey;
import io.hazeljms.store.DestinationSettings;
import io.hazeljms.store.TestCluster;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionRolledBackException;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lease timeout (visibility timeout) with real members: a consumer that holds a message and hangs while its
 * member lives loses it after the destination's {@code leaseTimeoutMillis}; the message goes to the next
 * consumer, flagged and counted, and the hung consumer's late commit or acknowledgement fails and changes nothing.
 */
class LeaseTimeoutTest {

    private TestCluster cluster;
    private final List<HazelcastConnectionFactory> factories = new ArrayList<>();
    private String queueName;

    @BeforeEach
    void start() {
        cluster = TestCluster.start(3);
        queueName = "lease-" + UUID.randomUUID();
    }

    @AfterEach
    void stop() {
        factories.forEach(HazelcastConnectionFactory::close);
        cluster.close();
    }

    private HazelcastConnectionFactory factory(HazelcastInstance member) {
        HazelcastConnectionFactory f = new HazelcastConnectionFactory(member);
        factories.add(f);
        return f;
    }

    private Session session(HazelcastInstance member, int mode) throws JMSException {
        Connection connection = factory(member).createConnection();
        connection.start();
        return connection.createSession(mode);
    }

    /** Creates the queue with these settings (cluster-wide) and puts one message "work" on it. */
    private Queue queueWith(DestinationSettings settings) throws JMSException {
        factory(cluster.member(2)).node().broker().administration()
                .createDestination(DestinationKey.queue(queueName), settings);
        Session producer = session(cluster.member(2), Session.AUTO_ACKNOWLEDGE);
        Queue queue = producer.createQueue(queueName);
        producer.createProducer(queue).send(producer.createTextMessage("work"));
        return queue;
    }

    private static DestinationSettings leaseTimeout(long millis) {
        return DestinationSettings.defaults().withLeaseTimeoutMillis(millis);
    }

    private long depth(String queue) {
        return factories.get(0).node().broker().administration().depth(DestinationKey.queue(queue));
    }

    private static void assertRedelivered(Message m, int count) throws JMSException {
        assertNotNull(m, "delivered again after the lease timed out");
        assertEquals("work", ((TextMessage) m).getText());
        assertTrue(m.getJMSRedelivered());
        assertEquals(count, m.getIntProperty("JMSXDeliveryCount"));
    }

    @Test
    void aHungTransactedConsumersMessageGoesToAnotherAndItsLateCommitRollsBackChangingNothing() throws Exception {
        Queue queue = queueWith(leaseTimeout(1_000));
        String sideName = "side-" + UUID.randomUUID();
        Session hung = session(cluster.member(0), Session.SESSION_TRANSACTED);
        Message first = hung.createConsumer(queue).receive(10_000);
        assertNotNull(first);
        assertFalse(first.getJMSRedelivered());
        hung.createProducer(hung.createQueue(sideName)).send(hung.createTextMessage("side effect"));

        Session next = session(cluster.member(1), Session.AUTO_ACKNOWLEDGE);
        MessageConsumer nextConsumer = next.createConsumer(queue);
        assertRedelivered(nextConsumer.receive(15_000), 2);

        TransactionRolledBackException late = assertThrows(TransactionRolledBackException.class, hung::commit);
        assertTrue(late.getMessage().contains("HJMS-STORE-082"), late.getMessage());
        assertNull(next.createConsumer(next.createQueue(sideName)).receive(500), "the send was rolled back too");
        assertNull(nextConsumer.receive(500), "acknowledged once, by the consumer that had it: not again");
        assertEquals(0, depth(queueName));
        assertEquals(0, depth(sideName));
    }

    @Test
    void aLateClientAcknowledgementFailsAndTheNextHolderKeepsTheMessage() throws Exception {
        Queue queue = queueWith(leaseTimeout(1_000));
        Session hung = session(cluster.member(0), Session.CLIENT_ACKNOWLEDGE);
        Message held = hung.createConsumer(queue).receive(10_000);
        assertNotNull(held);

        Session next = session(cluster.member(1), Session.SESSION_TRANSACTED);
        assertRedelivered(next.createConsumer(queue).receive(15_000), 2);

        JMSException late = assertThrows(JMSException.class, held::acknowledge);
        assertEquals(JMSException.class, late.getClass(), "not an IllegalStateException: the session is usable");
        assertTrue(late.getMessage().contains("HJMS-ACK-002"), late.getMessage());
        next.commit();
        assertEquals(0, depth(queueName), "acknowledged once, by the next holder");
    }

    @Test
    void timedOutDeliveriesCountTowardTheDeadLetterLimit() throws Exception {
        String dlq = "dlq-" + UUID.randomUUID();
        Queue queue = queueWith(leaseTimeout(500).withMaxDeliveryAttempts(2).withDeadLetterQueue("queue:" + dlq));
        Session first = session(cluster.member(0), Session.CLIENT_ACKNOWLEDGE);
        assertNotNull(first.createConsumer(queue).receive(10_000));
        Session second = session(cluster.member(1), Session.CLIENT_ACKNOWLEDGE);
        assertRedelivered(second.createConsumer(queue).receive(15_000), 2);

        // a third consumer's claims meet the message out of attempts when the second lease times out
        List<Message> third = new CopyOnWriteArrayList<>();
        session(cluster.member(2), Session.AUTO_ACKNOWLEDGE).createConsumer(queue).setMessageListener(third::add);
        Session dead = session(cluster.member(2), Session.AUTO_ACKNOWLEDGE);
        Message moved = dead.createConsumer(dead.createQueue(dlq)).receive(15_000);
        assertNotNull(moved, "moved to the dead-letter queue after two timed-out deliveries");
        assertEquals("work", ((TextMessage) moved).getText());
        assertEquals(List.of(), third, "never delivered a third time");
    }

    @Test
    void zeroMeansALeaseNeverTimesOut() throws Exception {
        Queue queue = queueWith(leaseTimeout(0));
        Session holder = session(cluster.member(0), Session.SESSION_TRANSACTED);
        assertNotNull(holder.createConsumer(queue).receive(10_000));
        Session other = session(cluster.member(1), Session.AUTO_ACKNOWLEDGE);
        assertNull(other.createConsumer(queue).receive(2_500), "still held");
        holder.commit();
        assertEquals(0, depth(queueName));
    }

    @Test
    void anXaBranchFollowsItsTransactionNotTheLeaseTimeout() throws Exception {
        Queue queue = queueWith(leaseTimeout(300));
        XAConnection connection = factory(cluster.member(0)).createXAConnection();
        connection.start();
        XASession session = connection.createXASession();
        XAResource xa = session.getXAResource();
        Xid xid = XaTransactionTest.TestXid.random();
        xa.start(xid, XAResource.TMNOFLAGS);
        assertNotNull(session.createConsumer(queue).receive(10_000));
        Session other = session(cluster.member(1), Session.AUTO_ACKNOWLEDGE);
        MessageConsumer otherConsumer = other.createConsumer(queue);
        assertNull(otherConsumer.receive(1_500), "an XA session's lease waits for its transaction");
        xa.end(xid, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_OK, xa.prepare(xid));
        assertNull(otherConsumer.receive(1_000), "nor does a prepared branch's");
        xa.commit(xid, false);
        assertEquals(0, depth(queueName));
    }

    @Test
    void theLeaseTimesOutAfterTheQueuesOwnerMemberIsKilled() throws Exception {
        Queue queue = queueWith(leaseTimeout(1_500));
        String key = DestinationKey.queue(queueName).encode();
        HazelcastInstance owner = cluster.members().stream()
                .filter(m -> m.getPartitionService().getPartition(key).getOwner().localMember())
                .findFirst().orElseThrow();
        List<HazelcastInstance> others = cluster.members().stream().filter(m -> m != owner).toList();
        Session hung = session(others.get(0), Session.SESSION_TRANSACTED);
        assertNotNull(hung.createConsumer(queue).receive(10_000));
        Session next = session(others.get(1), Session.AUTO_ACKNOWLEDGE);
        MessageConsumer nextConsumer = next.createConsumer(queue);
        assertNull(nextConsumer.receive(200), "leased to the hung consumer");

        cluster.terminate(owner); // the backup, promoted, holds the lease and its expiry

        assertRedelivered(nextConsumer.receive(30_000), 2);
        assertThrows(TransactionRolledBackException.class, hung::commit);
        assertNull(nextConsumer.receive(500), "acknowledged once, by the consumer that had it");
    }
}
