package io.hazeljms.jms;

import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.XAConnection;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XAJMSContext;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueConnectionFactory;
import jakarta.jms.XASession;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** XAJMSContext and the XA connection factory methods, with the XAResource driven by hand (no transaction manager). */
class XAJMSContextTest extends JmsTestSupport {

    private static final long WAIT = 10_000;
    private final List<AutoCloseable> resources = new ArrayList<>();

    /** A global transaction's branch id, as a transaction manager would make one. */
    record TestXid(int formatId, byte[] gtrid, byte[] bqual) implements Xid {
        static TestXid random() {
            return new TestXid(4660, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), new byte[] {1});
        }

        @Override
        public int getFormatId() {
            return formatId;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return gtrid;
        }

        @Override
        public byte[] getBranchQualifier() {
            return bqual;
        }
    }

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseable c : resources) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(resource);
        return resource;
    }

    private XAJMSContext xaContext() {
        return closeLater(factory.createXAContext());
    }

    private JMSContext context(int mode) {
        return closeLater(factory.createContext(mode));
    }

    private Queue freshQueue(JMSContext context) {
        return context.createQueue(testName + "-" + UUID.randomUUID());
    }

    private static int count(QueueBrowser browser) throws JMSException {
        return Collections.list(browser.getEnumeration()).size();
    }

    // --- the factory -----------------------------------------------------------------------------------------

    @Test
    void factoryMakesXaConnectionsOfEveryKind() throws Exception {
        assertInstanceOf(XAConnectionFactory.class, factory);
        assertInstanceOf(XAQueueConnectionFactory.class, factory);
        assertInstanceOf(XATopicConnectionFactory.class, factory);

        for (XAConnection connection : List.of(closeLater(factory.createXAConnection()),
                closeLater(factory.createXAConnection("user", "password")))) {
            XASession session = connection.createXASession();
            assertTrue(session.getTransacted());
            assertEquals(Session.SESSION_TRANSACTED, session.getAcknowledgeMode());
            assertNotNull(session.getXAResource());
            assertSame(session, session.getSession());
            assertThrows(TransactionInProgressException.class, session::commit);
            assertFalse(connection.createSession(Session.AUTO_ACKNOWLEDGE).getTransacted(),
                    "an XA connection makes ordinary sessions too");
        }
        for (XAQueueConnection connection : List.of(closeLater(factory.createXAQueueConnection()),
                closeLater(factory.createXAQueueConnection("user", "password")))) {
            assertNotNull(connection.createXAQueueSession().getQueueSession());
        }
        for (XATopicConnection connection : List.of(closeLater(factory.createXATopicConnection()),
                closeLater(factory.createXATopicConnection("user", "password")))) {
            assertNotNull(connection.createXATopicSession().getTopicSession());
        }
    }

    // --- the context -----------------------------------------------------------------------------------------

    @Test
    void xaContextIsTransactedAndRefusesLocalCommitAndRollback() throws Exception {
        XAJMSContext context = xaContext();
        assertSame(context, context.getContext());
        assertTrue(context.getTransacted());
        assertEquals(JMSContext.SESSION_TRANSACTED, context.getSessionMode());
        XAResource resource = context.getXAResource();
        assertNotNull(resource);
        assertSame(resource, context.getXAResource(), "one session, one resource");

        assertThrows(TransactionInProgressRuntimeException.class, context::commit);
        assertThrows(TransactionInProgressRuntimeException.class, context::rollback);
        assertThrows(IllegalStateRuntimeException.class, context::recover, "recover() is for untransacted contexts");
        context.acknowledge(); // ignored: the transaction acknowledges

        XAJMSContext other = closeLater(factory.createXAContext("user", "password"));
        assertTrue(resource.isSameRM(other.getXAResource()));
        assertTrue(resource != other.getXAResource());
    }

    @Test
    void closedXaContextIsIllegalState() {
        XAJMSContext context = factory.createXAContext();
        context.getXAResource();
        context.close();
        context.close(); // closing again is fine
        assertThrows(IllegalStateRuntimeException.class, context::getXAResource);
        assertThrows(IllegalStateRuntimeException.class, context::getContext);
        assertThrows(IllegalStateRuntimeException.class, context::getTransacted);
        assertThrows(IllegalStateRuntimeException.class, context::commit);
        assertThrows(IllegalStateRuntimeException.class, context::rollback);
        assertThrows(IllegalStateRuntimeException.class, context::createProducer);
    }

    @Test
    void createContextOnAnXaContextMakesAnOrdinaryContextOnTheSameConnection() {
        XAJMSContext xa = xaContext();
        JMSContext plain = closeLater(xa.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        assertFalse(plain instanceof XAJMSContext);
        assertFalse(plain.getTransacted());
        Queue queue = freshQueue(plain);
        plain.createProducer().send(queue, "plain");
        assertEquals("plain", plain.createConsumer(queue).receiveBody(String.class, WAIT));
    }

    // --- two-phase commit through the XAResource -------------------------------------------------------------

    @Test
    void sendsAreVisibleOnlyAfterTheTwoPhaseCommit() throws Exception {
        XAJMSContext context = xaContext();
        JMSContext observing = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(observing);
        QueueBrowser observer = observing.createBrowser(queue);
        XAResource resource = context.getXAResource();

        Xid xid = TestXid.random();
        resource.start(xid, XAResource.TMNOFLAGS);
        context.createProducer().send(queue, "one").send(queue, "two");
        resource.end(xid, XAResource.TMSUCCESS);
        assertEquals(0, count(observer), "not visible before commit");
        assertEquals(XAResource.XA_OK, resource.prepare(xid));
        assertEquals(0, count(observer), "prepared is not committed");
        resource.commit(xid, false);
        assertEquals(2, count(observer));

        JMSConsumer consumer = observing.createConsumer(queue);
        assertEquals("one", consumer.receiveBody(String.class, WAIT));
        assertEquals("two", consumer.receiveBody(String.class, WAIT));
    }

    @Test
    void rolledBackSendsAreDropped() throws Exception {
        XAJMSContext context = xaContext();
        JMSContext observing = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(observing);
        XAResource resource = context.getXAResource();

        Xid prepared = TestXid.random();
        resource.start(prepared, XAResource.TMNOFLAGS);
        context.createProducer().send(queue, "prepared then rolled back");
        resource.end(prepared, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_OK, resource.prepare(prepared));
        resource.rollback(prepared);

        Xid idle = TestXid.random();
        resource.start(idle, XAResource.TMNOFLAGS);
        context.createProducer().send(queue, "rolled back unprepared");
        resource.end(idle, XAResource.TMSUCCESS);
        resource.rollback(idle);

        assertEquals(0, count(observing.createBrowser(queue)));
    }

    @Test
    void rolledBackReceiveComesBackAndOnePhaseCommitConsumesIt() throws Exception {
        JMSContext plain = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(plain);
        plain.createProducer().send(queue, "m");
        XAJMSContext context = xaContext();
        XAResource resource = context.getXAResource();
        JMSConsumer consumer = context.createConsumer(queue);

        Xid first = TestXid.random();
        resource.start(first, XAResource.TMNOFLAGS);
        Message received = consumer.receive(WAIT);
        assertEquals("m", received.getBody(String.class));
        assertFalse(received.getJMSRedelivered());
        resource.end(first, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_OK, resource.prepare(first));
        resource.rollback(first);

        Xid second = TestXid.random();
        resource.start(second, XAResource.TMNOFLAGS);
        Message again = consumer.receive(WAIT);
        assertNotNull(again, "the rolled-back receive is delivered again");
        assertEquals(received.getJMSMessageID(), again.getJMSMessageID());
        assertTrue(again.getJMSRedelivered());
        resource.end(second, XAResource.TMSUCCESS);
        resource.commit(second, true);

        assertEquals(0, count(plain.createBrowser(queue)), "the one-phase commit consumed it");
        assertNull(plain.createConsumer(queue).receiveNoWait());
    }

    @Test
    void aBranchThatDidNothingPreparesReadOnly() throws Exception {
        XAResource resource = xaContext().getXAResource();
        Xid xid = TestXid.random();
        resource.start(xid, XAResource.TMNOFLAGS);
        resource.end(xid, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_RDONLY, resource.prepare(xid));
    }
}
