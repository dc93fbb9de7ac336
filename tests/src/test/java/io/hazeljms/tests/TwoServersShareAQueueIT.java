package io.hazeljms.tests;

import io.hazeljms.tests.app.JmsDefinitions;
import io.hazeljms.tests.app.OrdersMdb;
import io.hazeljms.tests.app.Recorder;
import io.hazeljms.tests.app.TestApi;
import io.hazeljms.tests.app.TestApplication;
import io.hazeljms.tests.app.TxSender;
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
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two Payara Micro processes on loopback, each with the RAR: their embedded members form one cluster, so a
 * message sent on the first server is consumed by a message-driven bean on the second.
 */
class TwoServersShareAQueueIT {

    private static final Path RAR = Paths.get(System.getProperty("hazeljms.rar"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    private Path war(String name, boolean withConsumer) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(JmsDefinitions.class, Recorder.class, TestApi.class, TestApplication.class, TxSender.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        if (withConsumer) {
            war.addClass(OrdersMdb.class);
        }
        Path file = dir.resolve(name + ".war");
        war.as(ZipExporter.class).exportTo(file.toFile());
        return file;
    }

    @Test
    void messageSentOnOneServerIsConsumedByAnMdbOnTheOther() throws Exception {
        Map<String, String> cluster = Map.of("clusterName", "pair-" + UUID.randomUUID());
        try (MicroProcess sender = MicroProcess.builder().name("sender")
                     .resourceAdapterConfig("hazeljms-ra", cluster).deploy(RAR).deploy(war("sender", false)).start();
             MicroProcess consumer = MicroProcess.builder().name("consumer")
                     .resourceAdapterConfig("hazeljms-ra", cluster).deploy(RAR).deploy(war("consumer", true)).start()) {
            HttpResponse<String> sent = http.send(HttpRequest.newBuilder(sender.uri("sender/api/it/orders"))
                    .POST(HttpRequest.BodyPublishers.ofString("from the first server")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, sent.statusCode(), sent.body());
            String recorded = awaitBody(consumer.uri("consumer/api/it/recorded/orders"), "from the first server");
            assertEquals("from the first server", recorded);
        }
    }

    /** Polls the other process's HTTP view (the only event we can see) until it shows the text, at most 90 s. */
    private String awaitBody(URI uri, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            String body = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains(expected) || System.nanoTime() > deadline) {
                return body;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }
}
