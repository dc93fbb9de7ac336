package io.hazeljms.sample.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.net.URI;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample WAR on Payara Micro with the resource adapter, as the README's demo command runs it, and the console
 * WAR beside it: one Micro process for the whole class (starting one takes 30-90 s here).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleOnMicroIT {

    private static final Path IT = Paths.get(System.getProperty("sample.it.dir", "target/it"));

    private MicroServer micro;
    private SampleApi api;
    private URI app;
    private String cluster;

    @BeforeAll
    void startMicro() throws Exception {
        long started = System.nanoTime();
        cluster = "hazeljms-sample-it-" + UUID.randomUUID().toString().substring(0, 8);
        micro = MicroServer.start("sample-micro", MicroServer.microJar(), cluster, 5780, Duration.ofMinutes(4),
                IT.resolve("hazeljms-ra.rar"), IT.resolve("hazeljms-console.war"), IT.resolve("sample.war"));
        app = micro.baseUri().resolve("sample/");
        api = new SampleApi(app);
        System.out.printf("Micro with RAR + WAR ready in %d s (Micro reports %s); %s%n",
                (System.nanoTime() - started) / 1_000_000_000, micro.reportedStartupTime(), app);
    }

    @AfterAll
    void stopMicro() {
        if (micro != null) {
            micro.close();
        }
    }

    /** The build runs these tests on Payara Micro 6 and on 7: each run must be on the version it is for. */
    @Test
    @Order(0)
    void runsOnThePayaraMicroVersionOfThisRun() throws Exception {
        String expected = System.getProperty("payara.micro.expectedVersion");
        assumeTrue(expected != null, "payara.micro.expectedVersion is set by the build");
        assertTrue(Files.readString(micro.logFile()).contains("Payara Micro " + expected + " "),
                "expected Payara Micro " + expected + "; see " + micro.logFile());
    }

    /**
     * The page in real headless Chromium: submit a campaign of 200 (3 failing addresses), then watch the page
     * until it says the campaign is complete, and read what it shows.
     */
    @Test
    @Order(1)
    void pageSubmitsACampaignAndShowsItsProgressToTheEnd() throws Exception {
        try (Page page = openPage()) {
            WebDriver browser = page.browser();
            WebDriverWait wait = page.waitUpTo(Duration.ofSeconds(30));
            String instance = ":" + micro.httpPort();
            wait.until(d -> instance.equals(text(d, "instance-name")));

            setValue(browser, "recipients", "200");
            setValue(browser, "failing", "3");
            setValue(browser, "latency", "10");
            new Select(browser.findElement(By.id("priority"))).selectByVisibleText("1");
            browser.findElement(By.id("submit")).click();

            wait.until(d -> text(d, "submit-result").startsWith("202 Accepted"));
            String id = text(browser, "campaign-id");
            assertTrue(id.startsWith("c-"), id);

            // the page polls the server; the test waits (bounded) on what the page shows
            new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(100))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> "complete".equals(text(d, "campaign-state")) && "3".equals(text(d, "dlq-count")));

            assertEquals("197", text(browser, "sent"));
            assertEquals("3", text(browser, "failed"));
            assertEquals("0", text(browser, "pending"));
            assertEquals("200", text(browser, "total"));
            assertEquals("100", browser.findElement(By.id("progress")).getAttribute("aria-valuenow"));
            // lists the page re-renders while it polls: read them inside a wait that retries a stale read
            wait.until(d -> {
                List<WebElement> byInstance = d.findElements(By.cssSelector("#by-instance li"));
                return byInstance.size() == 1
                        && instance.equals(byInstance.get(0).getAttribute("data-instance"))
                        && "197".equals(byInstance.get(0).findElement(By.className("count")).getText());
            });
            wait.until(d -> {
                List<WebElement> recent = d.findElements(By.cssSelector("#recent-mails tr"));
                return !recent.isEmpty() && recent.get(0).getText().contains(instance);
            });
            wait.until(d -> d.findElements(By.cssSelector("#dlq-items li")).size() == 3);

            // a password reset from the page
            browser.findElement(By.id("reset-submit")).click();
            wait.until(d -> text(d, "reset-result").contains("sent by " + instance));

            screenshot(browser, "campaign-complete.png");
        }
    }

    /** 1,000 mails: every one is recorded in the outbox, once. */
    @Test
    @Order(2)
    void aCampaignOfAThousandMailsEndsWithAllThousandInTheOutbox() throws Exception {
        long started = System.nanoTime();
        JsonObject accepted = api.submitCampaign(Json.createObjectBuilder()
                .add("subject", "A thousand").add("body", "Hello").add("recipients", 1000).add("priority", 4).build());
        long acceptedMillis = (System.nanoTime() - started) / 1_000_000;
        String id = accepted.getString("id");
        assertEquals(1000, accepted.getInt("total"));

        JsonObject done = api.awaitComplete(id, Duration.ofMinutes(3));
        assertEquals(1000, done.getInt("sent"));
        assertEquals(0, done.getInt("failed"));
        assertEquals(0, done.getInt("pending"));
        JsonObject outbox = api.outbox(id, false);
        assertEquals(1000, outbox.getInt("count"), "mails in the outbox");
        assertEquals(1000, outbox.getInt("distinctRecipients"), "distinct recipients in the outbox");
        System.out.printf("1,000 mails: accepted (202) in %d ms, all in the outbox after %d ms%n", acceptedMillis,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * A password reset (priority 9) sent while a priority-1 campaign is running is sent before the campaign's
     * waiting mails: only the few the sender pool had in hand go out between its request and its sending.
     */
    @Test
    @Order(3)
    void passwordResetOvertakesARunningPriorityOneCampaign() throws Exception {
        int total = 400;
        String campaign = api.submitCampaign(Json.createObjectBuilder()
                .add("subject", "Slow newsletter").add("recipients", total).add("priority", 1)
                .add("delayMillis", 25).build()).getString("id");
        int sentBefore = Poll.until("campaign running", Duration.ofSeconds(60), Duration.ofMillis(50), () -> {
            int sent = api.outbox(campaign, false).getInt("count");
            return sent >= 20 ? sent : null;
        });

        String reset = api.passwordReset("alice@example.com").getString("id");
        JsonObject resetDone = api.awaitComplete(reset, Duration.ofSeconds(60));
        assertEquals(1, resetDone.getInt("sent"));
        long resetSequence = api.outbox(reset, true).getJsonArray("entries").getJsonObject(0)
                .getJsonNumber("sequence").longValue();

        api.awaitComplete(campaign, Duration.ofMinutes(2));
        long campaignBeforeReset = api.outbox(campaign, true).getJsonArray("entries").stream()
                .filter(e -> e.asJsonObject().getJsonNumber("sequence").longValue() < resetSequence).count();
        long campaignAfterReset = total - campaignBeforeReset;
        System.out.printf("priority: %d campaign mails sent when the reset was requested, %d before it went out, "
                + "%d after it%n", sentBefore, campaignBeforeReset, campaignAfterReset);
        // in order of arrival it would have waited for all 400; by priority it waits for the mails in hand
        assertTrue(campaignBeforeReset - sentBefore < 40,
                "the reset waited for " + (campaignBeforeReset - sentBefore) + " campaign mails");
        assertTrue(campaignAfterReset > total / 2, "only " + campaignAfterReset + " campaign mails after the reset");
    }

    /** Bad requests are answered in JSON with a status that says whose fault it is, never with an HTML 500. */
    @Test
    @Order(4)
    void badRequestsGetJsonErrors() throws Exception {
        record Case(String method, String path, String type, String body, int status, String says) {
        }
        String json = "application/json";
        List<Case> cases = List.of(
                new Case("POST", "campaigns", json, "not json", 400, "not a JSON object"),
                new Case("POST", "campaigns", json, "", 400, "JSON object"),
                new Case("POST", "campaigns", json, "[1,2]", 400, "JSON object"),
                new Case("POST", "campaigns", json, "{\"subject\":\"x\",\"recipients\":2.5}", 400, "whole number"),
                new Case("POST", "campaigns", json, "{\"subject\":\"x\",\"recipients\":99999999999}", 400,
                        "out of range"),
                new Case("POST", "campaigns", json, "{\"subject\":\"x\",\"recipients\":[\"nobody\"]}", 400,
                        "not mail addresses"),
                new Case("POST", "password-resets", json, "{\"email\":\"not-an-address\"}", 400, "mail address"),
                new Case("POST", "password-resets", json, "{\"email\":\"a@b.org\",\"delayMillis\":\"soon\"}", 400,
                        "delayMillis"),
                new Case("POST", "campaigns", "text/plain", "{}", 415, "application/json"),
                new Case("DELETE", "campaigns", null, null, 405, "not allowed"),
                new Case("GET", "no-such-thing", null, null, 404, "no such resource"));
        for (Case c : cases) {
            java.net.http.HttpResponse<String> r = api.raw(c.method(), c.path(), c.type(), c.body());
            String what = c.method() + " " + c.path() + " " + c.body() + " -> " + r.statusCode() + " " + r.body();
            assertEquals(c.status(), r.statusCode(), what);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), what);
            assertTrue(SampleApi.parse(r.body()).getString("error").contains(c.says()), what);
        }
    }

    /**
     * The console WAR's {@code /health} is UP with the cluster's one member, and {@code /metrics} lists a depth
     * for every destination the sample uses, the dead-letter queue's equal to what the sample browses there.
     */
    private java.net.http.HttpResponse<String> upWithin(String path) throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            return Poll.until(path + " answering 200", Duration.ofSeconds(30), Duration.ofMillis(500), () -> {
                java.net.http.HttpResponse<String> r = api.raw("GET", path, null, null);
                last.set(r.statusCode() + " " + r.body());
                return r.statusCode() == 200 ? r : null;
            });
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(path + " not UP within 30 s; last answer: " + last.get(), e);
        }
    }

    @Test
    @Order(5)
    void healthIsUpAndMetricsListEveryDestinationsDepth() throws Exception {
        // each read behind a probe is bounded (3 s): on a loaded machine one probe may answer DOWN, as a starved
        // server should; an orchestrator probes again, and so does this test (bounded)
        java.net.http.HttpResponse<String> health = upWithin("/health/ready");
        JsonObject ready = SampleApi.parse(health.body());
        assertEquals("UP", ready.getString("status"), health.body());
        JsonObject store = ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> "hazeljms-store".equals(c.getString("name"))).findFirst().orElseThrow();
        assertEquals("1", store.getJsonObject("data").get("members." + cluster).toString().replace("\"", ""));
        java.net.http.HttpResponse<String> live = upWithin("/health/live");
        assertTrue(live.body().contains("hazeljms-broker"), live.body());

        int deadLetters = api.status().getInt("deadLetters");
        assertTrue(deadLetters > 0, "the first test left dead letters");
        String metrics = Poll.until("/metrics showing " + deadLetters + " dead letters", Duration.ofSeconds(30),
                Duration.ofMillis(500), () -> {
                    String text = api.page(micro.baseUri().resolve("metrics"));
                    return text.contains(depth("queue", "mail.dlq") + " " + deadLetters + ".0") ? text : null;
                });
        for (String queue : List.of("mail.campaigns", "mail.outbound", "mail.dlq")) {
            assertTrue(metrics.contains(depth("queue", queue)), queue + " in\n" + metrics);
        }
        assertTrue(metrics.contains(depth("topic", "mail.events")), metrics);
        assertTrue(metrics.contains("hazeljms_cluster_members{cluster=\"" + cluster + "\""), metrics);
    }

    /** A depth gauge's name and tags as Payara's Prometheus output writes them (tags sorted by name). */
    private String depth(String kind, String destination) {
        return "hazeljms_destination_depth{cluster=\"" + cluster + "\",destination=\"" + destination + "\",kind=\""
                + kind + "\",mp_scope=\"application\"}";
    }

    /**
     * The walkthrough of a failed mail, on the page: the campaign list shows the cluster's campaigns; a campaign
     * with one failing address ends with that mail dead-lettered; once its mailbox is repaired (API), the page's
     * Redrive button sends it back and the campaign's counts move from failed to sent, and the dead-letter list's
     * "N of M" with them. A rejected campaign is shown as an error. Redriving it again is 404, in JSON.
     */
    @Test
    @Order(6)
    void pageRedrivesARepairedDeadLetterAndTheCampaignEndsSent() throws Exception {
        String failing = "fail-redrive-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String id = api.submitCampaign(Json.createObjectBuilder().add("subject", "Redrive me")
                .add("recipients", Json.createArrayBuilder().add("ann@example.com").add(failing).add("bob@example.com"))
                .build()).getString("id");
        JsonObject failed = api.awaitComplete(id, Duration.ofSeconds(60));
        assertEquals(List.of(2, 1, 0), List.of(failed.getInt("sent"), failed.getInt("failed"), failed.getInt("pending")));
        assertEquals("mailbox", failed.getString("progressFrom"));
        JsonObject listed = api.campaigns().getJsonArray("campaigns").getJsonObject(0);
        assertEquals(id, listed.getString("id"), "the newest campaign first: " + listed);
        int deadLetters = api.deadLetters(0).getInt("count");

        try (Page page = openPage()) {
            WebDriver browser = page.browser();
            WebDriverWait wait = page.waitUpTo(Duration.ofSeconds(30));
            // (a) the list of campaigns, from the API, newest first: this one on top
            By entry = By.cssSelector("#campaign-list li[data-campaign-id='" + id + "']");
            wait.until(d -> !d.findElements(entry).isEmpty() && id.equals(
                    d.findElements(By.cssSelector("#campaign-list li")).get(0).getAttribute("data-campaign-id")));
            browser.findElement(entry).findElement(By.tagName("button")).click();
            wait.until(d -> id.equals(text(d, "campaign-id")) && "1".equals(text(d, "failed"))
                    && "2".equals(text(d, "sent")));
            String shown = "showing " + Math.min(8, deadLetters) + " of " + deadLetters;
            wait.until(d -> text(d, "dlq-shown").startsWith(shown));

            // (b) repair the mailbox, redrive its dead letter from the page, see it delivered
            api.repairMailbox(failing);
            By letter = By.xpath("//ul[@id='dlq-items']/li[contains(., '" + failing + "')]");
            String messageId = wait.until(d -> d.findElement(letter)).getAttribute("data-message-id");
            browser.findElement(letter).findElement(By.className("redrive")).click();
            wait.until(d -> text(d, "dlq-result").startsWith("Redriven"));
            wait.until(d -> "3".equals(text(d, "sent")) && "0".equals(text(d, "failed"))
                    && "0".equals(text(d, "pending")) && "complete".equals(text(d, "campaign-state")));
            String fewer = "of " + (deadLetters - 1) + ",";
            wait.until(d -> d.findElements(letter).isEmpty() && text(d, "dlq-shown").contains(fewer));
            JsonObject sent = api.campaign(id);
            assertEquals(List.of(3, 0, 0), List.of(sent.getInt("sent"), sent.getInt("failed"), sent.getInt("pending")));

            // a rejection is shown as an error, with the API's message
            setValue(browser, "recipients", "2");
            setValue(browser, "failing", "5");
            browser.findElement(By.id("submit")).click();
            wait.until(d -> text(d, "submit-result").contains("400"));
            WebElement rejected = browser.findElement(By.id("submit-result"));
            assertTrue(rejected.getAttribute("class").contains("error"), rejected.getAttribute("outerHTML"));
            assertTrue(rejected.getText().contains("failing must be"), rejected.getText());

            // the dead letter is gone: a second redrive is 404, a malformed id 400, both in JSON
            java.net.http.HttpResponse<String> again = api.raw("POST",
                    "dead-letters/" + messageId.substring("ID:".length()) + "/redrive", null, null);
            assertEquals(404, again.statusCode(), again.body());
            assertTrue(SampleApi.parse(again.body()).getString("error").contains("no dead letter"), again.body());
            assertEquals(400, api.raw("POST", "dead-letters/x'%20OR%20'1'='1/redrive", null, null).statusCode());
        }
    }

    /**
     * The console (hazeljms-console.war beside the sample) in headless Chromium: a campaign's mail to a failing
     * mailbox ends in {@code mail.dlq}; the mailbox is repaired; on the console page the test sees the member and
     * the queues' depths, opens {@code mail.dlq}, redrives that dead letter (confirming in the page's dialog) and
     * sees it delivered: the campaign counts it sent, and {@code mail.dlq}'s depth goes down. Then a purge, first
     * cancelled, then confirmed, on a queue the test filled by moving its other dead letter there, a refusal
     * shown as an error, and that queue deleted.
     */
    @Test
    @Order(20)
    void consoleRedrivesADeadLetterWhichIsThenDeliveredAndPurgesAfterConfirmation() throws Exception {
        long started = System.nanoTime();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String repaired = "console-fail-" + tag + "@example.com";
        String parked = "console-fail-parked-" + tag + "@example.com";
        String parking = "console.it.parking-" + tag;
        String campaign = api.submitCampaign(Json.createObjectBuilder().add("subject", "Console")
                .add("recipients", Json.createArrayBuilder().add("console-ok-" + tag + "@example.com")
                        .add(repaired).add(parked)).build()).getString("id");
        awaitCampaign(campaign, 1, 2);

        // through the console's API: the cluster of this server, the failing mails in mail.dlq
        SampleApi console = new SampleApi(micro.baseUri().resolve("hazeljms-console/"));
        String queues = "clusters/" + SampleApi.parse(console.raw("GET", "clusters", null, null).body())
                .getJsonArray("clusters").getString(0) + "/queues/";
        String deadLetter = Poll.until("the dead letter of " + repaired + " in mail.dlq", Duration.ofSeconds(30),
                Duration.ofMillis(200), () -> {
                    var messages = SampleApi.parse(console.raw("GET", queues + "mail.dlq/messages?selector="
                            + query("recipient = '" + repaired + "'"), null, null).body()).getJsonArray("messages");
                    return messages.isEmpty() ? null : messages.getJsonObject(0).getString("messageId");
                });
        java.net.http.HttpResponse<String> moved = console.raw("POST", queues + "mail.dlq/move", "application/json",
                Json.createObjectBuilder().add("target", parking).add("selector", "recipient = '" + parked + "'")
                        .build().toString());
        assertEquals(200, moved.statusCode(), moved.body());
        assertEquals(1, SampleApi.parse(moved.body()).getInt("moved"), moved.body());
        awaitCampaign(campaign, 1, 1); // the moved one is no longer a dead letter of the campaign
        java.net.http.HttpResponse<String> repair = api.raw("POST", "mailboxes/" + repaired + "/repair",
                "application/json", "");
        assertEquals(200, repair.statusCode(), repair.body());

        long deadLettered = System.nanoTime();
        try (Page page = openPage(micro.baseUri().resolve("hazeljms-console/"))) {
            long browserUp = System.nanoTime();
            WebDriver browser = page.browser();
            WebDriverWait wait = page.waitUpTo(Duration.ofSeconds(30));
            wait.until(d -> d.findElements(By.cssSelector("#members tbody tr")).size() == 1);
            assertTrue(browser.findElement(By.cssSelector("#members tbody tr")).getAttribute("data-address")
                    .contains(":"), "a member's address");
            wait.until(d -> consoleDepth(d, "mail.outbound") >= 0 && consoleDepth(d, "mail.dlq") >= 1);
            long dlqBefore = consoleDepth(browser, "mail.dlq");

            browser.findElement(queueRow("mail.dlq")).click();
            wait.until(d -> "mail.dlq".equals(text(d, "detail-name")));
            By row = By.cssSelector("#messages tr[data-message-id='" + deadLetter + "']");
            wait.until(d -> !d.findElements(row).isEmpty());
            assertTrue(browser.findElement(row).getText().contains(repaired));
            browser.findElement(row).findElement(By.className("redrive")).click();
            long pageShown = System.nanoTime();
            confirm(browser, wait, "confirm-ok");
            wait.until(d -> text(d, "notice").startsWith("redrove 1 message"));
            assertEquals("ok", browser.findElement(By.id("notice")).getAttribute("data-state"));

            awaitCampaign(campaign, 2, 0); // delivered: sent + 1, failed - 1
            long delivered = System.nanoTime();
            wait.until(d -> consoleDepth(d, "mail.dlq") < dlqBefore);
            screenshot(browser, "console-redriven.png");
            System.out.printf("console: dead letters after %d ms, Chromium up %d ms later, the message on the page "
                    + "%d ms later, redriven and delivered %d ms after the click, depth down %d ms later%n",
                    ms(deadLettered - started), ms(browserUp - deadLettered), ms(pageShown - browserUp),
                    ms(delivered - pageShown), ms(System.nanoTime() - delivered));

            // purge: cancelled first (nothing happens), then confirmed
            wait.until(d -> consoleDepth(d, parking) == 1);
            browser.findElement(queueRow(parking)).click();
            wait.until(d -> parking.equals(text(d, "detail-name")));
            browser.findElement(By.id("purge")).click();
            confirm(browser, wait, "confirm-cancel");
            assertEquals(1, SampleApi.parse(console.raw("GET", queues + parking, null, null).body()).getInt("depth"));
            browser.findElement(By.id("purge")).click();
            confirm(browser, wait, "confirm-ok");
            wait.until(d -> text(d, "notice").equals("purged 1 message(s) from " + parking));
            wait.until(d -> consoleDepth(d, parking) == 0);

            // a refusal of the broker is shown as an error, in its own words
            setValue(browser, "selector", "recipient = ");
            browser.findElement(By.id("browse")).click();
            wait.until(d -> "error".equals(d.findElement(By.id("notice")).getAttribute("data-state")));
            assertTrue(text(browser, "notice").contains("HJMS-"), text(browser, "notice"));
            screenshot(browser, "console-purged.png");

            // and the emptied queue deleted
            browser.findElement(By.id("delete")).click();
            confirm(browser, wait, "confirm-ok");
            wait.until(d -> text(d, "notice").equals("deleted queue " + parking));
            wait.until(d -> d.findElements(queueRow(parking)).isEmpty());
            assertTrue(!browser.findElement(By.id("detail")).isDisplayed(), "the deleted queue's view is closed");
        }
    }

    /** The console's API answers in JSON with the status that fits, and takes actions only as JSON. */
    @Test
    @Order(21)
    void consoleApiAnswersErrorsInJson() throws Exception {
        SampleApi console = new SampleApi(micro.baseUri().resolve("hazeljms-console/"));
        String cluster = SampleApi.parse(console.raw("GET", "clusters", null, null).body())
                .getJsonArray("clusters").getString(0);
        record Case(String method, String path, String type, String body, int status, String says) {
        }
        String json = "application/json";
        String queues = "clusters/" + cluster + "/queues/";
        for (Case c : List.of(
                new Case("GET", "clusters/no-such-cluster", null, null, 404, "no HazelJMS cluster"),
                new Case("GET", queues + "no.such.queue", null, null, 404, "has no queue"),
                new Case("GET", queues + "mail.dlq/messages?max=0", null, null, 400, "max must be"),
                new Case("POST", queues + "mail.dlq/redrive", json, "{}", 400, "exactly one of"),
                new Case("POST", queues + "mail.dlq/purge", "application/x-www-form-urlencoded", "a=b", 415,
                        "application/json"),
                new Case("GET", queues + "mail.dlq/purge", null, null, 405, "not allowed"))) {
            java.net.http.HttpResponse<String> r = console.raw(c.method(), c.path(), c.type(), c.body());
            String what = c.method() + " " + c.path() + " -> " + r.statusCode() + " " + r.body();
            assertEquals(c.status(), r.statusCode(), what);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(json), what);
            assertTrue(SampleApi.parse(r.body()).getString("error").contains(c.says()), what);
        }
    }

    private void awaitCampaign(String id, int sent, int failed) throws InterruptedException {
        Poll.until("campaign " + id + " at sent " + sent + ", failed " + failed, Duration.ofSeconds(60),
                Duration.ofMillis(200), () -> {
                    JsonObject c = api.campaign(id);
                    return c.getInt("sent") == sent && c.getInt("failed") == failed ? c : null;
                });
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static String query(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static By queueRow(String queue) {
        return By.cssSelector("#destinations tr[data-kind='queue'][data-name='" + queue + "']");
    }

    /** A queue's depth as the console's table shows it, or -1 while it is not listed. */
    private static long consoleDepth(WebDriver browser, String queue) {
        List<WebElement> cells = browser.findElements(By.cssSelector(
                "#destinations tr[data-kind='queue'][data-name='" + queue + "'] td[data-field='depth']"));
        return cells.isEmpty() ? -1 : Long.parseLong(cells.get(0).getText().trim());
    }

    /** Answers the page's confirmation dialog with the button {@code id}. */
    private static void confirm(WebDriver browser, WebDriverWait wait, String id) {
        wait.until(d -> d.findElement(By.id("confirm")).isDisplayed());
        browser.findElement(By.id(id)).click();
        wait.until(d -> !d.findElement(By.id("confirm")).isDisplayed());
    }

    private static void screenshot(WebDriver browser, String name) throws java.io.IOException {
        Path shots = Paths.get(System.getProperty("sample.screenshots.dir", "target/screenshots"));
        Files.createDirectories(shots);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, shots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    private static void setValue(WebDriver browser, String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /** The app's page in a headless Chromium of its own (a fresh profile, removed on close). */
    private Page openPage() throws IOException {
        return openPage(app);
    }

    /** A page in a headless Chromium of its own (a fresh profile, removed on close). */
    private static Page openPage(URI uri) throws IOException {
        Path profile = Files.createTempDirectory("sample-chromium-");
        WebDriver browser = chromium(profile);
        browser.get(uri.toString());
        return new Page(browser, profile);
    }

    private record Page(WebDriver browser, Path profile) implements AutoCloseable {

        /** A wait that polls every 100 ms and retries a read of an element the page re-rendered meanwhile. */
        WebDriverWait waitUpTo(Duration timeout) {
            WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(100));
            wait.ignoring(StaleElementReferenceException.class);
            return wait;
        }

        @Override
        public void close() throws IOException {
            browser.quit();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Debian's chromium through Debian's chromedriver, headless, with a fresh profile; nothing downloaded. */
    private static WebDriver chromium(Path profile) {
        Path binary = Paths.get(System.getProperty("sample.chromium", "/usr/bin/chromium"));
        Path driver = Paths.get(System.getProperty("sample.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(binary) || !Files.isExecutable(driver)) {
            throw new IllegalStateException("the browser test needs " + binary + " and " + driver
                    + ": apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1500",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
