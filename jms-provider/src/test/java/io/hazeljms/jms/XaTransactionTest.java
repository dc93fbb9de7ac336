package io.hazeljms.jms;

import com.hazelcast.core.HazelcastInstance;
import io.hazeljms.store.TestCluster;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The XA state machine against two real members, including recovery of a prepared branch after a member dies. */
class XaTransactionTest {

    private TestCluster cluster;
    private final List<HazelcastConnectionFactory> factories = new ArrayList<>();
    private String queueName;

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

    @BeforeEach
    void start() {
        cluster = TestCluster.start(2);
        queueName = "xa-" + UUID.randomUUID();
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

    private XASession xaSession(HazelcastInstance member) throws Exception {
        XAConnection connection = factory(member).createXAConnection();
        connection.start();
        return connection.createXASession();
    }

    private Session plainSession(HazelcastInstance member) throws Exception {
        Connection connection = factory(member).createConnection();
        connection.start();
        return connection.createSession(Session.AUTO_ACKNOWLEDGE);
    }

    private void put(String text) throws Exception {
        Session s = plainSession(cluster.member(1));
        s.createProducer(s.createQueue(queueName)).send(s.createTextMessage(text));
    }

    @Test
    void twoPhaseCommitMakesSendsVisibleOnlyAfterCommit() throws Exception {
        XASession session = xaSession(cluster.member(0));
        XAResource xa = session.getXAResource();
        Xid xid = TestXid.random();
        xa.start(xid, XAResource.TMNOFLAGS);
        Queue queue = session.createQueue(queueName);
        session.createProducer(queue).send(session.createTextMessage("in branch"));
        xa.end(xid, XAResource.TMSUCCESS);
        MessageConsumer observer = plainSession(cluster.member(1)).createConsumer(queue);
        assertEquals(XAResource.XA_OK, xa.prepare(xid));
        assertNull(observer.receive(300), "prepared is not committed");
        xa.commit(xid, false);
        assertEquals("in branch", ((TextMessage) observer.receive(10_000)).getText());
        assertEquals(0, xa.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN).length);
    }

    @Test
    void rollbackRedeliversWhatTheBranchReceived() throws Exception {
        put("work");
        XASession session = xaSession(cluster.member(0));
        XAResource xa = session.getXAResource();
        Xid xid = TestXid.random();
        MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
        xa.start(xid, XAResource.TMNOFLAGS);
        assertNotNull(consumer.receive(10_000));
        xa.end(xid, XAResource.TMSUCCESS);
        xa.prepare(xid);
        xa.rollback(xid);
        Message again = plainSession(cluster.member(1)).createConsumer(session.createQueue(queueName)).receive(10_000);
        assertNotNull(again);
        assertTrue(again.getJMSRedelivered());
    }

    @Test
    void onePhaseCommitConsumesAndSends() throws Exception {
        put("request");
        XASession session = xaSession(cluster.member(0));
        XAResource xa = session.getXAResource();
        Xid xid = TestXid.random();
        Queue replies = session.createQueue(queueName + "-replies");
        xa.start(xid, XAResource.TMNOFLAGS);
        session.createConsumer(session.createQueue(queueName)).receive(10_000);
        session.createProducer(replies).send(session.createTextMessage("reply"));
        xa.end(xid, XAResource.TMSUCCESS);
        xa.commit(xid, true);
        Session observer = plainSession(cluster.member(1));
        assertEquals("reply", ((TextMessage) observer.createConsumer(replies).receive(10_000)).getText());
        assertNull(observer.createConsumer(observer.createQueue(queueName)).receive(300), "request consumed");
    }

    @Test
    void secondResourceJoinsAnActiveBranchAndBothCommitTogether() throws Exception {
        XASession first = xaSession(cluster.member(0));
        XASession second = xaSession(cluster.member(0));
        Xid xid = TestXid.random();
        Queue queue = first.createQueue(queueName);
        first.getXAResource().start(xid, XAResource.TMNOFLAGS);
        assertTrue(first.getXAResource().isSameRM(second.getXAResource()));
        second.getXAResource().start(xid, XAResource.TMJOIN); // joins while the first is still active
        first.createProducer(queue).send(first.createTextMessage("one"));
        second.createProducer(queue).send(second.createTextMessage("two"));
        first.getXAResource().end(xid, XAResource.TMSUCCESS);
        assertEquals(XAException.XAER_PROTO,
                assertThrows(XAException.class, () -> first.getXAResource().prepare(xid)).errorCode,
                "still active on the second resource");
        second.getXAResource().end(xid, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_OK, first.getXAResource().prepare(xid));
        second.getXAResource().commit(xid, false);
        MessageConsumer observer = plainSession(cluster.member(1)).createConsumer(queue);
        assertNotNull(observer.receive(10_000));
        assertNotNull(observer.receive(10_000));
    }

    @Test
    void branchThatDidNothingIsReadOnly() throws Exception {
        XAResource xa = xaSession(cluster.member(0)).getXAResource();
        Xid xid = TestXid.random();
        xa.start(xid, XAResource.TMNOFLAGS);
        xa.end(xid, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_RDONLY, xa.prepare(xid));
        assertEquals(XAException.XAER_NOTA, assertThrows(XAException.class, () -> xa.commit(xid, false)).errorCode);
    }

    @Test
    void preparedBranchSurvivesTheDeathOfItsMemberAndIsRecoveredElsewhere() throws Exception {
        put("to consume");
        HazelcastInstance doomed = cluster.member(0);
        XASession session = xaSession(doomed);
        XAResource xa = session.getXAResource();
        Xid xid = TestXid.random();
        MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
        xa.start(xid, XAResource.TMNOFLAGS);
        assertNotNull(consumer.receive(10_000));
        session.createProducer(session.createQueue(queueName + "-out")).send(session.createTextMessage("outcome"));
        xa.end(xid, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_OK, xa.prepare(xid));

        cluster.terminate(doomed); // the server dies between prepare and commit
        cluster.awaitSize(1);

        XAResource recovered = xaSession(cluster.member(0)).getXAResource();
        Xid[] inDoubt = recovered.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
        assertEquals(1, inDoubt.length);
        assertEquals(xid.getFormatId(), inDoubt[0].getFormatId());
        assertArrayEquals(xid.getGlobalTransactionId(), inDoubt[0].getGlobalTransactionId());
        Session observer = plainSession(cluster.member(0));
        assertNull(observer.createConsumer(observer.createQueue(queueName)).receive(500),
                "the prepared branch still holds the received message after its member died");
        recovered.commit(inDoubt[0], false);
        assertEquals("outcome", ((TextMessage) observer.createConsumer(observer.createQueue(queueName + "-out"))
                .receive(10_000)).getText());
        assertNull(observer.createConsumer(observer.createQueue(queueName)).receive(300), "consumed for good");
        assertEquals(0, recovered.recover(XAResource.TMSTARTRSCAN).length);
    }

    @Test
    void protocolErrorsCarryTheirXaCodes() throws Exception {
        XAResource xa = xaSession(cluster.member(0)).getXAResource();
        Xid xid = TestXid.random();
        assertEquals(XAException.XAER_NOTA, assertThrows(XAException.class, () -> xa.commit(xid, false)).errorCode);
        assertEquals(XAException.XAER_NOTA, assertThrows(XAException.class, () -> xa.rollback(xid)).errorCode);
        assertEquals(XAException.XAER_NOTA, assertThrows(XAException.class, () -> xa.end(xid, XAResource.TMSUCCESS)).errorCode);
        xa.start(xid, XAResource.TMNOFLAGS);
        assertEquals(XAException.XAER_PROTO, assertThrows(XAException.class, () -> xa.prepare(xid)).errorCode);
        assertEquals(XAException.XAER_PROTO,
                assertThrows(XAException.class, () -> xa.start(TestXid.random(), XAResource.TMNOFLAGS)).errorCode);
        xa.end(xid, XAResource.TMSUCCESS);
        XAResource other = xaSession(cluster.member(1)).getXAResource();
        assertEquals(XAException.XAER_DUPID,
                assertThrows(XAException.class, () -> xa.start(xid, XAResource.TMNOFLAGS)).errorCode);
        assertEquals(XAException.XAER_INVAL, assertThrows(XAException.class, () -> xa.recover(12345)).errorCode);
        assertTrue(xa.isSameRM(other), "two members of one cluster are one resource manager");
        xa.rollback(xid);
    }

    @Test
    void failedBranchRollsBackAtPrepare() throws Exception {
        put("keep me");
        XASession session = xaSession(cluster.member(0));
        XAResource xa = session.getXAResource();
        Xid xid = TestXid.random();
        MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
        xa.start(xid, XAResource.TMNOFLAGS);
        consumer.receive(10_000);
        xa.end(xid, XAResource.TMFAIL);
        assertEquals(XAException.XA_RBROLLBACK, assertThrows(XAException.class, () -> xa.prepare(xid)).errorCode);
        assertNotNull(plainSession(cluster.member(1)).createConsumer(session.createQueue(queueName)).receive(10_000));
    }

    @Test
    void xaSessionRefusesItsOwnCommit() throws Exception {
        XASession session = xaSession(cluster.member(0));
        assertTrue(session.getTransacted());
        assertThrows(TransactionInProgressException.class, session::commit);
        assertThrows(TransactionInProgressException.class, session::rollback);
        assertFalse(Arrays.asList(session.getXAResource().recover(XAResource.TMSTARTRSCAN)).contains(null));
    }
}
