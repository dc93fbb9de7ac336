package io.hazeljms.store;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a member runs the hot path (enqueue, parked claim) as the store's own partition operations, which use
 * Hazelcast internals, or as entry processors and events only (public API). Clients always use the latter.
 * Decided once per {@link Broker} ({@link HotPaths}).
 */
public enum MemberOperations {
    /** Member operations on a member whose Hazelcast version is one we test them on; public API otherwise. */
    AUTO,
    /** Public API only, whatever the version. */
    OFF;

    /** The JVM-wide default, {@code auto} or {@code off}: what a {@link Broker} built without a choice uses. */
    public static final String PROPERTY = "hazeljms.memberOperations";

    /**
     * Hazelcast versions the member operations are tested on (the store and provider suites pass on them);
     * on any other version AUTO takes the public API.
     */
    public static final Set<String> TESTED_HAZELCAST_VERSIONS = Set.of("5.3.8", "5.7.0");

    /** The value of {@link #PROPERTY}, AUTO when unset. */
    public static MemberOperations jvmDefault() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? AUTO : parse(value, PROPERTY);
    }

    /**
     * {@code auto} or {@code off}, in any case.
     *
     * @param setting the name of the setting the value came from, for the message
     * @throws IllegalArgumentException naming the setting, the value and what it may be
     */
    public static MemberOperations parse(String value, String setting) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "auto" -> AUTO;
            case "off" -> OFF;
            default -> throw new IllegalArgumentException(
                    setting + " must be auto or off, was '" + value + "'");
        };
    }
}
