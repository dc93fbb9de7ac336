package io.hazeljms.sample.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sample's REST API at {@code <base>/api/}, as a client sees it. */
final class SampleApi {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param app the application's root, e.g. {@code http://127.0.0.1:18480/sample/} */
    SampleApi(URI app) {
        this.base = app.resolve("api/");
    }

    /** {@code POST /api/campaigns}: must answer 202 with the job id. */
    JsonObject submitCampaign(JsonObject campaign) throws IOException, InterruptedException {
        return post("campaigns", campaign, 202);
    }

    /** {@code POST /api/password-resets}: must answer 202 with the job id. */
    JsonObject passwordReset(String email) throws IOException, InterruptedException {
        return post("password-resets", Json.createObjectBuilder().add("email", email).build(), 202);
    }

    /** {@code GET /api/campaigns/{id}}: total, sent, failed, pending, complete, sentByInstance. */
    JsonObject campaign(String id) throws IOException, InterruptedException {
        return get("campaigns/" + id);
    }

    /** {@code GET /api/campaigns/{id}/recipients}: {@code sent} (announced) and {@code queued} recipients. */
    JsonObject recipients(String id) throws IOException, InterruptedException {
        return get("campaigns/" + id + "/recipients");
    }

    /** {@code GET /api/outbox?campaign=id}: what this instance recorded as sent for the campaign. */
    JsonObject outbox(String id, boolean withEntries) throws IOException, InterruptedException {
        return get("outbox?campaign=" + id + "&entries=" + withEntries);
    }

    /** {@code GET /api/campaigns}: the newest campaigns of the cluster, newest first. */
    JsonObject campaigns() throws IOException, InterruptedException {
        return get("campaigns");
    }

    /** {@code GET /api/dead-letters?limit=N}: {@code count} and the newest N {@code items}. */
    JsonObject deadLetters(int limit) throws IOException, InterruptedException {
        return get("dead-letters?limit=" + limit);
    }

    /** {@code POST /api/mailboxes/{address}/repair}: must answer 200. */
    JsonObject repairMailbox(String address) throws IOException, InterruptedException {
        HttpResponse<String> r = raw("POST", "mailboxes/" + address + "/repair", null, null);
        assertEquals(200, r.statusCode(), "repair " + address + ": " + r.body());
        return parse(r.body());
    }

    JsonObject status() throws IOException, InterruptedException {
        return get("status");
    }

    /** Polls the campaign until it reports complete (sent + failed = total). */
    JsonObject awaitComplete(String id, Duration timeout) throws InterruptedException {
        return Poll.until("campaign " + id + " complete", timeout, Duration.ofMillis(250), () -> {
            JsonObject c = campaign(id);
            return c.getBoolean("complete") ? c : null;
        });
    }

    /** Plain GET of a page or file, returning the body; must answer 200. */
    String page(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), uri + ": " + r.body());
        return r.body();
    }

    private JsonObject get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "GET " + path + ": " + r.body());
        return parse(r.body());
    }

    private JsonObject post(String path, JsonObject body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), "POST " + path + ": " + r.body());
        return parse(r.body());
    }

    /** Any request with a raw body; returns status and body, whatever they are. */
    HttpResponse<String> raw(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
