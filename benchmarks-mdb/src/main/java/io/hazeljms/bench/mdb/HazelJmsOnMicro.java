package io.hazeljms.bench.mdb;

import io.hazeljms.jms.HazelcastConnectionFactory;
import io.hazeljms.jms.config.ProviderConfig;
import jakarta.jms.ConnectionFactory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * HazelJMS's RAR in Payara Micro: the broker is the Hazelcast member the adapter starts in Micro's JVM (its
 * default, embedded mode), with the default durable store (H2 in a file, under the work directory). The probe fills
 * the queue as a Hazelcast client of that member, the way a sender in another JVM on the same machine would, with
 * the same store configuration.
 */
final class HazelJmsOnMicro implements MdbTarget {

    /** The adapter's member port; a cluster name of its own per run, so nothing else on the machine joins. */
    static final int PORT = 5945;

    private final Path rar;
    private final Path workDir;
    private final boolean durableStore;
    private final String cluster = "mdbbench-" + UUID.randomUUID();
    private HazelcastConnectionFactory producer;

    /** {@code durableStore} false: the adapter's store off (messages in the cluster's memory only). */
    HazelJmsOnMicro(Path rar, Path workDir, boolean durableStore) {
        this.rar = rar;
        this.workDir = workDir;
        this.durableStore = durableStore;
    }

    @Override
    public String id() {
        return durableStore ? "hazeljms" : "hazeljms-memory";
    }

    @Override
    public Path rar() {
        return rar;
    }

    /**
     * The embedded store's directory, the same for the adapter and the probe's client: a node writes through what
     * it commits (the client its sends, the adapter its MDBs' acknowledgements), and the nodes of one machine share
     * one file per cluster name. With two directories the sends and their deletes would go to two files.
     */
    private Path storeDirectory() {
        return workDir.resolve("durable-store").toAbsolutePath();
    }

    @Override
    public List<String> setupCommands() {
        return List.of("create-resource-adapter-config --property clusterName=" + cluster + ":port=" + PORT
                + (durableStore ? ":durableStoreDirectory=" + storeDirectory() : ":durableStore=off")
                + " hazeljms-ra");
    }

    @Override
    public Map<String, String> activation() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("resourceAdapter", "hazeljms-ra");
        a.put("destinationType", "jakarta.jms.Queue");
        a.put("destination", QUEUE);
        a.put("maxSession", Integer.toString(MAX_SESSION));
        return a;
    }

    @Override
    public void startBroker() {
        // the broker starts with the adapter, in Micro
    }

    @Override
    public ConnectionFactory producerFactory() {
        if (producer == null) {
            producer = new HazelcastConnectionFactory(ProviderConfig.builder()
                    .client(List.of("127.0.0.1:" + PORT)).clusterName(cluster)
                    .durableStore(durableStore ? "embedded" : "off")
                    .durableStoreDirectory(storeDirectory().toString()).build());
        }
        return producer;
    }

    @Override
    public long leftInQueue() {
        // the store's depth is not visible through JMS; the adapter's own tests check that MDB commits remove
        return -1;
    }

    @Override
    public String describe() {
        return "HazelJMS RAR, embedded member in Micro, durable store " + (durableStore ? "H2 (default)" : "off")
                + ", filled by a Hazelcast client";
    }

    @Override
    public void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    @Override
    public void close() {
        closeProducer();
    }
}
