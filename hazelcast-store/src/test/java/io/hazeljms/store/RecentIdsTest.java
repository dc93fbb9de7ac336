package io.hazeljms.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window of recently stored send ids that makes retried sends, duplicates and completed commits idempotent. */
class RecentIdsTest {

    private static final int CAPACITY = 20_000;

    @Test
    void remembersTheLastCapacityIdsAndForgetsTheOldest() {
        RecentIds ids = new RecentIds();
        assertFalse(ids.contains("ID:a-0"));
        int total = CAPACITY + 100;
        for (int i = 0; i < total; i++) {
            ids.add("ID:a-" + i, CAPACITY);
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
        int capacity = 100;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 10; i++) {
                ids.add("ID:b-" + i, capacity);
            }
        }
        for (int i = 10; i < capacity; i++) {
            ids.add("ID:b-" + i, capacity);
        }
        assertTrue(ids.contains("ID:b-0"), "re-adding did not use up capacity");
        ids.add("ID:b-new", capacity);
        assertFalse(ids.contains("ID:b-0"), "now the oldest makes room");
    }

    @Test
    void aLowerCapacityKeepsTheNewestAndZeroRemembersNothing() {
        RecentIds ids = new RecentIds();
        for (int i = 0; i < 50; i++) {
            ids.add("ID:c-" + i, 50);
        }
        ids.trimTo(10);
        assertEquals(10, ids.size());
        assertFalse(ids.contains("ID:c-39"));
        assertTrue(ids.contains("ID:c-40") && ids.contains("ID:c-49"));
        ids.add("ID:c-50", 10);
        assertFalse(ids.contains("ID:c-40"), "still a ring of 10");
        RecentIds sparse = new RecentIds();
        for (int i = 0; i < 20; i++) {
            sparse.add("ID:d-" + i, 32); // a ring grown past 16
        }
        sparse.trimTo(24); // holds fewer than 24: the ring shrinks all the same, so the 25th id evicts the 1st
        for (int i = 20; i < 25; i++) {
            sparse.add("ID:d-" + i, 24);
        }
        assertEquals(24, sparse.size());
        assertFalse(sparse.contains("ID:d-0"));
        assertTrue(sparse.contains("ID:d-1"));
        ids.add("ID:c-51", 0);
        assertEquals(0, ids.size());
        assertFalse(ids.contains("ID:c-51"));
    }
}
