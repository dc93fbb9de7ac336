package io.hazeljms.tests;

import io.hazeljms.tests.secured.SecuredApp;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security through the resource adapter inside a real Payara Micro: the adapter lets in only the users of its
 * list (no defaultUser). A {@code @JMSConnectionFactoryDefinition} with {@code user} and {@code password} logs in
 * with them (Payara turns them into the pool's UserName and Password); an application that asks for other
 * credentials gets them checked, and a refusal is a JMSSecurityException (JMSSecurityRuntimeException for a
 * context) with the provider's id; a factory without credentials is refused.
 */
class SecuredResourceAdapterIT {

    private static final Path RAR = Paths.get(System.getProperty("hazeljms.rar"));
    /** it-sender's password it-pass, hashed with io.hazeljms.jms.security.PasswordHash. */
    private static final String USERS = "# the users of SecuredResourceAdapterIT\n"
            + "it-sender:pbkdf2-sha256$600000$j0UlNYYonILYQ7EHlpYU/w$GaXc1veXS0AxptNpdVoOZhJz/+SRmtNO9asmwae725g:sender\n";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    @Test
    void definedCredentialsLogInAndWrongOnesAreRefusedInsideTheApplication() throws Exception {
        Path users = dir.resolve("users.txt");
        Files.writeString(users, USERS);
        Path war = dir.resolve("secured.war");
        ShrinkWrap.create(WebArchive.class, "secured.war").addClasses(SecuredApp.class, SecuredApp.Rest.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml").as(ZipExporter.class).exportTo(war.toFile());
        Map<String, String> adapter = Map.of("clusterName", "secured-" + UUID.randomUUID(), "port", "5820",
                "authenticator", "users", "usersFile", users.toString());
        try (MicroProcess micro = MicroProcess.builder().name("secured").resourceAdapterConfig("hazeljms-ra", adapter)
                .deploy(RAR).deploy(war).start()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(micro.uri("secured/api/secured")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            Map<String, String> got = Arrays.stream(response.body().split("\n")).filter(l -> l.contains(": "))
                    .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(": ")), l -> l.substring(l.indexOf(": ") + 2)));
            assertEquals("received hello", got.get("sender"), response.body());
            assertEquals("sent", got.get("sender-context"), response.body());
            assertTrue(got.get("invalid").startsWith("jakarta.jms.JMSSecurityException: HJMS-SEC-001"), response.body());
            assertTrue(got.get("invalid-context").startsWith("jakarta.jms.JMSSecurityRuntimeException: HJMS-SEC-001"),
                    response.body());
            assertTrue(got.get("anonymous").startsWith("jakarta.jms.JMSSecurityException: HJMS-SEC-002"),
                    response.body());
            assertFalse(response.body().contains("it-pass"), "no password in any message: " + response.body());
        }
    }
}
