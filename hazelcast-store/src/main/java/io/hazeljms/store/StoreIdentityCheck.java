package io.hazeljms.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.hazeljms.store.durable.DurableStore;

/**
 * One durable store per cluster: the first broker of a cluster records its store's identity (or that it has none)
 * in {@link StoreConfig#RECOVERY_MAP}, and every later broker must have the same, or it does not start. A node
 * with another store would write its PERSISTENT sends where no node reads them back after a restart of the whole
 * cluster; one without a store would not write them at all; one with a store in a cluster without would write
 * rows that a later start loads into a cluster that never had them. The entry lives as long as the cluster (with
 * backups), so after a restart of the whole cluster its first broker records the store afresh.
 */
final class StoreIdentityCheck {

    static final String KEY = "store";
    private static final String OFF = "off";

    private StoreIdentityCheck() {
    }

    /**
     * Records this node's store as the cluster's if it is the first, else compares; called before the node writes
     * anything or takes part in recovery. Made through {@code calls}, so that a member lost while this node
     * starts (the record's owner or backup) only delays it: a repeated putIfAbsent finds this node's own record.
     *
     * @throws DurableStoreMismatchException naming both stores, when they differ
     */
    static void verify(HazelcastInstance hz, DurableStore store, StoreCalls calls) {
        verify(hz, store, calls, StoreError.DURABLE_STORE_NOT_THE_CLUSTERS);
    }

    /** As {@link #verify(HazelcastInstance, DurableStore, StoreCalls)}, refusing with {@code refusal}. */
    static void verify(HazelcastInstance hz, DurableStore store, StoreCalls calls, StoreError refusal) {
        String mine = store == null ? OFF : store.identity() + " " + store.description();
        IMap<String, String> marks = hz.getMap(StoreConfig.RECOVERY_MAP);
        String cluster = calls.callBlocking("the cluster's durable store record", KEY,
                () -> marks.putIfAbsent(KEY, mine));
        if (cluster != null && !identity(cluster).equals(identity(mine))) {
            throw new DurableStoreMismatchException(refusal.text(describe(mine), describe(cluster)), refusal);
        }
    }

    private static String identity(String recorded) {
        int space = recorded.indexOf(' ');
        return space < 0 ? recorded : recorded.substring(0, space);
    }

    /** A store as a user configured it: its description (never a password), or off. */
    private static String describe(String recorded) {
        int space = recorded.indexOf(' ');
        return space < 0 ? "off (memory only)"
                : recorded.substring(space + 1) + " (store id " + recorded.substring(0, space) + ")";
    }
}
