package io.hazeljms.store;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
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
        if (size > 0) {
            cluster.awaitSize(size);
        }
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
        return addMember(memberConfig());
    }

    /** Starts a member with a configuration derived from {@link #memberConfig()}. */
    public HazelcastInstance addMember(Config config) {
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(config);
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

    /** Waits (bounded) on membership events until every member sees {@code size} members, then for backups. */
    public void awaitSize(int size) {
        Object changed = new Object();
        List<java.util.UUID> registrations = new ArrayList<>();
        MembershipListener listener = new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                synchronized (changed) {
                    changed.notifyAll();
                }
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                memberAdded(e);
            }
        };
        members.forEach(m -> registrations.add(m.getCluster().addMembershipListener(listener)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            synchronized (changed) {
                while (!members.stream().allMatch(m -> m.getCluster().getMembers().size() == size)) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        throw new AssertionError("expected a cluster of " + size + ", members see "
                                + members.stream().map(m -> m.getCluster().getMembers().size()).toList());
                    }
                    changed.wait(left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for the cluster to form");
        } finally {
            for (int i = 0; i < members.size(); i++) {
                members.get(i).getCluster().removeMembershipListener(registrations.get(i));
            }
        }
        awaitSafe();
    }

    /** Blocks until the partitions' backups are in sync (after a member joins or leaves), at most 60 s. */
    public void awaitSafe() {
        // partitions are assigned lazily, on the first operation that needs them
        members.get(0).getMap(StoreConfig.DESTINATIONS_MAP).size();
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
