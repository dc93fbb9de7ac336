package io.hazeljms.sample.web;

import io.hazeljms.sample.mail.Outbox;
import io.hazeljms.sample.progress.CampaignProgress;
import io.hazeljms.sample.progress.CampaignTracker;
import io.hazeljms.sample.progress.DeadLetters;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.util.Map;

/** JSON shapes of the API. */
final class Views {

    private Views() {
    }

    /**
     * A campaign's progress: {@code sent} (from this instance's view of {@code mail.events}), {@code failed}
     * (its mails in the dead-letter queue), {@code pending} (the rest), and who sent how many.
     */
    static JsonObject campaign(CampaignProgress progress, int failed) {
        int total = progress.total();
        int sent = progress.sent();
        int pending = total < 0 ? 0 : Math.max(0, total - sent - failed);
        boolean complete = total >= 0 && sent + failed >= total;
        JsonObjectBuilder byInstance = Json.createObjectBuilder();
        for (Map.Entry<String, Integer> e : progress.sentByInstance().entrySet()) {
            byInstance.add(e.getKey(), e.getValue());
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", progress.id())
                .add("subject", progress.subject() == null ? "" : progress.subject())
                .add("priority", progress.priority())
                .add("total", total)
                .add("sent", sent)
                .add("failed", failed)
                .add("pending", pending)
                .add("complete", complete)
                .add("sentByInstance", byInstance);
        if (progress.acceptedAt() > 0) {
            json.add("acceptedAt", Instant.ofEpochMilli(progress.acceptedAt()).toString());
            if (complete && progress.lastSentAt() > 0) {
                json.add("elapsedMillis", Math.max(0, progress.lastSentAt() - progress.acceptedAt()));
            }
        }
        return json.build();
    }

    static JsonObject sentMail(CampaignTracker.SentMail mail) {
        return Json.createObjectBuilder()
                .add("campaignId", mail.campaignId())
                .add("recipient", mail.recipient())
                .add("instance", mail.instance())
                .add("at", Instant.ofEpochMilli(mail.at()).toString())
                .build();
    }

    static JsonObject deadLetter(DeadLetters.DeadLetter letter) {
        return Json.createObjectBuilder()
                .add("campaignId", String.valueOf(letter.campaignId()))
                .add("recipient", String.valueOf(letter.recipient()))
                .add("reason", String.valueOf(letter.reason()))
                .add("deliveries", letter.deliveries())
                .build();
    }

    static JsonObject outboxEntry(Outbox.Entry entry) {
        return Json.createObjectBuilder()
                .add("sequence", entry.sequence())
                .add("campaignId", entry.campaignId())
                .add("recipient", entry.recipient())
                .add("instance", entry.instance())
                .add("sentAt", entry.sentAt().toString())
                .build();
    }

    static JsonObject error(String message) {
        return Json.createObjectBuilder().add("error", message).build();
    }
}
