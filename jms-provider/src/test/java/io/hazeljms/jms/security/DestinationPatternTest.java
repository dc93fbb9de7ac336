package io.hazeljms.jms.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Artemis's wildcard syntax: '*' one word, '#' any number of words, an optional queue:/topic: prefix. */
class DestinationPatternTest {

    @Test
    void starIsExactlyOneWord() {
        DestinationPattern p = DestinationPattern.parse("orders.*");
        assertTrue(p.matches(true, "orders.eu"));
        assertFalse(p.matches(true, "orders"));
        assertFalse(p.matches(true, "orders.eu.archive"));
        assertFalse(p.matches(true, "ordersx.eu"));
    }

    @Test
    void hashIsAnyNumberOfWordsNoneIncluded() {
        DestinationPattern p = DestinationPattern.parse("orders.#");
        assertTrue(p.matches(true, "orders"));
        assertTrue(p.matches(true, "orders.eu"));
        assertTrue(p.matches(false, "orders.eu.archive"));
        assertFalse(p.matches(true, "invoices.eu"));
        DestinationPattern middle = DestinationPattern.parse("a.#.z");
        assertTrue(middle.matches(true, "a.z"));
        assertTrue(middle.matches(true, "a.b.c.z"));
        assertFalse(middle.matches(true, "a.b.c"));
        assertTrue(DestinationPattern.parse("#").matches(false, "anything.at.all"));
    }

    @Test
    void literalNamesMatchOnlyThemselves() {
        DestinationPattern p = DestinationPattern.parse("orders");
        assertTrue(p.matches(true, "orders"));
        assertFalse(p.matches(true, "orders.eu"));
        assertFalse(p.matches(true, "order"));
    }

    @Test
    void aPrefixLimitsTheKind() {
        assertTrue(DestinationPattern.parse("queue:orders.#").matches(true, "orders.eu"));
        assertFalse(DestinationPattern.parse("queue:orders.#").matches(false, "orders.eu"));
        assertTrue(DestinationPattern.parse("topic:prices").matches(false, "prices"));
        assertFalse(DestinationPattern.parse("topic:prices").matches(true, "prices"));
    }

    @Test
    void grantsParseAndRefuseWhatTheyDoNotGive() {
        AccessRules rules = AccessRules.parse("send,browse orders.# writers; * # admins", "test");
        Identity writer = new Identity("w", java.util.Set.of("writers"));
        assertTrue(rules.allows(writer, Permission.SEND, true, "orders.eu"));
        assertTrue(rules.allows(writer, Permission.BROWSE, true, "orders"));
        assertFalse(rules.allows(writer, Permission.CONSUME, true, "orders.eu"));
        assertFalse(rules.allows(writer, Permission.SEND, true, "invoices"));
        Identity admin = new Identity("a", java.util.Set.of("admins"));
        for (Permission permission : Permission.values()) {
            assertTrue(rules.allows(admin, permission, false, "x.y"));
        }
        assertFalse(rules.allows(new Identity("n", java.util.Set.of()), Permission.SEND, true, "orders"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> AccessRules.parse("send orders.#", "permissions"));
        assertEquals("permissions: grant 'send orders.#' is not 'permission[,permission] pattern role[,role]'",
                bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AccessRules.parse("send queue: writers", "p"));
    }
}
