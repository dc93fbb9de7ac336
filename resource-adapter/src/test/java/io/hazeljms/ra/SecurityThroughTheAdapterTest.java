package io.hazeljms.ra;

import io.hazeljms.jms.security.PasswordHash;
import io.hazeljms.ra.inbound.HazelJmsActivationSpec;
import io.hazeljms.ra.outbound.HazelJmsManagedConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.resource.spi.security.PasswordCredential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.security.auth.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Credentials through the resource adapter (JCA 2.1 chapter 9) with a real embedded member and the adapter's
 * authenticator: the container's Subject, the application's createConnection(user, password), the factory's
 * userName/password, refusals as JMSSecurityException, pooled connections matched by identity, and MDB logins.
 * alice may send and consume everything; bob may only consume: what a connection may do shows whom it acts as.
 */
class SecurityThroughTheAdapterTest {

    private static final String ALICE = "alice:" + PasswordHash.of("secret", 1_000) + ":producer";
    private static final String BOB = "bob:" + PasswordHash.of("bobs-pass", 1_000) + ":consumer";

    private HazelJmsResourceAdapter ra;
    private Fakes.Bootstrap bootstrap;
    private HazelJmsManagedConnectionFactory mcf;
    private String queueName;

    @BeforeEach
    void start() throws Exception {
        ra = new HazelJmsResourceAdapter();
        ra.setClusterName("ra-sec-" + UUID.randomUUID());
        ra.setPort(5890);
        ra.setAuthenticator("users");
        ra.setUsers(ALICE + ";" + BOB);
        ra.setPermissions("* # producer; consume,browse,createDestination # consumer");
        bootstrap = new Fakes.Bootstrap();
        ra.start(bootstrap);
        mcf = new HazelJmsManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        queueName = "ra-sec-" + UUID.randomUUID();
    }

    @AfterEach
    void stop() {
        ra.stop();
        bootstrap.pool.shutdownNow();
    }

    private Subject subjectFor(ManagedConnectionFactory factory, String user, String password) {
        PasswordCredential credential = new PasswordCredential(user, password.toCharArray());
        credential.setManagedConnectionFactory(factory);
        Subject subject = new Subject();
        subject.getPrivateCredentials().add(credential);
        return subject;
    }

    /** Sends one message through a session of {@code connection}: only a producer may. */
    private void send(Connection connection, String text) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue(queueName);
        session.createProducer(queue).send(session.createTextMessage(text));
    }

    private static void assertRefused(String id, String message, String... secrets) {
        assertNotNull(message);
        assertTrue(message.startsWith(id), message);
        for (String secret : secrets) {
            assertFalse(message.contains(secret), "no password in: " + message);
        }
    }

    // --- container-managed sign-on: the Subject's PasswordCredential -----------------------------------------

    @Test
    void containerManagedSignOnLogsInWithThisFactorysPasswordCredential() throws Exception {
        ManagedConnection alice = mcf.createManagedConnection(subjectFor(mcf, "alice", "secret"), null);
        assertEquals("alice", alice.getMetaData().getUserName());
        alice.destroy();

        // a credential for another factory is not ours: no credentials then, and no defaultUser
        HazelJmsManagedConnectionFactory other = new HazelJmsManagedConnectionFactory();
        other.setResourceAdapter(ra);
        other.setClientId("another-factory");
        jakarta.resource.spi.SecurityException refused = assertThrows(jakarta.resource.spi.SecurityException.class,
                () -> mcf.createManagedConnection(subjectFor(other, "alice", "secret"), null));
        assertRefused("HJMS-SEC-002", refused.getMessage());

        jakarta.resource.spi.SecurityException wrong = assertThrows(jakarta.resource.spi.SecurityException.class,
                () -> mcf.createManagedConnection(subjectFor(mcf, "alice", "not-hers"), null));
        assertRefused("HJMS-SEC-001", wrong.getMessage(), "not-hers");
        assertTrue(wrong.getCause() instanceof JMSSecurityException, "the provider's refusal is the cause");
    }

    @Test
    void aContainerThatPassesTheSubjectGetsSessionsOfThatUser() throws Exception {
        PoolingManager container = new PoolingManager(() -> subjectFor(mcf, "bob", "bobs-pass"));
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory(container);
        try (Connection connection = cf.createConnection()) {
            JMSSecurityException e = assertThrows(JMSSecurityException.class, () -> send(connection, "from bob"));
            assertRefused("HJMS-SEC-003", e.getMessage()); // bob got in, as bob: he may not send
        }
    }

    // --- application sign-on: createConnection(user, password) --------------------------------------------

    @Test
    void applicationCredentialsAreCheckedAtOnceAndUsedForTheSessions() throws Exception {
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory();
        try (Connection alice = cf.createConnection("alice", "secret")) {
            send(alice, "from alice");
        }
        try (Connection bob = cf.createConnection("bob", "bobs-pass")) {
            Session session = bob.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(queueName);
            assertRefused("HJMS-SEC-003", assertThrows(JMSSecurityException.class,
                    () -> session.createProducer(queue).send(session.createTextMessage("x"))).getMessage());
            bob.start();
            assertEquals("from alice", ((TextMessage) session.createConsumer(queue).receive(10_000)).getText());
        }
        JMSSecurityException wrong = assertThrows(JMSSecurityException.class,
                () -> cf.createConnection("alice", "guessed"));
        assertRefused("HJMS-SEC-001", wrong.getMessage(), "guessed");
        assertEquals("HJMS-SEC-001", wrong.getErrorCode());
        assertThrows(JMSSecurityException.class,
                () -> ((jakarta.jms.QueueConnectionFactory) cf).createQueueConnection("nobody", "x"));
        assertThrows(JMSSecurityException.class,
                () -> ((jakarta.jms.TopicConnectionFactory) cf).createTopicConnection("alice", "x"));

        JMSSecurityRuntimeException context = assertThrows(JMSSecurityRuntimeException.class,
                () -> cf.createContext("alice", "guessed"));
        assertRefused("HJMS-SEC-001", context.getMessage(), "guessed");
        try (JMSContext ok = cf.createContext("alice", "secret", JMSContext.AUTO_ACKNOWLEDGE)) {
            ok.createProducer().send(ok.createQueue(queueName), "context of alice");
        }
    }

    @Test
    void applicationCredentialsWinOverTheContainersSubject() throws Exception {
        PoolingManager container = new PoolingManager(() -> subjectFor(mcf, "bob", "bobs-pass"));
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory(container);
        try (Connection alice = cf.createConnection("alice", "secret")) {
            send(alice, "alice, though the container would have sent bob");
        }
    }

    // --- the factory's own userName and password ----------------------------------------------------------

    @Test
    void withoutOtherCredentialsTheFactorysUserNameAndPasswordLogIn() throws Exception {
        mcf.setUserName("alice");
        mcf.setPassword("secret");
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory();
        try (Connection connection = cf.createConnection()) {
            send(connection, "configured alice");
        }
        try (JMSContext context = cf.createContext()) {
            context.createProducer().send(context.createQueue(queueName), "configured alice, simplified API");
        }
        assertFalse(mcf.toString().contains("secret"));

        HazelJmsManagedConnectionFactory misconfigured = new HazelJmsManagedConnectionFactory();
        misconfigured.setResourceAdapter(ra);
        misconfigured.setUserName("alice");
        misconfigured.setPassword("stale");
        ConnectionFactory stale = (ConnectionFactory) misconfigured.createConnectionFactory();
        try (Connection connection = stale.createConnection()) {
            JMSSecurityException e = assertThrows(JMSSecurityException.class,
                    () -> connection.createSession(false, Session.AUTO_ACKNOWLEDGE));
            assertRefused("HJMS-SEC-001", e.getMessage(), "stale");
        }
        try (JMSContext context = stale.createContext()) {
            JMSSecurityRuntimeException e = assertThrows(JMSSecurityRuntimeException.class,
                    () -> context.createProducer().send(context.createQueue(queueName), "x"));
            assertRefused("HJMS-SEC-001", e.getMessage(), "stale");
        }
    }

    @Test
    void noCredentialsAndNoDefaultUserIsARefusalNamingTheSetting() throws Exception {
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory();
        try (Connection connection = cf.createConnection()) {
            JMSSecurityException e = assertThrows(JMSSecurityException.class,
                    () -> connection.createSession(false, Session.AUTO_ACKNOWLEDGE));
            assertRefused("HJMS-SEC-002", e.getMessage());
            assertTrue(e.getMessage().contains("defaultUser"), e.getMessage());
            assertNotNull(connection.getMetaData(), "metadata needs no login");
        }
    }

    /** Payara wraps what createManagedConnection throws (a PoolingException in a ResourceAllocationException). */
    @Test
    void aRefusalTheContainerWrapsIsStillAJmsSecurityException() throws Exception {
        ConnectionManager wrapping = (factory, info) -> {
            try {
                return new PoolingManager(() -> null).allocateConnection(factory, info);
            } catch (ResourceException e) {
                ResourceAllocationException outer = new ResourceAllocationException("error creating connection");
                outer.initCause(new Exception("pooling failed", e));
                throw outer;
            }
        };
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory(wrapping);
        try (Connection connection = cf.createConnection()) {
            JMSSecurityException e = assertThrows(JMSSecurityException.class,
                    () -> connection.createSession(false, Session.AUTO_ACKNOWLEDGE));
            assertRefused("HJMS-SEC-002", e.getMessage());
            assertTrue(e.getLinkedException() instanceof ResourceAllocationException);
        }
    }

    // --- pooled connections are matched by identity ---------------------------------------------------------

    @Test
    void aPooledConnectionServesOnlyRequestsWithTheSameUserAndPassword() throws Exception {
        ManagedConnection alice = mcf.createManagedConnection(subjectFor(mcf, "alice", "secret"), null);
        Set<ManagedConnection> pool = Set.of(alice);
        assertSame(alice, mcf.matchManagedConnections(pool, subjectFor(mcf, "alice", "secret"), null));
        assertNull(mcf.matchManagedConnections(pool, subjectFor(mcf, "alice", "wrong"), null),
                "claiming alice with a wrong password does not get her connection");
        assertNull(mcf.matchManagedConnections(pool, subjectFor(mcf, "bob", "bobs-pass"), null));
        assertNull(mcf.matchManagedConnections(pool, null, null), "nor does a request without credentials");

        jakarta.resource.spi.SecurityException refused = assertThrows(jakarta.resource.spi.SecurityException.class,
                () -> alice.getConnection(subjectFor(mcf, "alice", "wrong"), null));
        assertRefused("HJMS-RA-018", refused.getMessage(), "wrong", "secret");
        assertNotNull(alice.getConnection(subjectFor(mcf, "alice", "secret"), null));
        alice.destroy();
    }

    @Test
    void aPoolReusesAConnectionForItsUserAndMakesAnotherForSomeoneElse() throws Exception {
        PoolingManager container = new PoolingManager(() -> null);
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory(container);
        for (int i = 0; i < 3; i++) {
            try (Connection alice = cf.createConnection("alice", "secret")) {
                send(alice, "alice " + i);
            }
        }
        assertEquals(1, container.created.size(), "alice's pooled connection served her three times");
        try (Connection bob = cf.createConnection("bob", "bobs-pass")) {
            assertThrows(JMSSecurityException.class, () -> send(bob, "bob may not send"));
        }
        assertEquals(2, container.created.size(), "bob got a connection of his own");
        assertNotSame(container.created.get(0), container.created.get(1));
    }

    // --- message-driven beans: the activation spec's userName and password ------------------------------------

    @Test
    void anMdbLogsInWithItsActivationSpecsCredentials() throws Exception {
        try (Connection alice = ((ConnectionFactory) mcf.createConnectionFactory()).createConnection("alice", "secret")) {
            send(alice, "for the bean");
        }
        HazelJmsActivationSpec spec = new HazelJmsActivationSpec();
        spec.setResourceAdapter(ra);
        spec.setDestination(queueName);
        spec.setMaxSession(1);
        spec.setUserName("bob");
        spec.setPassword("bobs-pass");
        assertFalse(spec.toString().contains("bobs-pass"), spec.toString());
        CountDownLatch received = new CountDownLatch(1);
        Fakes.EndpointFactory bean = new Fakes.EndpointFactory(true, m -> received.countDown());
        ra.endpointActivation(bean, spec);
        try {
            assertTrue(received.await(30, TimeUnit.SECONDS), "bob may consume");
        } finally {
            ra.endpointDeactivation(bean, spec);
        }
    }

    @Test
    void anMdbWithoutCredentialsIsRefusedUnlessTheAdapterHasADefaultUser() throws Exception {
        HazelJmsActivationSpec spec = new HazelJmsActivationSpec();
        spec.setResourceAdapter(ra);
        spec.setDestination(queueName);
        Fakes.EndpointFactory bean = new Fakes.EndpointFactory(true, m -> { });
        jakarta.resource.spi.SecurityException refused = assertThrows(jakarta.resource.spi.SecurityException.class,
                () -> ra.endpointActivation(bean, spec));
        String message = refused.getMessage();
        assertTrue(message.startsWith("HJMS-RA-068") && message.contains("test-mdb") && message.contains(queueName)
                && message.contains("HJMS-SEC-002"), message);

        HazelJmsActivationSpec wrong = new HazelJmsActivationSpec();
        wrong.setResourceAdapter(ra);
        wrong.setDestination(queueName);
        wrong.setUserName("bob");
        wrong.setPassword("not-bobs");
        String wrongMessage = assertThrows(jakarta.resource.spi.SecurityException.class,
                () -> ra.endpointActivation(bean, wrong)).getMessage();
        assertTrue(wrongMessage.contains("HJMS-SEC-001") && !wrongMessage.contains("not-bobs"), wrongMessage);
    }

    @Test
    void anMdbThatSetsItsDestinationsPolicyNeedsManageOnIt() throws Exception {
        HazelJmsActivationSpec bobs = new HazelJmsActivationSpec();
        bobs.setResourceAdapter(ra);
        bobs.setDestination(queueName);
        bobs.setMaxSession(1);
        bobs.setUserName("bob");
        bobs.setPassword("bobs-pass");
        bobs.setMaxDeliveryAttempts(2);
        Fakes.EndpointFactory bean = new Fakes.EndpointFactory(true, m -> { });
        String refused = assertThrows(jakarta.resource.spi.SecurityException.class,
                () -> ra.endpointActivation(bean, bobs)).getMessage();
        assertTrue(refused.startsWith("HJMS-RA-068") && refused.contains("HJMS-SEC-003")
                && refused.contains("'manage'"), refused);
        io.hazeljms.store.DestinationKey key = io.hazeljms.store.DestinationKey.queue(queueName);
        io.hazeljms.store.DestinationSettings unchanged = ra.provider().node().broker().administration().settings(key);
        assertTrue(unchanged == null || unchanged.deadLetter().maxDeliveryAttempts() != 2, "a refused policy changes nothing");

        HazelJmsActivationSpec alices = new HazelJmsActivationSpec();
        alices.setResourceAdapter(ra);
        alices.setDestination(queueName);
        alices.setMaxSession(1);
        alices.setUserName("alice");
        alices.setPassword("secret");
        alices.setMaxDeliveryAttempts(2);
        ra.endpointActivation(bean, alices);
        try {
            assertEquals(2, ra.provider().node().broker().administration().settings(key).deadLetter().maxDeliveryAttempts());
        } finally {
            ra.endpointDeactivation(bean, alices);
        }
    }

    @Test
    void anMdbWithoutCredentialsActsAsTheDefaultUser() throws Exception {
        ra.stop();
        ra = new HazelJmsResourceAdapter();
        ra.setClusterName("ra-sec-" + UUID.randomUUID());
        ra.setPort(5890);
        ra.setAuthenticator("users");
        ra.setUsers(ALICE);
        ra.setDefaultUser("guest");
        ra.setDefaultRoles("producer");
        ra.setPermissions("* # producer");
        ra.start(bootstrap);
        try (Connection guest = ra.provider().createConnection()) {
            send(guest, "for the bean");
        }
        HazelJmsActivationSpec spec = new HazelJmsActivationSpec();
        spec.setResourceAdapter(ra);
        spec.setDestination(queueName);
        spec.setMaxSession(1);
        CountDownLatch received = new CountDownLatch(1);
        Fakes.EndpointFactory bean = new Fakes.EndpointFactory(true, m -> received.countDown());
        ra.endpointActivation(bean, spec);
        try {
            assertTrue(received.await(30, TimeUnit.SECONDS));
        } finally {
            ra.endpointDeactivation(bean, spec);
        }
    }

    /**
     * A container in miniature: keeps released managed connections, asks the factory to match one before making a
     * new one, and passes the Subject it would build for container-managed sign-on.
     */
    private static final class PoolingManager implements ConnectionManager {
        private static final long serialVersionUID = 1L;
        private final transient Supplier<Subject> subject;
        private final transient List<ManagedConnection> free = new ArrayList<>();
        final transient List<ManagedConnection> created = new ArrayList<>();

        PoolingManager(Supplier<Subject> subject) {
            this.subject = subject;
        }

        @Override
        public synchronized Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
                throws ResourceException {
            Subject s = subject.get();
            ManagedConnection mc = factory.matchManagedConnections(Set.copyOf(free), s, info);
            if (mc == null) {
                mc = factory.createManagedConnection(s, info);
                created.add(mc);
                ManagedConnection made = mc;
                mc.addConnectionEventListener(new ConnectionEventListener() {
                    @Override
                    public void connectionClosed(ConnectionEvent event) {
                        try {
                            made.cleanup();
                        } catch (ResourceException e) {
                            throw new IllegalStateException(e);
                        }
                        synchronized (PoolingManager.this) {
                            free.add(made);
                        }
                    }

                    @Override public void localTransactionStarted(ConnectionEvent event) { }
                    @Override public void localTransactionCommitted(ConnectionEvent event) { }
                    @Override public void localTransactionRolledback(ConnectionEvent event) { }
                    @Override public void connectionErrorOccurred(ConnectionEvent event) { }
                });
            } else {
                free.remove(mc);
            }
            return mc.getConnection(s, info);
        }
    }
}
