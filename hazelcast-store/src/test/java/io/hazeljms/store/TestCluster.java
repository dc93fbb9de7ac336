package io.hazeljms.store;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Real Hazelcast members in this JVM, on loopback only, in a cluster of their own (unique name), configured
 * exactly as the provider's embedded mode configures them.
 */
public final class TestCluster implements AutoCloseable {

    public static final int BASE_PORT = 5801;
    private static final int PORT_COUNT = 12;

    private final String name = "hjms-test-" + UUID.randomUUID();
    private final int backupCount;
    private final List<HazelcastInstance> members = new ArrayList<>();

    private TestCluster(int backupCount) {
        this.backupCount = backupCount;
    }

    public static TestCluster start(int size) {
        return start(size, StoreConfig.DEFAULT_BACKUP_COUNT);
    }

    public static TestCluster start(int size, int backupCount) {
        TestCluster cluster = new TestCluster(backupCount);
        for (int i = 0; i < size; i++) {
            cluster.addMember();
        }
        cluster.awaitSize(size);
        return cluster;
    }

    public static List<String> memberList() {
        List<String> list = new ArrayList<>();
        for (int p = BASE_PORT; p < BASE_PORT + PORT_COUNT; p++) {
            list.add("127.0.0.1:" + p);
        }
        return list;
    }

    public String name() {
        return name;
    }

    public Config memberConfig() {
        Config config = StoreConfig.embeddedMember(name, "127.0.0.1", BASE_PORT, memberList(), backupCount,
                TestCluster.class.getClassLoader());
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.getNetworkConfig().setPortCount(PORT_COUNT);
        return config;
    }

    public HazelcastInstance addMember() {
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(memberConfig());
        members.add(hz);
        return hz;
    }

    public HazelcastInstance member(int i) {
        return members.get(i);
    }

    public List<HazelcastInstance> members() {
        return members;
    }

    /** Kills a member without a goodbye: its partitions are recovered from backups. */
    public void terminate(HazelcastInstance hz) {
        members.remove(hz);
        hz.getLifecycleService().terminate();
    }

    /** Members join before newHazelcastInstance returns; then wait (bounded) until every backup is in place. */
    public void awaitSize(int size) {
        for (HazelcastInstance m : members) {
            if (m.getCluster().getMembers().size() != size) {
                throw new AssertionError("expected a cluster of " + size + ", member sees "
                        + m.getCluster().getMembers());
            }
        }
        awaitSafe();
    }

    /** Blocks until the partitions' backups are in sync (after a member joins or leaves), at most 60 s. */
    public void awaitSafe() {
        for (HazelcastInstance m : members) {
            if (!m.getPartitionService().forceLocalMemberToBeSafe(60, TimeUnit.SECONDS)) {
                throw new AssertionError("member did not become safe within 60 s: " + m.getName());
            }
        }
    }

    @Override
    public void close() {
        for (HazelcastInstance hz : members) {
            hz.getLifecycleService().terminate();
        }
        members.clear();
    }
}
