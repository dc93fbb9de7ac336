package io.hazeljms.jms.message;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeserializationPolicyTest {

    @Test
    void defaultsAllowTheJdkValuePackagesPrimitivesAndArrays() {
        DeserializationPolicy p = DeserializationPolicy.defaults();
        for (Class<?> c : new Class<?>[] {String.class, Integer.class, java.util.ArrayList.class,
                java.util.concurrent.ConcurrentHashMap.class, java.math.BigDecimal.class, java.time.Instant.class,
                int[].class, long[][].class, String[].class, int.class}) {
            assertTrue(p.isAllowed(c), c.getName());
        }
        for (Class<?> c : new Class<?>[] {javax.management.ObjectName.class, java.net.URL.class,
                DeserializationPolicyTest.class, DeserializationPolicyTest[].class, java.io.File.class}) {
            assertFalse(p.isAllowed(c), c.getName());
        }
        assertFalse(p.allowsEverything());
        assertEquals(List.of("java.lang.", "java.util.", "java.math.", "java.time."), p.entries());
    }

    @Test
    void prefixEntryEndingInADotMatchesTheStartOfTheName() {
        DeserializationPolicy p = DeserializationPolicy.allowing("com.example.");
        assertTrue(p.isAllowed("com.example.Foo"));
        assertTrue(p.isAllowed("com.example.sub.Bar"));
        assertFalse(p.isAllowed("com.examples.Foo"));
        assertFalse(p.isAllowed("com.exampleFoo"));
    }

    @Test
    void entryWithoutTrailingDotIsAClassOrAPackage() {
        DeserializationPolicy p = DeserializationPolicy.allowing("org.acme.Foo", "com.example");
        assertTrue(p.isAllowed("org.acme.Foo"));
        assertFalse(p.isAllowed("org.acme.FooBar"));
        assertFalse(p.isAllowed("org.acme.Bar"));
        assertFalse(p.isAllowed("org.acme.Foo$Inner"), "a nested class must be named itself");
        assertTrue(p.isAllowed("com.example.Foo"));
        assertTrue(p.isAllowed("com.example.sub.Foo"));
        assertFalse(p.isAllowed("com.examples.Foo"));
    }

    @Test
    void parseSplitsOnCommasAndTrims() {
        DeserializationPolicy p = DeserializationPolicy.parse(" com.example. , org.acme.Foo,,  ");
        assertEquals(List.of("java.lang.", "java.util.", "java.math.", "java.time.", "com.example.", "org.acme.Foo"),
                p.entries());
        assertTrue(p.isAllowed("org.acme.Foo"));
        assertTrue(p.isAllowed("com.example.X"));
    }

    @Test
    void blankConfigurationGivesTheDefaults() {
        assertSame(DeserializationPolicy.defaults(), DeserializationPolicy.parse(null));
        assertSame(DeserializationPolicy.defaults(), DeserializationPolicy.parse("  "));
        assertEquals(DeserializationPolicy.defaults(), DeserializationPolicy.allowing());
    }

    @Test
    void starAllowsEverything() {
        DeserializationPolicy p = DeserializationPolicy.parse("*");
        assertTrue(p.allowsEverything());
        assertTrue(p.isAllowed("anything.At.All"));
        assertTrue(DeserializationPolicy.allowingEverything().isAllowed(DeserializationPolicyTest.class));
    }

    @Test
    void isImmutableAndComparable() {
        DeserializationPolicy base = DeserializationPolicy.defaults();
        DeserializationPolicy more = base.and("x.");
        assertFalse(base.isAllowed("x.Y"));
        assertTrue(more.isAllowed("x.Y"));
        assertEquals(more, DeserializationPolicy.allowing("x."));
        assertEquals(more.hashCode(), DeserializationPolicy.allowing("x.").hashCode());
        assertNotEquals(base, more);
        assertTrue(more.toString().contains("x."));
    }
}
