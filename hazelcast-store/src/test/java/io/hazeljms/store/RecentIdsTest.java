package io.hazeljms.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window of recently stored message ids that makes retried sends and completed commits idempotent. */
class RecentIdsTest {

    @Test
    void remembersTheLastCapacityIdsAndForgetsTheOldest() {
        RecentIds ids = new RecentIds();
        assertFalse(ids.contains("ID:a-0"));
        int total = RecentIds.CAPACITY + 100;
        for (int i = 0; i < total; i++) {
            ids.add("ID:a-" + i);
        }
        for (int i = 0; i < 100; i++) {
            assertFalse(ids.contains("ID:a-" + i), "the oldest ids make room: " + i);
        }
        for (int i = 100; i < total; i++) {
            assertTrue(ids.contains("ID:a-" + i), "a recent id is remembered: " + i);
        }
    }

    @Test
    void addingAnIdTwiceKeepsOneEntry() {
        RecentIds ids = new RecentIds();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 10; i++) {
                ids.add("ID:b-" + i);
            }
        }
        for (int i = 10; i < RecentIds.CAPACITY; i++) {
            ids.add("ID:b-" + i);
        }
        assertTrue(ids.contains("ID:b-0"), "re-adding did not use up capacity");
        ids.add("ID:b-new");
        assertFalse(ids.contains("ID:b-0"), "now the oldest makes room");
    }
}
