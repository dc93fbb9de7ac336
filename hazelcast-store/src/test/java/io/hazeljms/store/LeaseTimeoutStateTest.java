package io.hazeljms.store;

import io.hazeljms.store.selector.Selector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lease timeout on one destination's state, with the clock given: when a lease is due, what its release
 * does, which acknowledgements are refused, and that backups replaying the primary's decisions end equal.
 */
class LeaseTimeoutStateTest {

    private static final LeaseOwner HUNG = new LeaseOwner("node-a", "conn-a", "session-a");
    private static final LeaseOwner NEXT = new LeaseOwner("node-b", "conn-b", "session-b");

    private static DestinationState queueWithTimeout(long millis) {
        DestinationState state = new DestinationState("queue:q", DestinationSettings.defaults()
                .withLeaseTimeoutMillis(millis).withMaxDeliveryAttempts(5));
        state.enqueue(BrokerTest.message("m", 4));
        return state;
    }

    /** What a primary's claim does at {@code now}: release due leases, decide, apply; the decision for backups. */
    private static ClaimDecision claim(DestinationState state, LeaseOwner owner, long now) {
        List<String> timedOut = state.expireDueLeases(now);
        ClaimDecision d = state.decideClaim(Selector.ALL, now, 1).timedOut(timedOut);
        state.applyClaim(d, owner);
        return d;
    }

    @Test
    void aLeaseTimesOutAfterTheTimeoutAndTheMessageComesAgainCounted() {
        DestinationState state = queueWithTimeout(500);
        claim(state, HUNG, 1_000);
        assertEquals(List.of(), state.leasesDue(1_499));
        assertEquals(List.of("m"), state.leasesDue(1_500));

        ClaimDecision d = claim(state, NEXT, 1_600);
        assertEquals(List.of("m"), d.timedOut);
        assertEquals(List.of("m"), d.claimed, "released and taken by the next claimer at once");
        assertEquals(1, state.inFlightCount());
        assertEquals(2, state.claimedBy(0, NEXT).messages().get(0).deliveryCount(), "JMSXDeliveryCount 2, redelivered");
    }

    @Test
    void theLateAcknowledgementOfTheOldHolderIsRefusedAndChangesNothing() {
        DestinationState state = queueWithTimeout(500);
        claim(state, HUNG, 1_000);
        claim(state, NEXT, 1_600);

        assertEquals(-1, state.acknowledge(List.of("m"), HUNG, 1_700), "refused: its lease timed out");
        assertEquals(1, state.inFlightCount(), "still leased to the next holder");
        assertEquals(1, state.acknowledge(List.of("m"), NEXT, 1_700));
        assertEquals(-1, state.acknowledge(List.of("m"), HUNG, 1_800), "refused even after the next holder acknowledged");
        assertEquals(0, state.inFlightCount() + state.pendingCount());
    }

    @Test
    void anAcknowledgementAfterTheTimeoutReleasesTheLeaseAndAcknowledgesNoneOfTheBatch() {
        DestinationState state = queueWithTimeout(500);
        state.enqueue(BrokerTest.message("n", 4));
        claim(state, HUNG, 1_000);
        ClaimDecision later = state.decideClaim(Selector.ALL, 1_400, 1);
        state.applyClaim(later, HUNG); // "n", due at 1 900

        assertEquals(-1, state.acknowledge(List.of("m", "n"), HUNG, 1_600), "all or none");
        assertEquals(1, state.pendingCount(), "m is released at once");
        assertEquals(1, state.inFlightCount(), "n is still held");
        assertEquals(1, state.acknowledge(List.of("n"), HUNG, 1_600));
    }

    @Test
    void withoutAClockAnAcknowledgementTakesWhatIsHeld() {
        DestinationState state = queueWithTimeout(500);
        claim(state, HUNG, 1_000);
        assertEquals(1, state.acknowledge(List.of("m"), HUNG), "AUTO_ACKNOWLEDGE: nobody to refuse it to");
    }

    @Test
    void zeroMeansNeverAndTransactionTimedOwnersAreNeverDue() {
        DestinationState off = queueWithTimeout(0);
        claim(off, HUNG, 1_000);
        assertEquals(List.of(), off.leasesDue(Long.MAX_VALUE - 1));
        assertEquals(1, off.acknowledge(List.of("m"), HUNG, Long.MAX_VALUE - 1));

        DestinationState xa = queueWithTimeout(500);
        LeaseOwner xaSession = new LeaseOwner("node-a", "conn-a", LeaseOwner.TRANSACTION_TIMED_PREFIX + "s");
        assertTrue(xaSession.isTransactionTimed());
        assertTrue(PreparedTransaction.owner("xid").isTransactionTimed());
        claim(xa, xaSession, 1_000);
        assertEquals(List.of(), xa.leasesDue(Long.MAX_VALUE - 1));
    }

    @Test
    void countsTowardTheDeadLetterLimit() {
        DestinationState state = new DestinationState("queue:q", DestinationSettings.defaults()
                .withLeaseTimeoutMillis(500).withMaxDeliveryAttempts(2).withDeadLetterQueue("queue:dlq"));
        state.enqueue(BrokerTest.message("m", 4));
        claim(state, HUNG, 1_000);
        claim(state, NEXT, 1_600); // delivery 2
        ClaimDecision third = claim(state, HUNG, 2_200);
        assertEquals(List.of(), third.claimed);
        assertEquals(List.of("m"), third.dead, "out of attempts after two timed-out deliveries: to the DLQ");
    }

    @Test
    void aBackupReplayingTheDecisionsEndsEqualAndTheExpiryTravelsWithTheState() {
        DestinationState primary = queueWithTimeout(500);
        DestinationState backup = queueWithTimeout(500);
        ClaimDecision first = claim(primary, HUNG, 1_000);
        backup.applyClaim(first, HUNG);
        ClaimDecision second = claim(primary, NEXT, 1_600);
        backup.applyClaim(second, NEXT);
        assertEquals(-1, backup.acknowledge(List.of("m"), HUNG, 1_700));
        assertEquals(List.of("m"), backup.leasesDue(2_100), "the backup holds the new lease's expiry");

        DestinationState migrated;
        try (TestCluster cluster = TestCluster.start(1)) {
            // a map in BINARY format stores the serialized state: what a migration or backup sync sends
            var map = cluster.member(0).<String, DestinationState>getMap("lease-timeout-copy");
            map.put("q", backup);
            migrated = map.get("q");
        }
        assertEquals(List.of(), migrated.leasesDue(2_099));
        assertEquals(List.of("m"), migrated.leasesDue(2_100));
        assertEquals(-1, migrated.acknowledge(List.of("m"), HUNG, 1_700), "who timed out travels with the state");
    }

    @Test
    void aNegativeTimeoutIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DestinationSettings.defaults().withLeaseTimeoutMillis(-1));
    }
}
