package io.hazeljms.store;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.listener.EntryAddedListener;
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

/**
 * A multi-destination commit whose committer dies after recording its decision is finished by the departure
 * handling of a survivor, before that node's leases are released. (The crash-tests module does the same with
 * kill -9 of real JVMs; here the committer's death is a terminated member in this JVM.)
 */
class TransactionCommitsTest {

    private TestCluster cluster;
    private HazelcastInstance survivor;
    private HazelcastInstance committer;
    private final String id = UUID.randomUUID().toString();
    private final DestinationKey source = DestinationKey.queue("source-" + id);
    private final DestinationKey first = DestinationKey.queue("first-" + id);
    private final DestinationKey second = DestinationKey.topic("second-" + id);

    @BeforeEach
    void start() {
        cluster = TestCluster.start(2);
        survivor = cluster.member(0); // the oldest member: it handles departures
        committer = cluster.member(1);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aRecordedCommitIsFinishedWhenItsCommitterDies() throws Exception {
        Broker broker = new Broker(committer, DestinationSettings.defaults());
        LeaseOwner owner = new LeaseOwner(broker.nodeId(), "conn", "session");
        broker.messages().send(source, BrokerTest.message("in", 4));
        assertEquals("in", broker.messages().claim(source, null, owner).message().messageId());
        Broker observer = new Broker(survivor, DestinationSettings.defaults());
        observer.subscriptions().subscribe(second, "sub", new SubscriptionSpec(false, false, null, false), "consumer-1",
                new LeaseOwner(observer.nodeId(), "c", "s"));

        // the committer recorded its decision and applied one part, then died
        List<StoredMessage> sends = new ArrayList<>(List.of(
                BrokerTest.message("out-1", 4).destination(first.encode()), BrokerTest.message("out-2", 4).destination(second.encode())));
        CommitRecord record = new CommitRecord("tx-" + id, broker.nodeId(), sends,
                List.of(new CommitRecord.Acknowledgement(Address.queue(source), List.of("in"), owner)), false);
        assertEquals(Boolean.TRUE, committer.<String, NodeCommits>getMap(StoreConfig.COMMITS_MAP).executeOnKey(record.shardKey(),
                NodeCommitsProcessor.record(record)));
        broker.messages().send(first, BrokerTest.message("out-1", 4));
        killAndAwaitDeparture(broker.nodeId());

        NodeCommits left = survivor.<String, NodeCommits>getMap(StoreConfig.COMMITS_MAP).get(record.shardKey());
        assertTrue(left.departed() && left.isEmpty(), "the record is forgotten once applied; the node is fenced");
        CommitRecord late = new CommitRecord("tx-late-" + id, broker.nodeId(), new ArrayList<>(List.of(
                BrokerTest.message("late", 4).destination(first.encode()))), List.of(), false);
        assertEquals(Boolean.FALSE, survivor.<String, NodeCommits>getMap(StoreConfig.COMMITS_MAP).executeOnKey(late.shardKey(),
                NodeCommitsProcessor.record(late)), "a record the dead node still had on the wire is refused");
        assertEquals(0, observer.administration().depth(source), "the acknowledged message is gone, not delivered again");
        assertEquals(1, observer.administration().depth(first), "a part applied before the crash is not applied twice");
        LeaseOwner reader = new LeaseOwner(observer.nodeId(), "c", "s");
        assertEquals("out-1", observer.messages().claim(first, null, reader).message().messageId());
        ClaimResult published = observer.messages().claim(Address.subscription(second, "sub"), null, reader, 10, List.of());
        assertEquals(List.of("out-2"), published.messages().stream().map(StoredMessage::messageId).toList(),
                "the part not applied before the crash is applied by the survivor");
    }

    @Test
    void aCommitOnSeveralDestinationsAppliesEveryPartAndForgetsItsRecord() {
        Broker broker = new Broker(survivor, DestinationSettings.defaults());
        LeaseOwner owner = new LeaseOwner(broker.nodeId(), "conn", "session");
        broker.messages().send(source, BrokerTest.message("in", 4));
        assertNotNull(broker.messages().claim(source, null, owner).message());
        broker.transactions().commit(new ArrayList<>(List.of(BrokerTest.message("out", 4).destination(first.encode()))),
                List.of(new CommitRecord.Acknowledgement(Address.queue(source), List.of("in"), owner)));
        assertEquals(0, broker.administration().depth(source));
        assertEquals(1, broker.administration().depth(first));
        assertTrue(survivor.getMap(StoreConfig.COMMITS_MAP).isEmpty(), "an applied record is forgotten");
    }

    private void killAndAwaitDeparture(String nodeId) throws InterruptedException {
        CountDownLatch handled = new CountDownLatch(1);
        survivor.<String, Long>getMap(StoreConfig.DEPARTURES_MAP).addEntryListener(
                (EntryAddedListener<String, Long>) (EntryEvent<String, Long> e) -> {
                    if (e.getKey().equals(nodeId)) {
                        handled.countDown();
                    }
                }, true);
        cluster.terminate(committer);
        assertTrue(handled.await(60, TimeUnit.SECONDS), "the survivor handled the departure within 60 s");
    }
}
