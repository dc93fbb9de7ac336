package io.hazeljms.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Moves and redrive by an operator, consumer counts and scheduled messages, on two real members. */
class MovesTest {

    private static TestCluster cluster;
    private static Broker broker;
    private static Broker other;
    private final LeaseOwner owner = new LeaseOwner(broker.nodeId(), "conn-" + UUID.randomUUID(), "session-1");
    private DestinationKey queue;
    private DestinationKey dlq;

    @BeforeAll
    static void startMembers() {
        cluster = TestCluster.start(2);
        broker = new Broker(cluster.member(0), DestinationSettings.defaults());
        other = new Broker(cluster.member(1), DestinationSettings.defaults());
    }

    @AfterAll
    static void stopMembers() {
        cluster.close();
    }

    @BeforeEach
    void names(TestInfo info) {
        String name = info.getTestMethod().orElseThrow().getName() + "-" + UUID.randomUUID();
        queue = DestinationKey.queue(name);
        dlq = DestinationKey.queue("dlq-" + name);
        broker.administration().createDestination(queue,
                DestinationSettings.defaults().withMaxDeliveryAttempts(1).withDeadLetterQueue(dlq.encode()));
    }

    /** Sends, claims and rolls back each message: one attempt, so each goes to the dead-letter queue. */
    private void deadLetter(String... ids) {
        long before = broker.administration().stats(dlq) == null ? 0 : broker.administration().stats(dlq).pending();
        for (String id : ids) {
            broker.messages().send(queue, BrokerTest.message(id, 4).properties(java.util.Map.of("n", id)));
        }
        List<String> claimed = new ArrayList<>();
        for (StoredMessage m : broker.messages().claim(Address.queue(queue), null, owner, ids.length, List.of()).messages()) {
            claimed.add(m.messageId());
        }
        broker.messages().release(queue, claimed, owner, true);
        assertEquals(before + ids.length, broker.administration().stats(dlq).pending());
    }

    private List<String> drain(DestinationKey from) {
        List<String> ids = new ArrayList<>();
        for (StoredMessage m = broker.messages().claim(from, null, owner).message(); m != null;
             m = broker.messages().claim(from, null, owner).message()) {
            ids.add(m.messageId());
            broker.messages().acknowledge(from, List.of(m.messageId()), owner);
        }
        return ids;
    }

    @Test
    void redriveReturnsDeadLetteredMessagesToTheirQueueWithAFreshCountAndWithoutTheMoveProperties() {
        deadLetter("a", "b", "c");
        MoveOutcome one = other.administration().move(dlq, "JMSMessageID = 'b'", null, Integer.MAX_VALUE);
        assertEquals(1, one.moved());
        assertEquals(2, broker.administration().stats(dlq).pending());
        StoredMessage back = broker.messages().claim(queue, null, owner).message();
        assertEquals("b", back.messageId(), "the id the queue saw before does not stop the redrive");
        assertEquals(1, back.deliveryCount(), "fresh count: this is its first delivery again");
        assertEquals("b", back.properties().get("n"));
        assertFalse(back.properties().containsKey(DestinationState.ORIGIN_PROPERTY));
        assertFalse(back.properties().containsKey(DestinationState.REASON_PROPERTY));
        broker.messages().acknowledge(queue, List.of("b"), owner);

        MoveOutcome rest = broker.administration().move(dlq, null, null, Integer.MAX_VALUE);
        assertEquals(new MoveOutcome(2, 0, null, null), rest);
        assertEquals(0, broker.administration().depth(dlq));
        assertEquals(List.of("a", "c"), drain(queue));
    }

    @Test
    void aMoveToAFullQueueMovesNothingOfTheRefusedBatchAndSaysWhichQueue() {
        deadLetter("a", "b");
        DestinationKey full = DestinationKey.queue("full-" + UUID.randomUUID());
        broker.administration().createDestination(full, DestinationSettings.defaults().withMaxMessages(1));
        broker.messages().send(full, BrokerTest.message("there", 4));
        MoveOutcome outcome = broker.administration().move(dlq, null, full, Integer.MAX_VALUE);
        assertEquals(0, outcome.moved());
        assertEquals(full, outcome.refusedBy());
        assertEquals(Refusal.FULL_MESSAGES, outcome.refusal());
        DestinationStats source = broker.administration().stats(dlq);
        assertEquals(2, source.pending(), "nothing left the source");
        assertEquals(0, source.inFlight(), "and nothing stays leased");
        assertEquals(List.of("a", "b"), drain(dlq));
        assertEquals(0, drain(dlq).size());
    }

    @Test
    void aMoveToANamedQueueKeepsTheMovePropertiesAndLeavesMessagesInFlightAlone() {
        deadLetter("a", "b");
        StoredMessage held = broker.messages().claim(dlq, null, owner).message();
        DestinationKey parking = DestinationKey.queue("parking-" + UUID.randomUUID());
        assertEquals(1, broker.administration().move(dlq, null, parking, Integer.MAX_VALUE).moved());
        StoredMessage moved = broker.messages().claim(parking, null, owner).message();
        assertEquals(queue.encode(), moved.properties().get(DestinationState.ORIGIN_PROPERTY));
        assertTrue(!moved.messageId().equals(held.messageId()));
        assertEquals(1, broker.administration().stats(dlq).inFlight());
    }

    @Test
    void aMoveThatFailsHalfWayLeavesNothingInFlight() {
        deadLetter("a", "b", "c");
        int[] asked = {0};
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> broker.administration().move(dlq, null, null, Integer.MAX_VALUE, key -> {
                    if (++asked[0] == 2) {
                        throw new IllegalStateException("the store failed half-way");
                    }
                    return true;
                }));
        assertEquals("the store failed half-way", e.getMessage());
        DestinationStats source = broker.administration().stats(dlq);
        assertEquals(0, source.inFlight(), "the claimed batch was given back");
        assertEquals(3, source.pending());
        assertEquals(3, broker.administration().move(dlq, null, null, Integer.MAX_VALUE).moved());
    }

    @Test
    void redriveLeavesMessagesWithoutOriginWhereTheyAre() {
        broker.messages().send(dlq, BrokerTest.message("orphan", 4));
        deadLetter("a");
        MoveOutcome outcome = broker.administration().move(dlq, null, null, Integer.MAX_VALUE);
        assertEquals(1, outcome.moved());
        assertEquals(1, outcome.skipped());
        assertEquals(List.of("orphan"), drain(dlq));
    }

    @Test
    void aMoveInMadeAgainStoresOnceWhileTheTargetHoldsTheMessageAndAgainAfterItWasConsumed() {
        DestinationKey target = DestinationKey.queue("target-" + UUID.randomUUID());
        List<StoredMessage> batch = List.of(BrokerTest.message("m", 4));
        assertEquals(1, (int) broker.onKey(target.encode(),
                new io.hazeljms.store.processor.MoveInProcessor(batch, broker.defaults(), false)));
        assertEquals(0, (int) broker.onKey(target.encode(), new io.hazeljms.store.processor.MoveInProcessor(
                List.of(BrokerTest.message("m", 4)), broker.defaults(), false)), "held: a call made again adds nothing");
        assertEquals(List.of("m"), drain(target));
        assertEquals(1, (int) broker.onKey(target.encode(), new io.hazeljms.store.processor.MoveInProcessor(
                List.of(BrokerTest.message("m", 4)), broker.defaults(), false)), "only seen lately: stored again");
        assertEquals(0, broker.messages().send(target, BrokerTest.message("m", 4)).added(),
                "a plain send of a recent id still adds nothing");
    }

    @Test
    void redriveToASubscriptionThatNoLongerExistsLeavesTheMessage() {
        DestinationKey topic = DestinationKey.topic("t-" + UUID.randomUUID());
        broker.administration().createDestination(topic, DestinationSettings.defaults());
        StoredMessage m = BrokerTest.message("from-gone", 4);
        m.properties().put(DestinationState.ORIGIN_PROPERTY, topic.encode() + "#durable:c:gone");
        broker.messages().send(dlq, m);
        MoveOutcome outcome = broker.administration().move(dlq, null, null, Integer.MAX_VALUE);
        assertEquals(new MoveOutcome(0, 1, null, null), outcome);
        assertEquals(List.of("from-gone"), drain(dlq));
    }

    @Test
    void onlyQueuesTakePartInMoves() {
        assertThrows(IllegalArgumentException.class,
                () -> broker.administration().move(dlq, null, DestinationKey.topic("t"), 1));
    }

    @Test
    void consumersAreCountedClusterWideUntilTheirWatchCloses() {
        Messages.Watch a = broker.messages().consumerWatch(Address.queue(queue));
        Messages.Watch b = other.messages().consumerWatch(Address.queue(queue));
        try (Messages.Watch producerWait = broker.messages().watch(queue)) {
            assertEquals(2, broker.administration().consumers().get(queue.encode()));
            assertEquals(2, other.administration().consumers().get(queue.encode()));
        }
        a.close();
        a.close();
        assertEquals(1, other.administration().consumers().get(queue.encode()));
        b.close();
        assertNull(broker.administration().consumers().get(queue.encode()));
    }

    @Test
    void scheduledCountsPendingMessagesNotYetDue() {
        broker.messages().send(queue, BrokerTest.message("later", 4).deliveryTime(System.currentTimeMillis() + 60_000));
        broker.messages().send(queue, BrokerTest.message("now", 4));
        DestinationStats stats = other.administration().stats(queue);
        assertEquals(2, stats.pending());
        assertEquals(1, stats.scheduled());
    }
}
