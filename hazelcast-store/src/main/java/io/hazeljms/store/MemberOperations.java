package io.hazeljms.store;

/**
 * Whether a member runs the hot path (enqueue, parked claim) as the store's own partition operations, which use
 * Hazelcast internals, or as entry processors and events only (public API). Clients always use the latter.
 */
public enum MemberOperations {
    /** Member operations on a member whose Hazelcast version is one we test them on; public API otherwise. */
    AUTO,
    /** Public API only, whatever the version. */
    OFF
}
