package io.hazeljms.sample.campaign;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecipientsTest {

    @Test
    void generatesDistinctAddressesWithExactlyTheFailingOnesSpreadOut() {
        for (int[] c : new int[][] {{1000, 0}, {1000, 2}, {10, 3}, {7, 4}, {5, 5}, {1, 1}, {200, 3}}) {
            Recipients recipients = Recipients.generated(c[0], c[1]);
            List<String> all = new ArrayList<>();
            recipients.forEach(all::add);
            assertEquals(c[0], all.size());
            assertEquals(c[0], new HashSet<>(all).size(), "distinct");
            assertEquals(c[1], all.stream().filter(Recipients::isFailing).count(), "failing of " + c[0] + "/" + c[1]);
        }
        Recipients r = Recipients.generated(1000, 2);
        assertEquals("user-00001@example.com", r.get(0));
        assertEquals("fail-00500@example.com", r.get(499));
        assertEquals("fail-01000@example.com", r.get(999));
    }

    @Test
    void explicitListCountsItsFailingAddresses() {
        Recipients r = Recipients.of(List.of("a@x.org", "will-FAIL@x.org", "b@x.org"));
        assertFalse(r.isGenerated());
        assertEquals(3, r.size());
        assertEquals(1, r.failing());
        assertTrue(Recipients.isFailing(r.get(1)));
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> Recipients.generated(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Recipients.generated(3, 4));
    }
}
