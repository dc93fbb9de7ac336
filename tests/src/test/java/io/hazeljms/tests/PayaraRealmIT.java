package io.hazeljms.tests;

import io.hazeljms.tests.app.JmsDefinitions;
import io.hazeljms.tests.app.LoginApi;
import io.hazeljms.tests.app.TestApplication;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resource adapter authenticates against Payara's own file realm: authenticator jaas, the fileRealm entry of
 * Payara's login.conf, realm file. A user created with asadmin gets in, and its realm group is its role (only that
 * role may send); a wrong password is refused with JMSSecurityException.
 */
class PayaraRealmIT {

    private static final Path RAR = Paths.get(System.getProperty("hazeljms.rar"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    @Test
    void aUserOfPayarasFileRealmGetsInAndAWrongPasswordDoesNot() throws Exception {
        Path war = dir.resolve("realm.war");
        ShrinkWrap.create(WebArchive.class, "realm.war")
                .addClasses(JmsDefinitions.class, LoginApi.class, TestApplication.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .as(ZipExporter.class).exportTo(war.toFile());
        Path passwordFile = dir.resolve("alice.password");
        Files.writeString(passwordFile, "AS_ADMIN_USERPASSWORD=alice-secret\n");
        Path grants = dir.resolve("grants.txt");
        Files.writeString(grants, "# only the realm group may touch anything\n* # writers\n");
        Map<String, String> security = Map.of(
                "clusterName", "realm-" + UUID.randomUUID(),
                "authenticator", "jaas",
                "jaasConfiguration", "fileRealm",
                "jaasRealm", "file",
                "defaultUser", "container",
                "permissionsFile", grants.toString());
        try (MicroProcess micro = MicroProcess.builder().name("realm")
                .postBootCommand("create-file-user --groups writers --passwordfile " + passwordFile + " alice")
                .resourceAdapterConfig("hazeljms-ra", security).deploy(RAR).deploy(war).start()) {
            assertEquals("ok", login(micro.uri("realm/api/login"), "alice", "alice-secret"));
            String refused = login(micro.uri("realm/api/login"), "alice", "wrong");
            assertTrue(refused.startsWith("jakarta.jms.JMSSecurityException: HJMS-SEC-001"), refused);
            String unknown = login(micro.uri("realm/api/login"), "mallory", "alice-secret");
            assertTrue(unknown.startsWith("jakarta.jms.JMSSecurityException: HJMS-SEC-001"), unknown);
        }
    }

    private String login(URI uri, String user, String password) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("user=" + user + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }
}
