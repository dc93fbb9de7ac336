package io.hazeljms.store;

import com.hazelcast.core.HazelcastInstance;
import io.hazeljms.store.durable.DurableStore;

/**
 * The durable store of a member, in its user context: the departure handling (which runs on the oldest member,
 * outside any broker) applies a departed committer's transactions to it and forgets the departed node there.
 */
final class DurableStores {

    static final String USER_CONTEXT_KEY = "hazeljms.durableStore";

    private DurableStores() {
    }

    static void register(HazelcastInstance hz, DurableStore store) {
        if (hz.getLocalEndpoint() instanceof com.hazelcast.cluster.Member) {
            hz.getUserContext().putIfAbsent(USER_CONTEXT_KEY, store);
        }
    }

    static void unregister(HazelcastInstance hz, DurableStore store) {
        try {
            hz.getUserContext().remove(USER_CONTEXT_KEY, store);
        } catch (IllegalStateException notRunning) {
            // a client (or member) already shut down, its cluster gone: its user context went with it
        }
    }

    /** The member's durable store, or null. */
    static DurableStore of(HazelcastInstance hz) {
        Object store = hz.getUserContext().get(USER_CONTEXT_KEY);
        return store instanceof DurableStore d ? d : null;
    }
}
