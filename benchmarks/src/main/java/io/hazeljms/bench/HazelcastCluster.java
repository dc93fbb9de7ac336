package io.hazeljms.bench;

import com.hazelcast.cluster.Member;
import com.hazelcast.collection.IQueue;
import com.hazelcast.config.Config;
import com.hazelcast.config.QueueConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.hazeljms.jms.HazelcastConnectionFactory;
import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.store.DestinationKey;
import io.hazeljms.store.StoreConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * One cluster shape in this JVM, on loopback only, in a cluster of its own (unique name, ports from
 * {@value #BASE_PORT}): the member a {@link HazelcastConnectionFactory} starts in embedded mode, plus
 * {@code members - 1} further members configured exactly as the provider configures its own
 * ({@link StoreConfig#embeddedMember}), all with the same backup count. Both Hazelcast targets run on it:
 * {@link #hazelJms()} through the JMS API and {@link #iqueue()} with raw {@code IQueue} offer/poll, both
 * through the factory's member, so they see the same shape.
 */
public final class HazelcastCluster implements AutoCloseable {

    public static final int BASE_PORT = 5900;
    private static final int PORT_COUNT = 10;

    private final String name = "hjms-bench-" + UUID.randomUUID();
    private final int backupCount;
    private final Durability durability;
    private final HazelcastConnectionFactory factory;
    private final HazelcastInstance local;
    private final List<HazelcastInstance> others = new ArrayList<>();

    /**
     * Where the provider writes PERSISTENT messages before it enqueues them (its durable store), and the id of
     * the HazelJMS target on such a cluster.
     *
     * @param targetId   {@code hazeljms} (in memory), {@code hazeljms-h2} or {@code hazeljms-pg}
     * @param store      the provider's {@code durableStore}: {@code off}, {@code embedded} or a JDBC URL; always set
     *                   explicitly, so the JVM default ({@code -Dhazeljms.durableStore}) plays no part
     * @param directory  {@code durableStoreDirectory} for {@code embedded} (its H2 file), else null
     */
    public record Durability(String targetId, String store, Path directory) {

        /** Messages in memory only, with synchronous backups: the store without its durable write-through. */
        public static final Durability IN_MEMORY = new Durability("hazeljms", "off", null);

        public static Durability embedded(Path directory) {
            return new Durability("hazeljms-h2", "embedded", directory);
        }

        public static Durability jdbc(String url) {
            return new Durability("hazeljms-pg", url, null);
        }
    }

    private HazelcastCluster(int members, int backupCount, Durability durability, int prefetch) {
        this.backupCount = backupCount;
        this.durability = durability;
        List<String> list = new ArrayList<>();
        for (int p = BASE_PORT; p < BASE_PORT + PORT_COUNT; p++) {
            list.add("127.0.0.1:" + p);
        }
        factory = new HazelcastConnectionFactory(ProviderConfig.builder()
                .embedded()
                .clusterName(name)
                .bindInterface("127.0.0.1")
                .port(BASE_PORT)
                .members(list)
                .backupCount(backupCount)
                .durableStore(durability.store())
                .durableStoreDirectory(durability.directory() == null ? null : durability.directory().toString())
                .prefetch(prefetch)
                .build());
        try {
            local = factory.node().hazelcast();
            // raw IQueue gets the same redundancy as the store's map
            local.getConfig().addQueueConfig(new QueueConfig("bench-*").setBackupCount(backupCount)
                    .setAsyncBackupCount(0).setStatisticsEnabled(false));
            for (int i = 1; i < members; i++) {
                Config config = StoreConfig.embeddedMember(name, "127.0.0.1", BASE_PORT, list, backupCount,
                        HazelcastCluster.class.getClassLoader());
                config.setProperty("hazelcast.wait.seconds.before.join", "0");
                config.getNetworkConfig().setPortCount(PORT_COUNT);
                others.add(Hazelcast.newHazelcastInstance(config));
            }
            awaitFormed(members);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** Starts {@code members} members with the given backup count and waits (bounded) until they are safe. */
    public static HazelcastCluster start(int members, int backupCount) {
        return start(members, backupCount, Durability.IN_MEMORY);
    }

    /** As {@link #start(int, int)}, with the provider's durable store configured as {@code durability} says. */
    public static HazelcastCluster start(int members, int backupCount, Durability durability) {
        return start(members, backupCount, durability, ProviderConfig.builder().build().prefetch());
    }

    /** As {@link #start(int, int, Durability)}, with the consumers' {@code prefetch} (1: one message per claim). */
    public static HazelcastCluster start(int members, int backupCount, Durability durability, int prefetch) {
        if (members < 1 || members > PORT_COUNT) {
            throw new IllegalArgumentException("members must be 1.." + PORT_COUNT + ", was " + members);
        }
        return new HazelcastCluster(members, backupCount, durability, prefetch);
    }

    public int members() {
        return 1 + others.size();
    }

    public int backupCount() {
        return backupCount;
    }

    public HazelcastInstance local() {
        return local;
    }

    /**
     * A JMS connection factory that connects to this cluster as a Hazelcast client (the public-API hot path, as an
     * application server in client mode), with the consumers' {@code prefetch}; the caller closes it.
     */
    public HazelcastConnectionFactory clientFactory(int prefetch) {
        return new HazelcastConnectionFactory(ProviderConfig.builder()
                .client(List.of("127.0.0.1:" + BASE_PORT))
                .clusterName(name)
                .durableStore(durability.store()) // the members' store: a node on another one is refused
                .durableStoreDirectory(durability.directory() == null ? null : durability.directory().toString())
                .prefetch(prefetch)
                .build());
    }

    /** The JMS connection factory of the local member (the one {@link #hazelJms()} uses). */
    public HazelcastConnectionFactory factory() {
        return factory;
    }

    private void awaitFormed(int size) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<HazelcastInstance> all = all();
        while (!all.stream().allMatch(m -> m.getCluster().getMembers().size() == size)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cluster " + name + " did not reach " + size + " members in 60 s");
            }
            sleep(20);
        }
        // partitions are assigned on first use; then wait until every backup is in sync
        local.getMap(StoreConfig.DESTINATIONS_MAP).size();
        for (HazelcastInstance m : all) {
            if (!m.getPartitionService().forceLocalMemberToBeSafe(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("member " + m.getName() + " not safe within 60 s");
            }
        }
    }

    private List<HazelcastInstance> all() {
        List<HazelcastInstance> all = new ArrayList<>();
        all.add(local);
        all.addAll(others);
        return all;
    }

    /**
     * {@code base}, or on a cluster of more than one member {@code base-N} for the first N whose partition
     * key ({@code keyOf}) is owned by another member than the local one.
     */
    String remoteOwned(String base, UnaryOperator<String> keyOf) {
        if (others.isEmpty()) {
            return base;
        }
        Member self = local.getCluster().getLocalMember();
        for (int i = 0; i < 10_000; i++) {
            String candidate = base + "-" + i;
            Member owner = local.getPartitionService().getPartition(keyOf.apply(candidate)).getOwner();
            if (owner != null && !owner.equals(self)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no remote-owned partition found for " + base);
    }

    /**
     * HazelJMS through the JMS API, on the factory's embedded member; its id says which durable store it writes
     * PERSISTENT messages to ({@code hazeljms}: none).
     */
    public Target hazelJms() {
        return new Target() {
            @Override
            public String id() {
                return durability.targetId();
            }

            @Override
            public int members() {
                return HazelcastCluster.this.members();
            }

            @Override
            public String queueName(String base) {
                return remoteOwned(base, n -> DestinationKey.queue(n).encode());
            }

            @Override
            public Sender sender(String queue, boolean persistent) throws Exception {
                return JmsEndpoints.sender(factory, queue, persistent);
            }

            @Override
            public Receiver receiver(String queue) throws Exception {
                return JmsEndpoints.receiver(factory, queue);
            }

            @Override
            public long depth(String queue) {
                return factory.node().broker().administration().depth(DestinationKey.queue(queue));
            }

            @Override
            public void dispose(String queue) {
                factory.node().broker().administration().deleteDestination(DestinationKey.queue(queue));
            }
        };
    }

    /** Raw {@code IQueue} offer/poll on the same member: what the store could reach at best. */
    public Target iqueue() {
        return new Target() {
            @Override
            public String id() {
                return "iqueue";
            }

            @Override
            public int members() {
                return HazelcastCluster.this.members();
            }

            @Override
            public String queueName(String base) {
                return remoteOwned(base, n -> n);
            }

            @Override
            public Sender sender(String queue, boolean persistent) {
                IQueue<String> q = local.getQueue(queue);
                return new Sender() {
                    @Override
                    public void send(String payload) {
                        if (!q.offer(payload)) {
                            throw new IllegalStateException("IQueue " + queue + " refused an offer (full)");
                        }
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public Receiver receiver(String queue) {
                IQueue<String> q = local.getQueue(queue);
                return new Receiver() {
                    @Override
                    public String receive(long timeoutMillis) throws InterruptedException {
                        return q.poll(timeoutMillis, TimeUnit.MILLISECONDS);
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public long depth(String queue) {
                return local.getQueue(queue).size();
            }

            @Override
            public void dispose(String queue) {
                local.getQueue(queue).destroy();
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Shuts every member down (the factory's with it). */
    @Override
    public void close() {
        for (HazelcastInstance m : others) {
            m.getLifecycleService().terminate();
        }
        others.clear();
        factory.close();
    }
}
