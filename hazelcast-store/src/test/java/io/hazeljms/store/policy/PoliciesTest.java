package io.hazeljms.store.policy;

import io.hazeljms.store.StoredMessage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoliciesTest {

    @Test
    void aMessageIsDeadOnceItsDeliveriesReachTheLimitButNeverOnTheDeadLetterQueueItself() {
        DeadLetterPolicy policy = new DeadLetterPolicy(3, "DLQ");
        StoredMessage m = new StoredMessage("ID:1", "orders").deliveryCount(2);
        assertFalse(policy.isDead(m, "orders"));
        m.deliveryCount(3);
        assertTrue(policy.isDead(m, "orders"));
        assertFalse(policy.isDead(m, "DLQ"), "a dead letter must not loop on the dead-letter queue");
        assertEquals("delivery attempts exceeded (3)", policy.reason());
    }

    @Test
    void blankQueueNamesMeanNoQueue() {
        assertNull(new DeadLetterPolicy(1, "  ").queue());
        assertNull(new ExpiryPolicy("").queue());
        assertEquals("EXP", new ExpiryPolicy(" EXP ").queue());
    }

    @Test
    void badValuesAreRefusedWithWhatToFix() {
        IllegalArgumentException attempts = assertThrows(IllegalArgumentException.class, () -> new DeadLetterPolicy(0, "DLQ"));
        assertTrue(attempts.getMessage().contains("maxDeliveryAttempts must be at least 1"), attempts.getMessage());
        IllegalArgumentException delay = assertThrows(IllegalArgumentException.class, () -> new RedeliveryPolicy(-1));
        assertTrue(delay.getMessage().contains("must not be negative"), delay.getMessage());
    }

    @Test
    void aReleasedMessageWaitsTheRedeliveryDelay() {
        assertEquals(0, RedeliveryPolicy.DEFAULT.redeliverAt(1_000));
        assertEquals(1_250, new RedeliveryPolicy(250).redeliverAt(1_000));
    }
}
