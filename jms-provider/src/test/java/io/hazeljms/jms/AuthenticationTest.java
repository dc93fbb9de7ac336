package io.hazeljms.jms;

import io.hazeljms.jms.config.InvalidConfigurationException;
import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.jms.security.Identity;
import io.hazeljms.jms.security.PasswordHash;
import io.hazeljms.store.TestCluster;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.XAJMSContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may connect: every connection and context method checks credentials once an authenticator is set. */
class AuthenticationTest {

    /** Few iterations keep the tests fast; the format and check are the same as with the default count. */
    static final String ALICE = "alice:" + PasswordHash.of("secret", 1_000) + ":producer,consumer";
    static final String BOB = "bob:" + PasswordHash.of("bobs-pass", 1_000) + ":consumer";

    private static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(1);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static ProviderConfig.Builder secured() {
        return ProviderConfig.builder().instance(cluster.member(0)).authenticator("users").users(ALICE + ";" + BOB);
    }

    @Test
    void everyConnectionMethodRefusesBadCredentials() throws Exception {
        try (HazelcastConnectionFactory factory = new HazelcastConnectionFactory(secured().build())) {
            List<Executable> classic = List.of(
                    () -> factory.createConnection("invalid", "invalid"),
                    () -> factory.createConnection("alice", "wrong"),
                    () -> factory.createConnection("alice", null),
                    () -> factory.createQueueConnection("invalid", "invalid"),
                    () -> factory.createTopicConnection("invalid", "invalid"),
                    () -> factory.createXAConnection("invalid", "invalid"),
                    () -> factory.createXAQueueConnection("invalid", "invalid"),
                    () -> factory.createXATopicConnection("invalid", "invalid"));
            for (Executable call : classic) {
                JMSSecurityException e = assertThrows(JMSSecurityException.class, call);
                assertTrue(e.getMessage().startsWith("HJMS-SEC-001"), e.getMessage());
                assertEquals("HJMS-SEC-001", e.getErrorCode());
            }
            List<Executable> simplified = List.of(
                    () -> factory.createContext("invalid", "invalid"),
                    () -> factory.createContext("invalid", "invalid", JMSContext.CLIENT_ACKNOWLEDGE),
                    () -> factory.createXAContext("invalid", "invalid"));
            for (Executable call : simplified) {
                assertThrows(JMSSecurityRuntimeException.class, call);
            }
        }
    }

    @Test
    void rightCredentialsConnectOnEveryMethod() throws Exception {
        try (HazelcastConnectionFactory factory = new HazelcastConnectionFactory(secured().build())) {
            try (Connection c = factory.createConnection("alice", "secret");
                 Connection q = factory.createQueueConnection("bob", "bobs-pass");
                 Connection t = factory.createTopicConnection("alice", "secret");
                 Connection x = factory.createXAConnection("bob", "bobs-pass");
                 JMSContext context = factory.createContext("alice", "secret", JMSContext.SESSION_TRANSACTED);
                 XAJMSContext xa = factory.createXAContext("bob", "bobs-pass")) {
                assertNotNull(c.createSession());
                assertNotNull(q.createSession());
                assertNotNull(t.createSession());
                assertNotNull(x.createSession());
                assertNotNull(context.createTextMessage("x"));
                assertNotNull(xa.getXAResource());
            }
        }
    }

    @Test
    void withoutCredentialsTheDefaultUserOrARefusal() throws Exception {
        try (HazelcastConnectionFactory factory = new HazelcastConnectionFactory(secured().build())) {
            JMSSecurityException e = assertThrows(JMSSecurityException.class, factory::createConnection);
            assertEquals("HJMS-SEC-002", e.getErrorCode());
            assertTrue(e.getMessage().contains("defaultUser"), e.getMessage());
            assertThrows(JMSSecurityRuntimeException.class, factory::createContext);
            assertThrows(JMSSecurityException.class, factory::createXAConnection);
        }
        try (HazelcastConnectionFactory factory = new HazelcastConnectionFactory(secured().defaultUser("guest")
                .defaultRoles("readers").build());
             Connection guest = factory.createConnection()) {
            Identity identity = ((io.hazeljms.jms.client.HazelcastConnection) guest).access().identity();
            assertEquals(new Identity("guest", java.util.Set.of("readers")), identity);
        }
    }

    @Test
    void securityOffLetsEveryoneIn() throws Exception {
        try (HazelcastConnectionFactory factory = new HazelcastConnectionFactory(
                ProviderConfig.builder().instance(cluster.member(0)).build());
             Connection c = factory.createConnection("anyone", "anything");
             JMSContext context = factory.createContext("x", "y")) {
            assertNotNull(c.createSession());
            assertNotNull(context.createMessage());
        }
    }

    @Test
    void usersAndGrantsFromFiles(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users.txt");
        Files.writeString(users, "# the team\n" + ALICE + "\n\n" + BOB + "\n");
        try (HazelcastConnectionFactory factory = new HazelcastConnectionFactory(ProviderConfig.builder()
                .instance(cluster.member(0)).authenticator("users").usersFile(users.toString()).build());
             Connection bob = factory.createConnection("bob", "bobs-pass")) {
            assertNotNull(bob.createSession());
            assertThrows(JMSSecurityException.class, () -> factory.createConnection("bob", "secret"));
        }
    }

    @Test
    void badSecuritySettingsAreNamedAtOnce(@TempDir Path dir) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new HazelcastConnectionFactory(ProviderConfig.builder().instance(cluster.member(0))
                        .authenticator("users").users("carol:plaintext:admin")
                        .permissions("sned orders.# producer")
                        .permissionsFile(dir.resolve("missing.txt").toString()).build()));
        assertEquals(List.of("users", "permissions", "permissionsFile"), e.settings().stream().sorted(
                (a, b) -> List.of("users", "permissions", "permissionsFile").indexOf(a)
                        - List.of("users", "permissions", "permissionsFile").indexOf(b)).toList());
        assertTrue(e.getMessage().contains("user 'carol' is not a pbkdf2-sha256 hash"), e.getMessage());
        assertFalse(e.getMessage().contains("plaintext"), "a refused password must not be echoed: " + e.getMessage());
        assertTrue(e.getMessage().contains("permission 'sned'"), e.getMessage());
        assertTrue(e.getMessage().contains("missing.txt"), e.getMessage());

        InvalidConfigurationException unknown = assertThrows(InvalidConfigurationException.class,
                () -> new HazelcastConnectionFactory(ProviderConfig.builder().instance(cluster.member(0))
                        .authenticator("com.example.NoSuchAuthenticator").build()));
        assertTrue(unknown.getMessage().contains("HJMS-CFG-030"), unknown.getMessage());
        InvalidConfigurationException bad = assertThrows(InvalidConfigurationException.class,
                () -> ProviderConfig.builder().authenticator("ldap://x").build());
        assertTrue(bad.getMessage().contains("HJMS-CFG-028"), bad.getMessage());
    }

    // --- a custom authenticator and JAAS ----------------------------------------------------------------------

    /** Named by class in the authenticator setting. */
    public static final class OnlyRoot implements io.hazeljms.jms.security.Authenticator {
        @Override
        public Identity authenticate(String user, String password) throws JMSSecurityException {
            if (!"root".equals(user) || !"toor".equals(password)) {
                throw new JMSSecurityException("not root");
            }
            return new Identity(user, java.util.Set.of("admin"));
        }
    }

    @Test
    void aCustomAuthenticatorByClassName() throws Exception {
        try (HazelcastConnectionFactory factory = new HazelcastConnectionFactory(ProviderConfig.builder()
                .instance(cluster.member(0)).authenticator(OnlyRoot.class.getName()).build());
             Connection root = factory.createConnection("root", "toor")) {
            assertNotNull(root.createSession());
            assertThrows(JMSSecurityException.class, () -> factory.createConnection("root", "root"));
        }
    }

    /** A JAAS login module that accepts "jaas-user"/"jaas-pass" and gives it role principals. */
    public static final class TestLoginModule implements LoginModule {
        private Subject subject;
        private CallbackHandler handler;
        private String user;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> shared, Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[]{name, password});
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            if (!"jaas-user".equals(name.getName()) || password.getPassword() == null
                    || !"jaas-pass".equals(new String(password.getPassword()))) {
                throw new FailedLoginException("wrong user or password");
            }
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().add(new Named(user));
            subject.getPrincipals().add(new Named("auditors"));
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            return true;
        }

        record Named(String getName) implements Principal {
        }
    }

    @Test
    void jaasLoginModulesDecideAndGiveRoles() throws Exception {
        Configuration before = Configuration.getConfiguration();
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return name.equals("hazeljms-test") ? new AppConfigurationEntry[]{new AppConfigurationEntry(
                        TestLoginModule.class.getName(), AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        Map.of())} : null;
            }
        });
        try (HazelcastConnectionFactory factory = new HazelcastConnectionFactory(ProviderConfig.builder()
                .instance(cluster.member(0)).authenticator("jaas").jaasConfiguration("hazeljms-test").build());
             Connection in = factory.createConnection("jaas-user", "jaas-pass")) {
            Identity identity = ((io.hazeljms.jms.client.HazelcastConnection) in).access().identity();
            assertEquals(new Identity("jaas-user", java.util.Set.of("auditors")), identity);
            JMSSecurityException wrong = assertThrows(JMSSecurityException.class,
                    () -> factory.createConnection("jaas-user", "nope"));
            assertEquals("HJMS-SEC-001", wrong.getErrorCode());
            try (HazelcastConnectionFactory noEntry = new HazelcastConnectionFactory(ProviderConfig.builder()
                    .instance(cluster.member(0)).authenticator("jaas").jaasConfiguration("no-such-entry").build())) {
                JMSSecurityException missing = assertThrows(JMSSecurityException.class,
                        () -> noEntry.createConnection("jaas-user", "jaas-pass"));
                assertEquals("HJMS-SEC-004", missing.getErrorCode());
            }
            try (HazelcastConnectionFactory payaraRealm = new HazelcastConnectionFactory(ProviderConfig.builder()
                    .instance(cluster.member(0)).authenticator("jaas").jaasConfiguration("hazeljms-test")
                    .jaasRealm("file").build())) {
                JMSSecurityException outsidePayara = assertThrows(JMSSecurityException.class,
                        () -> payaraRealm.createConnection("jaas-user", "jaas-pass"));
                assertEquals("HJMS-SEC-004", outsidePayara.getErrorCode());
                assertTrue(outsidePayara.getMessage().contains("jaasRealm 'file' needs Payara's"),
                        outsidePayara.getMessage());
            }
        } finally {
            Configuration.setConfiguration(before);
        }
    }

    @Test
    void passwordHashesMatchOnlyTheirPassword() throws JMSException {
        String hash = PasswordHash.of("s3cret", 2_000);
        assertTrue(hash.startsWith("pbkdf2-sha256$2000$"), hash);
        io.hazeljms.jms.security.UserList list = io.hazeljms.jms.security.UserList.parse("u:" + hash + ":r", "test");
        assertEquals(new Identity("u", java.util.Set.of("r")), list.authenticate("u", "s3cret"));
        assertEquals(new Identity("u", java.util.Set.of("r")), list.authenticate("u", "s3cret"));
        assertThrows(JMSSecurityException.class, () -> list.authenticate("u", "s3cret "));
        assertThrows(JMSSecurityException.class, () -> list.authenticate("v", "s3cret"));
        assertFalse(PasswordHash.of("s3cret", 2_000).equals(hash), "each hash has its own salt");
    }
}
