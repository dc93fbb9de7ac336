package io.hazeljms.bench;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * ActiveMQ Artemis embedded in this JVM, with an in-VM acceptor and a TCP acceptor on 127.0.0.1:{@value #PORT}.
 * Persistent: its NIO journal in a fresh directory under the work directory (removed on close), default
 * journal settings, stated explicitly: sync on every durable send, transactional or not, batched by the
 * journal's buffer timeout. Not persistent:
 * persistence disabled. Security and JMX off. Clients use Artemis' default connection-factory settings
 * (durable sends block until stored, non-durable sends do not block, 1 MiB consumer window).
 */
public final class ArtemisBroker implements AutoCloseable {

    public static final int PORT = 5960;

    private final boolean persistent;
    private final Path dataDir;
    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final ActiveMQConnectionFactory invm;
    private final ActiveMQConnectionFactory tcp;

    private ArtemisBroker(boolean persistent, Path workDir) throws Exception {
        this.persistent = persistent;
        this.dataDir = workDir.resolve("artemis-data").resolve(UUID.randomUUID().toString());
        Configuration config = new ConfigurationImpl()
                .setName("bench")
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setPersistenceEnabled(persistent)
                .setJournalType(JournalType.NIO)
                // Artemis' defaults, stated so the comparison with a durable store that syncs stays explicit: a
                // durable send returns once the journal file is forced to disk (fsync, or fdatasync with datasync)
                .setJournalSyncNonTransactional(true)
                .setJournalSyncTransactional(true)
                .setJournalDatasync(true)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large").toString());
        config.addAcceptorConfiguration("invm", "vm://0");
        config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + PORT);
        server.setConfiguration(config);
        server.start();
        invm = new ActiveMQConnectionFactory("vm://0");
        tcp = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + PORT);
    }

    public static ArtemisBroker start(boolean persistent, Path workDir) throws Exception {
        return new ArtemisBroker(persistent, workDir);
    }

    public boolean persistent() {
        return persistent;
    }

    public Target invm() {
        return target("artemis-invm", invm);
    }

    public Target tcp() {
        return target("artemis-tcp", tcp);
    }

    /**
     * A new in-VM connection factory on this broker whose consumers buffer nothing ({@code consumerWindowSize=0}:
     * each receive asks the broker for one message); the caller closes it.
     */
    public ActiveMQConnectionFactory unbufferedInVm() {
        ActiveMQConnectionFactory f = new ActiveMQConnectionFactory("vm://0");
        f.setConsumerWindowSize(0);
        return f;
    }

    private Target target(String id, ActiveMQConnectionFactory factory) {
        return new Target() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public int members() {
                return 1;
            }

            @Override
            public Sender sender(String queue, boolean durable) throws Exception {
                return JmsEndpoints.sender(factory, queue, durable);
            }

            @Override
            public Receiver receiver(String queue) throws Exception {
                return JmsEndpoints.receiver(factory, queue);
            }

            @Override
            public long depth(String queue) {
                Queue q = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
                return q == null ? 0 : q.getMessageCount();
            }

            @Override
            public void dispose(String queue) throws Exception {
                server.getActiveMQServer().destroyQueue(SimpleString.of(queue), null, false, true);
            }
        };
    }

    @Override
    public void close() throws Exception {
        try {
            invm.close();
            tcp.close();
            server.stop();
        } finally {
            WorkDirs.deleteTree(dataDir);
        }
    }
}
