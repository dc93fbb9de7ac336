package io.hazeljms.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DestinationKeyTest {

    @Test
    void encodesAsTheMapKeyAndParsesBack() {
        assertEquals("queue:orders", DestinationKey.queue("orders").encode());
        assertEquals("topic:prices", DestinationKey.topic("prices").encode());
        assertEquals("temp-queue:t1", DestinationKey.temporaryQueue("t1").encode());
        assertEquals("temp-topic:t2", DestinationKey.temporaryTopic("t2").encode());
        for (DestinationKey key : List.of(DestinationKey.queue("orders"), DestinationKey.topic("a:b"),
                DestinationKey.temporaryQueue("t1"), DestinationKey.temporaryTopic("t2"), DestinationKey.queue(""))) {
            assertEquals(key, DestinationKey.parse(key.encode()));
        }
        assertEquals("queue:orders", DestinationKey.queue("orders").toString());
    }

    @Test
    void knowsItsKind() {
        assertTrue(DestinationKey.queue("q").isQueue());
        assertFalse(DestinationKey.queue("q").isTopic());
        assertTrue(DestinationKey.topic("t").isTopic());
        assertTrue(DestinationKey.temporaryQueue("q").isQueue());
        assertTrue(DestinationKey.temporaryTopic("t").isTopic());
        assertTrue(DestinationKey.temporaryTopic("t").isTemporary());
        assertFalse(DestinationKey.topic("t").isTemporary());
        assertEquals(DestinationState.isTopicKey("topic:t"), DestinationKey.parse("topic:t").isTopic());
        assertEquals(DestinationState.isTopicKey("temp-topic:t"), DestinationKey.parse("temp-topic:t").isTopic());
    }

    @Test
    void refusesAStringThatIsNeither() {
        for (String bad : List.of("orders", "", ":orders", "queues:orders", "Queue:orders")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DestinationKey.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }
}
