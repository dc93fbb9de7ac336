package io.hazeljms.bench.mdb;

import io.hazeljms.bench.ArtemisBroker;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Artemis' resource adapter (artemis-jakarta-ra from Maven Central, packaged by bench-artemis-ra) in Payara Micro,
 * consuming over TCP from the harness's Artemis broker in this JVM (persistent NIO journal with Artemis' default
 * syncs, 127.0.0.1:{@value ArtemisBroker#PORT}). The probe fills the queue over the same TCP acceptor.
 */
final class ArtemisOnMicro implements MdbTarget {

    private final Path rar;
    private final Path workDir;
    private ArtemisBroker broker;
    private ActiveMQConnectionFactory producer;

    ArtemisOnMicro(Path rar, Path workDir) {
        this.rar = rar;
        this.workDir = workDir;
    }

    @Override
    public String id() {
        return "artemis";
    }

    @Override
    public Path rar() {
        return rar;
    }

    @Override
    public List<String> setupCommands() {
        return List.of();
    }

    @Override
    public Map<String, String> activation() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("resourceAdapter", "artemis-ra");
        a.put("destinationType", "jakarta.jms.Queue");
        a.put("destination", QUEUE);
        a.put("useJNDI", "false");
        a.put("maxSession", Integer.toString(MAX_SESSION));
        return a;
    }

    @Override
    public void startBroker() throws Exception {
        broker = ArtemisBroker.start(true, workDir);
    }

    @Override
    public ConnectionFactory producerFactory() {
        if (producer == null) {
            producer = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + ArtemisBroker.PORT);
        }
        return producer;
    }

    @Override
    public long leftInQueue() throws Exception {
        // counts delivered but uncommitted messages too: what a delivery transaction that never committed leaves
        return broker.tcp().depth(QUEUE);
    }

    @Override
    public String describe() {
        return "Artemis RA 2.40.0 in Micro over TCP to an Artemis 2.56.0 broker in the probe's JVM (persistent"
                + " journal, default syncs), filled over TCP";
    }

    @Override
    public void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            closeProducer();
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }
}
