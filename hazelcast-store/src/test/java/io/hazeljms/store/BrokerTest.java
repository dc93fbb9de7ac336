package io.hazeljms.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's semantics on one real member. */
class BrokerTest {

    private static TestCluster cluster;
    private static Broker broker;
    private final LeaseOwner owner = new LeaseOwner(broker.nodeId(), "conn-" + UUID.randomUUID(), "session-1");
    private DestinationKey queue;

    @BeforeAll
    static void startMember() {
        cluster = TestCluster.start(1);
        broker = new Broker(cluster.member(0), DestinationSettings.defaults().withMaxDeliveryAttempts(3));
    }

    @AfterAll
    static void stopMember() {
        cluster.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void uniqueQueue(TestInfo info) {
        queue = DestinationKey.queue(info.getTestMethod().orElseThrow().getName() + "-" + UUID.randomUUID());
    }

    static StoredMessage message(String id, int priority) {
        return new StoredMessage(id, null).priority(priority).timestamp(System.currentTimeMillis())
                .bodyType(StoredMessage.BODY_TEXT).body(id.getBytes());
    }

    private String claimId() {
        StoredMessage m = broker.messages().claim(queue, null, owner).message();
        return m == null ? null : m.messageId();
    }

    @Test
    void deliversHigherPriorityFirstThenArrivalOrder() {
        broker.messages().send(queue, message("a4", 4));
        broker.messages().send(queue, message("b9", 9));
        broker.messages().send(queue, message("c4", 4));
        broker.messages().send(queue, message("d0", 0));
        broker.messages().send(queue, message("e9", 9));
        List<String> order = new ArrayList<>();
        for (String id = claimId(); id != null; id = claimId()) {
            order.add(id);
        }
        assertEquals(List.of("b9", "e9", "a4", "c4", "d0"), order);
    }

    @Test
    void claimedMessageStaysUntilAcknowledged() {
        broker.messages().send(queue, message("m1", 4));
        assertEquals("m1", claimId());
        assertNull(claimId(), "a claimed message is not delivered twice");
        assertEquals(1, broker.administration().stats(queue).inFlight());
        assertEquals(1, broker.administration().depth(queue));
        LeaseOwner otherSession = new LeaseOwner(owner.nodeId(), owner.connectionId(), "session-2");
        assertEquals(0, broker.messages().acknowledge(queue, List.of("m1"), otherSession), "only the holder acknowledges");
        assertEquals(1, broker.messages().acknowledge(queue, List.of("m1"), owner));
        assertEquals(0, broker.administration().depth(queue));
    }

    @Test
    void releasedMessageIsRedeliveredWithCountAndKeepsItsPlace() {
        broker.messages().send(queue, message("first", 4));
        broker.messages().send(queue, message("second", 4));
        StoredMessage first = broker.messages().claim(queue, null, owner).message();
        assertEquals(1, first.deliveryCount());
        broker.messages().release(queue, List.of("first"), owner, true);
        StoredMessage again = broker.messages().claim(queue, null, owner).message();
        assertEquals("first", again.messageId());
        assertEquals(2, again.deliveryCount());
    }

    @Test
    void releaseOfUndeliveredMessageDoesNotCountAnAttempt() {
        broker.messages().send(queue, message("m", 4));
        broker.messages().claim(queue, null, owner);
        broker.messages().release(queue, List.of("m"), owner, false);
        assertEquals(1, broker.messages().claim(queue, null, owner).message().deliveryCount());
    }

    @Test
    void movesToDeadLetterQueueAfterMaxAttemptsWithReason() {
        DestinationKey dlq = DestinationKey.queue("dlq-" + UUID.randomUUID());
        broker.administration().createDestination(queue, DestinationSettings.defaults().withMaxDeliveryAttempts(2).withDeadLetterQueue(dlq.encode()));
        broker.messages().send(queue, message("poison", 4));
        for (int attempt = 1; attempt <= 2; attempt++) {
            StoredMessage m = broker.messages().claim(queue, null, owner).message();
            assertEquals(attempt, m.deliveryCount());
            broker.messages().release(queue, List.of("poison"), owner, true);
        }
        assertNull(broker.messages().claim(queue, null, owner).message());
        assertEquals(0, broker.administration().depth(queue));
        StoredMessage dead = broker.messages().claim(dlq, null, owner).message();
        assertNotNull(dead, "the message is on the dead-letter queue");
        assertEquals("poison", dead.messageId());
        assertEquals(1, dead.deliveryCount(), "a fresh count on the dead-letter queue");
        assertEquals(queue.encode(), dead.properties().get(DestinationState.ORIGIN_PROPERTY));
        assertTrue(((String) dead.properties().get(DestinationState.REASON_PROPERTY)).contains("attempts"));
        assertEquals(1, broker.administration().stats(queue).deadLettered());
    }

    @Test
    void aMoveMadeAgainAfterItsNodeDiedStoresTheMessageOnceOnTheDeadLetterQueue() {
        DestinationKey dlq = DestinationKey.queue("dlq-" + UUID.randomUUID());
        broker.administration().createDestination(queue, DestinationSettings.defaults().withMaxDeliveryAttempts(1).withDeadLetterQueue(dlq.encode()));
        broker.messages().send(queue, message("twice", 4));
        broker.messages().claim(queue, null, owner);
        // a first move stored the copy on the dead-letter queue, then its node died before acknowledging the source
        broker.messages().send(dlq, message("twice", 4));
        broker.messages().releaseOwner(queue, owner, LeaseOwner.Scope.SESSION);
        assertNull(broker.messages().claim(queue, null, owner).message(), "the released message is out of attempts: moved");
        assertEquals(0, broker.administration().depth(queue));
        assertEquals(1, broker.administration().depth(dlq), "the move made again stored nothing more");
    }

    @Test
    void nodeReleaseReturnsMessagesThatThenDeadLetterOnClaim() {
        DestinationKey dlq = DestinationKey.queue("dlq-" + UUID.randomUUID());
        broker.administration().createDestination(queue, DestinationSettings.defaults().withMaxDeliveryAttempts(1).withDeadLetterQueue(dlq.encode()));
        broker.messages().send(queue, message("m", 4));
        broker.messages().claim(queue, null, owner);
        broker.messages().releaseEverywhere(owner, LeaseOwner.Scope.NODE);
        assertNull(broker.messages().claim(queue, null, owner).message(), "out of attempts: not delivered again");
        assertEquals("m", broker.messages().claim(dlq, null, owner).message().messageId());
    }

    @Test
    void expiredMessagesAreNeverDeliveredAndMoveToExpiryQueueWhenConfigured() {
        DestinationKey expiry = DestinationKey.queue("expiry-" + UUID.randomUUID());
        broker.administration().createDestination(queue, DestinationSettings.defaults().withExpiryQueue(expiry.encode()));
        broker.messages().send(queue, message("old", 4).expiration(System.currentTimeMillis() - 1));
        broker.messages().send(queue, message("fresh", 4).expiration(System.currentTimeMillis() + 60_000));
        assertEquals("fresh", claimId());
        assertNull(claimId());
        StoredMessage moved = broker.messages().claim(expiry, null, owner).message();
        assertEquals("old", moved.messageId());
        assertEquals("expired", moved.properties().get(DestinationState.REASON_PROPERTY));
    }

    @Test
    void expiredMessagesAreDroppedWithoutExpiryQueue() {
        broker.messages().send(queue, message("old", 4).expiration(System.currentTimeMillis() - 1));
        assertNull(claimId());
        assertEquals(0, broker.administration().depth(queue));
        assertEquals(1, broker.administration().stats(queue).expired());
    }

    @Test
    void delayedMessageIsWithheldUntilItsDeliveryTimeAndReceiveWaitsForIt() throws Exception {
        long due = System.currentTimeMillis() + 400;
        broker.messages().send(queue, message("later", 4).deliveryTime(due));
        broker.messages().send(queue, message("now", 1));
        ClaimResult first = broker.messages().claim(queue, null, owner);
        assertEquals("now", first.message().messageId(), "a lower priority message that is due goes first");
        ClaimResult none = broker.messages().claim(queue, null, owner);
        assertNull(none.message());
        assertEquals(due, none.nextAvailableAt());
        try (Messages.Watch watch = broker.messages().watch(queue)) {
            StoredMessage later = broker.messages().receive(watch, null, owner, 10_000, () -> false);
            assertNotNull(later);
            assertTrue(System.currentTimeMillis() >= due, "not delivered before its delivery time");
        }
    }

    @Test
    void receiveWakesOnSendFromAnotherThread() throws Exception {
        try (Messages.Watch watch = broker.messages().watch(queue)) {
            Thread sender = new Thread(() -> broker.messages().send(queue, message("wake", 4)));
            sender.start();
            StoredMessage m = broker.messages().receive(watch, null, owner, 30_000, () -> false);
            sender.join();
            assertEquals("wake", m.messageId());
        }
    }

    @Test
    void receiveNoWaitAndTimeoutReturnNull() throws Exception {
        try (Messages.Watch watch = broker.messages().watch(queue)) {
            assertNull(broker.messages().receive(watch, null, owner, -1, () -> false));
            assertNull(broker.messages().receive(watch, null, owner, 50, () -> false));
        }
    }

    @Test
    void sendIsIdempotentByMessageId() {
        broker.messages().send(queue, message("same", 4));
        broker.messages().send(queue, message("same", 4));
        assertEquals(1, broker.administration().depth(queue));
    }

    @Test
    void browseShowsDeliverableMessagesInOrderWithoutClaiming() {
        broker.messages().send(queue, message("low", 1));
        broker.messages().send(queue, message("high", 8));
        broker.messages().send(queue, message("delayed", 9).deliveryTime(System.currentTimeMillis() + 60_000));
        List<StoredMessage> page = broker.administration().browse(queue, null, -1, 10);
        assertEquals(List.of("high", "low"), page.stream().map(StoredMessage::messageId).toList());
        List<StoredMessage> next = broker.administration().browse(queue, null, DestinationState.orderKey(page.get(0)), 10);
        assertEquals(List.of("low"), next.stream().map(StoredMessage::messageId).toList());
        assertEquals(3, broker.administration().depth(queue), "browsing claims nothing");
    }

    @Test
    void administrationCreatesListsPurgesAndDeletes() {
        assertFalse(broker.administration().exists(queue));
        assertTrue(broker.administration().createDestination(queue, DestinationSettings.defaults()));
        assertFalse(broker.administration().createDestination(queue, DestinationSettings.defaults()), "second create only updates");
        assertTrue(broker.administration().destinationNames().contains(queue));
        broker.messages().send(queue, message("a", 4));
        broker.messages().send(queue, message("b", 4));
        broker.messages().claim(queue, null, owner);
        assertEquals(1, broker.administration().purge(queue), "purge leaves in-flight messages");
        assertEquals(1, broker.administration().depth(queue));
        assertTrue(broker.administration().deleteDestination(queue));
        assertFalse(broker.administration().exists(queue));
        assertNull(broker.administration().stats(queue));
    }

    @Test
    void temporaryDestinationIsDeletedWithItsConnection() {
        broker.administration().createDestination(queue, DestinationSettings.defaults().withTemporaryOwner(owner.nodeId(), owner.connectionId()));
        broker.messages().send(queue, message("a", 4));
        LeaseOwner otherConnection = new LeaseOwner(owner.nodeId(), "other", "s");
        broker.messages().releaseEverywhere(otherConnection, LeaseOwner.Scope.CONNECTION);
        assertTrue(broker.administration().exists(queue));
        broker.messages().releaseEverywhere(owner, LeaseOwner.Scope.CONNECTION);
        assertFalse(broker.administration().exists(queue));
    }

    @Test
    void clientIdIsExclusiveClusterWide() {
        String id = "client-" + UUID.randomUUID();
        LeaseOwner other = new LeaseOwner(broker.nodeId(), "conn2", "");
        assertTrue(broker.clientIds().reserve(id, owner));
        assertFalse(broker.clientIds().reserve(id, other));
        broker.clientIds().release(id, owner);
        assertTrue(broker.clientIds().reserve(id, other));
    }

    @Test
    void batchClaimTakesUpToMaxInDeliveryOrder() {
        broker.messages().send(queue, message("a1", 1));
        broker.messages().send(queue, message("b9", 9));
        broker.messages().send(queue, message("c1", 1));
        broker.messages().send(queue, message("d1", 1));
        List<String> ids = new ArrayList<>();
        broker.messages().claim(Address.queue(queue), null, owner, 3, List.of()).messages().forEach(m -> ids.add(m.messageId()));
        assertEquals(List.of("b9", "a1", "c1"), ids);
        DestinationStats stats = broker.administration().stats(queue);
        assertEquals(3, stats.inFlight());
        assertEquals(1, stats.pending());
    }

    @Test
    void claimAcknowledgesWhatItCarriesEvenWhenNothingIsLeft() {
        broker.messages().send(queue, message("a", 4));
        broker.messages().send(queue, message("b", 4));
        List<StoredMessage> both = broker.messages().claim(Address.queue(queue), null, owner, 5, List.of()).messages();
        assertEquals(2, both.size());
        ClaimResult next = broker.messages().claim(Address.queue(queue), null, owner, 5, List.of("a", "b"));
        assertTrue(next.messages().isEmpty());
        assertEquals(0, broker.administration().depth(queue), "both acknowledged by the claim");
        assertEquals(2, broker.administration().stats(queue).acknowledged());
    }

    @Test
    void claimDoesNotAcknowledgeAnotherSessionsMessages() {
        broker.messages().send(queue, message("a", 4));
        broker.messages().claim(queue, null, owner);
        LeaseOwner other = new LeaseOwner(owner.nodeId(), owner.connectionId(), "session-2");
        broker.messages().claim(Address.queue(queue), null, other, 1, List.of("a"));
        assertEquals(1, broker.administration().stats(queue).inFlight(), "only the holder of the lease acknowledges");
    }

    @Test
    void acknowledgeAsyncCompletesWithTheCount() throws Exception {
        broker.messages().send(queue, message("a", 4));
        broker.messages().claim(queue, null, owner);
        int n = broker.messages().acknowledgeAsync(Address.queue(queue), List.of("a", "unknown"), owner)
                .toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(1, n);
        assertEquals(0, broker.administration().depth(queue));
    }

    @Test
    void anEnqueueIsAnnouncedOnlyWhenAConsumerWaits() throws Exception {
        broker.messages().send(queue, message("a", 4));
        broker.messages().send(queue, message("b", 4)); // nobody waits after this announcement
        java.util.concurrent.BlockingQueue<Integer> announcedDepths = new java.util.concurrent.LinkedBlockingQueue<>();
        com.hazelcast.map.IMap<String, DestinationState> map = cluster.member(0).getMap(StoreConfig.DESTINATIONS_MAP);
        java.util.UUID registration = map.addEntryListener(
                (com.hazelcast.map.listener.EntryUpdatedListener<String, DestinationState>) e ->
                        announcedDepths.add(e.getValue().pendingCount()), queue.encode(), true);
        try {
            broker.messages().send(queue, message("c", 4)); // not announced
            assertTrue(broker.messages().claim(Address.queue(DestinationKey.queue("other-" + UUID.randomUUID())), null, owner, 1, List.of(), true)
                    .messages().isEmpty());
            broker.messages().claim(Address.queue(queue), null, owner, 3, List.of());
            assertTrue(broker.messages().claim(Address.queue(queue), null, owner, 1, List.of(), true).messages().isEmpty());
            broker.messages().send(queue, message("d", 4)); // a consumer waits: announced
            Integer first = announcedDepths.poll(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(1, first, "the first announcement is d's: c's send fired none");
        } finally {
            map.removeEntryListener(registration);
        }
    }

    @Test
    void aClaimSaysWhenItLeftNothingToTake() {
        broker.messages().send(queue, message("a", 4));
        broker.messages().send(queue, message("b", 4));
        assertFalse(broker.messages().claim(Address.queue(queue), null, owner, 1, List.of()).drained(), "b is left");
        assertTrue(broker.messages().claim(Address.queue(queue), null, owner, 5, List.of()).drained());
        broker.messages().send(queue, message("later", 4).deliveryTime(System.currentTimeMillis() + 60_000));
        assertFalse(broker.messages().claim(Address.queue(queue), null, owner, 5, List.of()).drained(),
                "a delayed message comes due without an event: the consumer must ask again then");
    }

    @Test
    void aSendMadeAgainAddsNothingEvenAfterTheMessageWasConsumed() {
        broker.messages().send(queue, message("once", 4));
        assertEquals("once", claimId());
        assertEquals(1, broker.messages().acknowledge(queue, List.of("once"), owner));
        assertEquals(0, broker.messages().send(queue, message("once", 4)).added(), "a retried send of a consumed message adds nothing");
        assertNull(claimId());
        broker.messages().send(queue, message("next", 4));
        assertEquals("next", claimId());
    }

    @Test
    void aPublishMadeAgainReachesNoSubscriptionTwice() {
        DestinationKey topic = DestinationKey.topic(UUID.randomUUID().toString());
        LeaseOwner reader = new LeaseOwner(broker.nodeId(), "c", "s");
        broker.subscriptions().subscribe(topic, "sub", new SubscriptionSpec(false, false, null, false), "consumer", reader);
        assertEquals(1, broker.messages().send(topic, message("p", 4)).added());
        assertEquals(0, broker.messages().send(topic, message("p", 4)).added(), "the same message id is not published twice");
        Address sub = Address.subscription(topic, "sub");
        assertEquals(1, broker.messages().claim(sub, null, reader, 10, List.of()).messages().size());
    }

    @Test
    void aClaimMadeAgainGetsWhatItsFirstAttemptTookAndTakesNoMore() {
        broker.messages().send(queue, message("c1", 4));
        broker.messages().send(queue, message("c2", 4));
        broker.messages().send(queue, message("c3", 4));
        com.hazelcast.map.IMap<String, DestinationState> map = cluster.member(0).getMap(StoreConfig.DESTINATIONS_MAP);
        ClaimResult first = map.executeOnKey(queue.encode(), new io.hazeljms.store.processor.ClaimProcessor(null, null, owner,
                DestinationSettings.defaults(), 2, List.of(), false).claimId(42, false));
        ClaimResult again = map.executeOnKey(queue.encode(), new io.hazeljms.store.processor.ClaimProcessor(null, null, owner,
                DestinationSettings.defaults(), 2, List.of(), false).claimId(42, true));
        assertEquals(List.of("c1", "c2"), first.messages().stream().map(StoredMessage::messageId).toList());
        assertEquals(List.of("c1", "c2"), again.messages().stream().map(StoredMessage::messageId).toList(),
                "the answer the first attempt lost");
        assertEquals(2, broker.administration().stats(queue).inFlight(), "nothing more was taken");
        assertEquals("c3", claimId());
    }
}
