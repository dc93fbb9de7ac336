package io.hazeljms.store;

import io.hazeljms.store.selector.Selector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The group rules on one queue's state, with the clock given: what ends a binding besides a consumer's close
 * (a lease timed out, the owner's node gone), and how selectors and browsing meet groups.
 */
class MessageGroupsStateTest {

    private static final Claimer HUNG = new Claimer(new LeaseOwner("node-a", "conn-a", "session-a"), "consumer-a");
    private static final Claimer NEXT = new Claimer(new LeaseOwner("node-b", "conn-b", "session-b"), "consumer-b");

    private static DestinationState queue(DestinationSettings settings, int messages) {
        DestinationState state = new DestinationState("queue:q", settings);
        for (int seq = 1; seq <= messages; seq++) {
            StoredMessage m = BrokerTest.message("g-" + seq, 4);
            m.properties().put(MessageGroups.GROUP_ID, "g");
            m.properties().put("color", seq == 2 ? "red" : "blue");
            state.enqueue(m);
        }
        return state;
    }

    private static List<StoredMessage> claim(DestinationState state, Claimer claimer, Selector selector, long now) {
        List<String> timedOut = state.expireDueLeases(now);
        ClaimDecision d = state.decideClaim(selector, now, 10, claimer).timedOut(timedOut);
        return state.applyClaim(d, claimer).messages();
    }

    private static List<String> ids(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::messageId).toList();
    }

    @Test
    void aTimedOutLeaseFreesTheGroupOfAConsumerThatHangs() {
        DestinationState state = queue(DestinationSettings.defaults().withLeaseTimeoutMillis(500), 2);
        assertEquals(List.of("g-1", "g-2"), ids(claim(state, HUNG, Selector.ALL, 1_000)));
        assertEquals(List.of(), ids(claim(state, NEXT, Selector.ALL, 1_400)), "bound to the hung consumer");

        List<StoredMessage> taken = claim(state, NEXT, Selector.ALL, 1_600);
        assertEquals(List.of("g-1", "g-2"), ids(taken), "both leases timed out: the group moved, in order");
        assertEquals(Boolean.TRUE, taken.get(0).properties().get(MessageGroups.FIRST_FOR_CONSUMER));
        assertNull(taken.get(1).properties().get(MessageGroups.FIRST_FOR_CONSUMER));
        assertEquals(NEXT, state.groups().holderOf("g"));
    }

    @Test
    void aRolledBackMessageWaitingOutItsRedeliveryDelayHoldsBackTheRestOfItsGroup() {
        DestinationState state = queue(DestinationSettings.defaults().withRedeliveryDelayMillis(500), 3);
        StoredMessage first = claim(state, HUNG, Selector.ALL, 1_000).get(0);
        state.release(List.of("g-2", "g-3"), HUNG.owner(), false, 1_000); // prefetched, never delivered
        state.release(List.of(first.messageId()), HUNG.owner(), true, 1_000); // rolled back: redelivered at 1 500
        assertEquals(List.of(), ids(claim(state, HUNG, Selector.ALL, 1_100)), "g-2 may not overtake g-1");
        assertEquals(List.of("g-1", "g-2", "g-3"), ids(claim(state, HUNG, Selector.ALL, 1_500)));
    }

    @Test
    void theDepartureOfTheConsumersNodeFreesItsGroups() {
        DestinationState state = queue(DestinationSettings.defaults(), 2);
        claim(state, HUNG, Selector.ALL, 1_000);
        state.releaseOwner(new LeaseOwner("node-a", "", ""), LeaseOwner.Scope.NODE, 1_100);
        assertNull(state.groups().holderOf("g"));
        List<StoredMessage> taken = claim(state, NEXT, Selector.ALL, 1_200);
        assertEquals(List.of("g-1", "g-2"), ids(taken));
        assertEquals(2, taken.get(0).deliveryCount(), "redelivered");
    }

    @Test
    void aBoundConsumerWhoseSelectorRefusesAMessageOfItsGroupLeavesItWaitingAndBrowsingSeesAll() throws Exception {
        DestinationState state = queue(DestinationSettings.defaults(), 3);
        Selector blue = Selector.parse("color = 'blue'");
        List<StoredMessage> taken = claim(state, HUNG, blue, 1_000);
        assertEquals(List.of("g-1", "g-3"), ids(taken), "its selector applies within its group");
        assertEquals(List.of(), ids(claim(state, NEXT, Selector.ALL, 1_100)), "g-2 waits for the group's consumer");
        assertEquals(List.of("g-2"), ids(state.browse(Selector.ALL, Long.MIN_VALUE, 10, 1_100)), "browsing ignores groups");
    }

    @Test
    void aConsumerWhoseSelectorRefusesEveryGroupedMessageDoesNotHoldBackTheSpreadingOfGroups() throws Exception {
        DestinationState state = new DestinationState("queue:q", DestinationSettings.defaults());
        for (String group : List.of("a", "b")) {
            StoredMessage m = BrokerTest.message(group, 4);
            m.properties().put(MessageGroups.GROUP_ID, group);
            state.enqueue(m);
        }
        Claimer others = new Claimer(new LeaseOwner("node-c", "conn-c", "session-c"), "consumer-c");
        assertEquals(List.of(), ids(claim(state, others, Selector.parse("JMSXGroupID IS NULL"), 1_000)));
        assertEquals(List.of("a", "b"), ids(claim(state, HUNG, Selector.ALL, 1_100)),
                "the consumer that takes no groups is not waited for");
    }
}
