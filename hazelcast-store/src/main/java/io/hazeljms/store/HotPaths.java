package io.hazeljms.store;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.hazeljms.store.hazelcastinternal.MemberOperationsHotPath;

import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Chooses a {@link Broker}'s {@link HotPath}, once, at its start: the member operations only on a member (a
 * client cannot send them) whose Hazelcast version is one they are tested on, whose configuration registers
 * their serializers, and only when the setting is AUTO; the public API otherwise. Says which and why, in one line.
 * The member operations' classes are loaded only when they are chosen.
 */
final class HotPaths {

    private static final Logger LOG = Logger.getLogger(HotPaths.class.getName());

    private HotPaths() {
    }

    static HotPath choose(HazelcastInstance hz, MemberOperations setting, PublicApiHotPath publicApi,
                          StoreCalls calls) {
        String why = whyNot(hz, setting);
        HotPath chosen = why == null ? MemberOperationsHotPath.create(hz, publicApi, calls) : publicApi;
        if (why == null && chosen == null) {
            why = "the member's internals are not reachable";
            chosen = publicApi;
        }
        LOG.info(StoreError.HOT_PATH_CHOSEN.text(hz.getName(), why == null
                ? "member operations (Hazelcast " + version(hz) + ", memberOperations=auto)"
                : "public API (" + why + ")"));
        return chosen;
    }

    /** Why the member operations may not be used here, or null if they may. */
    private static String whyNot(HazelcastInstance hz, MemberOperations setting) {
        if (setting == MemberOperations.OFF) {
            return "memberOperations=off";
        }
        if (!(hz.getLocalEndpoint() instanceof Member)) {
            return "a client";
        }
        String version = version(hz);
        if (!isTested(version)) {
            return "Hazelcast " + version + " is not one the member operations are tested on: "
                    + new TreeSet<>(MemberOperations.TESTED_HAZELCAST_VERSIONS);
        }
        if (!hz.getConfig().getSerializationConfig().getDataSerializableFactories()
                .containsKey(StoreSerializers.MEMBER_OPERATIONS_FACTORY_ID)) {
            return "the member's configuration lacks the member operations' serializers: apply StoreConfig.applyTo";
        }
        return null;
    }

    static boolean isTested(String hazelcastVersion) {
        return MemberOperations.TESTED_HAZELCAST_VERSIONS.contains(hazelcastVersion);
    }

    private static String version(HazelcastInstance hz) {
        return hz.getCluster().getLocalMember().getVersion().toString();
    }
}
