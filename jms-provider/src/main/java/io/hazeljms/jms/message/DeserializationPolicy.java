package io.hazeljms.jms.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which classes an {@link jakarta.jms.ObjectMessage} body received from the broker may contain. Java
 * deserialization of untrusted bytes can run code, so only allowed classes are loaded.
 *
 * <p>An entry is a package prefix or a class name:
 * <ul>
 *   <li>{@code "com.example."} (ending in a dot) allows every class whose name starts with it;</li>
 *   <li>{@code "org.acme.Foo"} allows the class of that name, and also every class in a package of that name
 *       and its sub-packages (so {@code "com.example"} works like {@code "com.example."});</li>
 *   <li>{@code "*"} allows everything.</li>
 * </ul>
 * Primitive types are always allowed, and an array is allowed when its element type is.
 * {@link #defaults()} allows {@code java.lang.}, {@code java.util.}, {@code java.math.} and {@code java.time.}
 * (with their sub-packages); the other factories add the application's entries to these.
 *
 * <p>Immutable and thread-safe.
 */
public final class DeserializationPolicy {

    /** The configuration property that takes the comma-separated allow-list (see {@link #parse}). */
    public static final String CONFIG_PROPERTY = "objectMessageAllowList";

    private static final String ALL = "*";
    private static final List<String> DEFAULT_ENTRIES = List.of("java.lang.", "java.util.", "java.math.", "java.time.");
    private static final DeserializationPolicy DEFAULTS = new DeserializationPolicy(DEFAULT_ENTRIES);

    /** Defaults first, then the application's entries in the order given; no duplicates. */
    private final List<String> entries;
    private final boolean allowsEverything;

    private DeserializationPolicy(List<String> entries) {
        this.entries = List.copyOf(entries);
        this.allowsEverything = entries.contains(ALL);
    }

    /** The JDK value types only: {@code java.lang}, {@code java.util}, {@code java.math}, {@code java.time}. */
    public static DeserializationPolicy defaults() {
        return DEFAULTS;
    }

    /** Allows every class. Only for bodies from trusted producers. */
    public static DeserializationPolicy allowingEverything() {
        return DEFAULTS.and(ALL);
    }

    /** The defaults plus the given package prefixes and class names (blank entries are ignored). */
    public static DeserializationPolicy allowing(String... packagesOrClasses) {
        return DEFAULTS.and(packagesOrClasses);
    }

    /**
     * The defaults plus the entries of a comma-separated configuration value, e.g.
     * {@code "com.example.,org.acme.Foo"}; {@code "*"} allows everything; null or blank gives the defaults.
     */
    public static DeserializationPolicy parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return DEFAULTS;
        }
        return DEFAULTS.and(commaSeparated.split(","));
    }

    /** This policy with more entries allowed. */
    public DeserializationPolicy and(String... packagesOrClasses) {
        Set<String> all = new LinkedHashSet<>(entries);
        for (String entry : packagesOrClasses) {
            if (entry != null && !entry.isBlank()) {
                all.add(entry.strip());
            }
        }
        return new DeserializationPolicy(new ArrayList<>(all));
    }

    /** The entries, defaults first. */
    public List<String> entries() {
        return Collections.unmodifiableList(entries);
    }

    public boolean allowsEverything() {
        return allowsEverything;
    }

    /** Whether a class may be deserialized: arrays by their element type, primitives always. */
    public boolean isAllowed(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        return element.isPrimitive() || isAllowed(element.getName());
    }

    /** Whether a (non-array) class of this binary name may be deserialized. */
    public boolean isAllowed(String className) {
        if (allowsEverything) {
            return true;
        }
        for (String entry : entries) {
            if (matches(entry, className)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String entry, String className) {
        if (entry.endsWith(".")) {
            return className.startsWith(entry);
        }
        return className.equals(entry)
                || (className.startsWith(entry) && className.charAt(entry.length()) == '.');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeserializationPolicy p && p.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries);
    }

    @Override
    public String toString() {
        return "DeserializationPolicy" + entries;
    }
}
