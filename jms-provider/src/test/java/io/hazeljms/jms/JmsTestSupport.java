package io.hazeljms.jms;

import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.store.TestCluster;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One real member per test class; each test gets fresh queue names and closes what it opened. Subclasses may
 * override {@link #config} to change the provider's policies.
 */
public abstract class JmsTestSupport {

    protected static TestCluster cluster;
    protected HazelcastConnectionFactory factory;
    private final List<Connection> connections = new ArrayList<>();
    protected String testName;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start(1);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    protected ProviderConfig.Builder config() {
        return ProviderConfig.builder();
    }

    @BeforeEach
    void createFactory(TestInfo info) {
        testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
        factory = new HazelcastConnectionFactory(config().instance(cluster.member(0)).build());
    }

    @AfterEach
    void closeConnections() throws JMSException {
        for (Connection c : connections) {
            c.close();
        }
        factory.close();
    }

    protected Connection connection() throws JMSException {
        Connection c = factory.createConnection();
        connections.add(c);
        return c;
    }

    protected Connection startedConnection() throws JMSException {
        Connection c = connection();
        c.start();
        return c;
    }

    protected Session session(int mode) throws JMSException {
        return startedConnection().createSession(mode);
    }

    /** A queue no other test uses. */
    protected Queue freshQueue(Session session) throws JMSException {
        return session.createQueue(testName + "-" + UUID.randomUUID());
    }
}
