package io.hazeljms.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which sends one destination's state takes as duplicates, and which it must never drop. */
class DuplicateIdStateTest {

    private static StoredMessage withDuplicateId(String messageId, String property, String duplicateId) {
        StoredMessage m = BrokerTest.message(messageId, 4);
        m.properties().put(property, duplicateId);
        return m;
    }

    @Test
    void aDuplicateIdIsOneSendWhateverTheMessageIdAndArtemisNameIsTheSame() {
        DestinationState state = new DestinationState("queue:q", DestinationSettings.defaults());
        assertTrue(state.enqueue(withDuplicateId("ID:1", StoredMessage.DUPLICATE_ID_PROPERTY, "order-7")));
        assertFalse(state.enqueue(withDuplicateId("ID:2", StoredMessage.DUPLICATE_ID_PROPERTY, "order-7")));
        assertFalse(state.enqueue(withDuplicateId("ID:3", StoredMessage.ARTEMIS_DUPLICATE_ID_PROPERTY, "order-7")));
        assertFalse(state.enqueue(BrokerTest.message("ID:1", 4)), "the same message id: a retried send");
        assertTrue(state.enqueue(BrokerTest.message("order-7", 4)), "a message id is not a duplicate id");
        assertEquals(2, state.pendingCount());
        assertEquals(3, state.stats().duplicatesDropped());
    }

    @Test
    void movedMessagesAndRestoredOnesAreNeverDroppedForTheirDuplicateId() {
        DestinationState dlq = new DestinationState("queue:DLQ", DestinationSettings.defaults());
        for (String id : new String[] {"ID:1", "ID:2"}) { // one duplicate id, sent twice far apart, both dead
            StoredMessage m = withDuplicateId(id, StoredMessage.DUPLICATE_ID_PROPERTY, "order-7");
            m.properties().put(DestinationState.ORIGIN_PROPERTY, "queue:orders");
            assertTrue(dlq.enqueue(m));
        }
        DestinationState restored = new DestinationState("queue:q", DestinationSettings.defaults());
        assertTrue(restored.restore(withDuplicateId("ID:1", StoredMessage.DUPLICATE_ID_PROPERTY, "order-7")));
        assertTrue(restored.restore(withDuplicateId("ID:2", StoredMessage.DUPLICATE_ID_PROPERTY, "order-7")));
        assertFalse(restored.enqueue(withDuplicateId("ID:3", StoredMessage.DUPLICATE_ID_PROPERTY, "order-7")),
                "a restored message's duplicate id is remembered again");
    }

    @Test
    void theWindowIsTheDestinationsCacheSizeAndZeroSwitchesItOff() {
        DestinationState state = new DestinationState("queue:q",
                DestinationSettings.defaults().withDuplicateIdCacheSize(2));
        assertTrue(state.enqueue(withDuplicateId("ID:1", StoredMessage.DUPLICATE_ID_PROPERTY, "a")));
        assertTrue(state.enqueue(withDuplicateId("ID:2", StoredMessage.DUPLICATE_ID_PROPERTY, "b")));
        assertTrue(state.enqueue(withDuplicateId("ID:3", StoredMessage.DUPLICATE_ID_PROPERTY, "c")));
        assertTrue(state.enqueue(withDuplicateId("ID:4", StoredMessage.DUPLICATE_ID_PROPERTY, "a")), "beyond the window");
        assertFalse(state.enqueue(withDuplicateId("ID:5", StoredMessage.DUPLICATE_ID_PROPERTY, "c")));
        state.replaceSettings(DestinationSettings.defaults().withDuplicateIdCacheSize(0));
        assertTrue(state.enqueue(withDuplicateId("ID:6", StoredMessage.DUPLICATE_ID_PROPERTY, "c")), "off");
        assertFalse(state.enqueue(BrokerTest.message("ID:6", 4)), "a message it holds is still not stored twice");
    }
}
