package io.hazeljms.jms.client;

import io.hazeljms.jms.JmsTestSupport;
import io.hazeljms.store.DestinationKey;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.XAConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session modes a resource adapter's session handle offers, emulated on a real XA session of a real member:
 * what is acknowledged when, outside and inside a global transaction.
 */
class AcknowledgeModeEmulationTest extends JmsTestSupport {

    private XAConnection xaConnection;
    private HazelcastXASession xa;
    private Queue queue;
    private final AtomicBoolean handleClosed = new AtomicBoolean();

    @BeforeEach
    void openXaSession() throws JMSException {
        xaConnection = factory.createXAConnection();
        xaConnection.start();
        xa = (HazelcastXASession) xaConnection.createXASession();
        queue = xa.createQueue(testName + "-" + UUID.randomUUID());
    }

    @AfterEach
    void closeXaConnection() throws JMSException {
        xaConnection.close();
    }

    /** As the RA's handle does: the current XA session, refused once the handle is closed. */
    private AcknowledgeModeEmulation emulation(boolean transacted, int mode) {
        return new AcknowledgeModeEmulation(() -> {
            if (handleClosed.get()) {
                throw new IllegalStateException("the handle is closed");
            }
            return xa;
        }, transacted, mode);
    }

    private void send(String... texts) throws JMSException {
        Session s = session(Session.AUTO_ACKNOWLEDGE);
        var producer = s.createProducer(queue);
        for (String t : texts) {
            producer.send(s.createTextMessage(t));
        }
    }

    private long depth() throws JMSException {
        return factory.node().broker().administration().depth(DestinationKey.queue(queue.getQueueName()));
    }

    private static String text(Message m) throws JMSException {
        assertNotNull(m, "a message arrives");
        return ((TextMessage) m).getText();
    }

    @Test
    void autoAcknowledgeAcknowledgesEachReceiveAtOnce() throws JMSException {
        AcknowledgeModeEmulation auto = emulation(false, Session.AUTO_ACKNOWLEDGE);
        assertFalse(auto.isTransacted());
        assertEquals(Session.AUTO_ACKNOWLEDGE, auto.acknowledgeMode());
        assertEquals(Session.DUPS_OK_ACKNOWLEDGE, emulation(false, Session.DUPS_OK_ACKNOWLEDGE).acknowledgeMode());
        send("a");
        MessageConsumer consumer = xa.createConsumer(queue);
        assertEquals("a", text(auto.received(consumer.receive(10_000))));
        assertEquals(0, depth(), "acknowledged as the receive returned");
        assertThrows(IllegalStateException.class, auto::commit);
        assertThrows(IllegalStateException.class, auto::rollback);
    }

    @Test
    void clientAcknowledgeWaitsForAcknowledgeAndCloseRedelivers() throws JMSException {
        AcknowledgeModeEmulation client = emulation(false, Session.CLIENT_ACKNOWLEDGE);
        assertEquals(Session.CLIENT_ACKNOWLEDGE, client.acknowledgeMode());
        send("one", "two", "three");
        MessageConsumer consumer = xa.createConsumer(queue);
        Message one = client.received(consumer.receive(10_000));
        assertEquals(3, depth(), "not acknowledged yet");
        one.acknowledge();
        assertEquals(2, depth(), "Message.acknowledge commits locally");
        assertEquals("two", text(client.received(consumer.receive(10_000))));
        client.acknowledgeAll();
        assertEquals(1, depth(), "JMSContext.acknowledge without a message in hand");
        assertEquals("three", text(client.received(consumer.receive(10_000))));
        client.close();
        Message again = client.received(consumer.receive(10_000));
        assertEquals("three", text(again));
        assertTrue(again.getJMSRedelivered(), "closing dropped the unacknowledged message back");
        handleClosed.set(true);
        IllegalStateException closed = assertThrows(IllegalStateException.class, again::acknowledge);
        assertEquals("the handle is closed", closed.getMessage());
    }

    @Test
    void localTransactionActsOnCommitAndRollbackOnly() throws JMSException {
        AcknowledgeModeEmulation transacted = emulation(true, Session.SESSION_TRANSACTED);
        assertTrue(transacted.isTransacted(), "sends go through the XA session and wait for commit");
        assertEquals(Session.SESSION_TRANSACTED, transacted.acknowledgeMode());
        xa.createProducer(queue).send(xa.createTextMessage("local"));
        assertEquals(0, depth());
        transacted.commit();
        assertEquals(1, depth());
        MessageConsumer consumer = xa.createConsumer(queue);
        assertEquals("local", text(transacted.received(consumer.receive(10_000))));
        transacted.rollback();
        Message again = transacted.received(consumer.receive(10_000));
        assertTrue(again.getJMSRedelivered());
        assertEquals(1, depth());
        transacted.commit();
        assertEquals(0, depth());
        IllegalStateException recover = assertThrows(IllegalStateException.class, transacted::recover);
        assertTrue(recover.getMessage().startsWith("HJMS-SESSION-006"), recover.getMessage());
    }

    @Test
    void insideAGlobalTransactionTheRequestedModeIsIgnored() throws Exception {
        AcknowledgeModeEmulation auto = emulation(false, Session.AUTO_ACKNOWLEDGE);
        send("in a transaction");
        Xid xid = new TestXid(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        XAResource resource = xa.getXAResource();
        resource.start(xid, XAResource.TMNOFLAGS);
        assertTrue(auto.isTransacted());
        assertEquals(Session.SESSION_TRANSACTED, auto.acknowledgeMode());
        MessageConsumer consumer = xa.createConsumer(queue);
        assertEquals("in a transaction", text(auto.received(consumer.receive(10_000))));
        assertEquals(1, depth(), "the transaction manager completes the receive, not the mode");
        TransactionInProgressException commit = assertThrows(TransactionInProgressException.class, auto::commit);
        assertTrue(commit.getMessage().startsWith("HJMS-XA-103"), commit.getMessage());
        assertThrows(TransactionInProgressException.class, auto::rollback);
        assertThrows(IllegalStateException.class, auto::recover);
        resource.end(xid, XAResource.TMSUCCESS);
        resource.commit(xid, true);
        assertFalse(auto.isTransacted());
        assertEquals(0, depth());
    }

    @Test
    void wrongBodyInAutoModeStaysForAnotherDelivery() throws JMSException {
        AcknowledgeModeEmulation auto = emulation(false, Session.AUTO_ACKNOWLEDGE);
        send("not a number");
        ReceiveBodySupport body = ReceiveBodySupport.of(xa.createConsumer(queue));
        MessageFormatException wrong = assertThrows(MessageFormatException.class,
                () -> auto.received(body.receive(10_000, Long.class), Long.class));
        assertTrue(wrong.getMessage().startsWith("HJMS-RECEIVEBODY-001"), wrong.getMessage());
        assertEquals(1, depth(), "not acknowledged");
        Message again = auto.received(body.receive(10_000, String.class), String.class);
        assertEquals("not a number", again.getBody(String.class));
        assertFalse(again.getJMSRedelivered(), "given back uncounted: the application never had it");
        assertEquals(1, again.getIntProperty("JMSXDeliveryCount"));
        assertEquals(0, depth());

        AcknowledgeModeEmulation client = emulation(false, Session.CLIENT_ACKNOWLEDGE);
        send("delivered anyway");
        Message delivered = client.received(body.receive(10_000, Long.class), Long.class);
        assertThrows(MessageFormatException.class, () -> delivered.getBody(Long.class), "the caller's getBody throws");
        delivered.acknowledge();
        assertEquals(0, depth(), "in CLIENT mode it counts as delivered");
    }

    private record TestXid(byte[] gtrid) implements Xid {
        @Override
        public int getFormatId() {
            return 4660;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return gtrid;
        }

        @Override
        public byte[] getBranchQualifier() {
            return new byte[] {1};
        }
    }
}
