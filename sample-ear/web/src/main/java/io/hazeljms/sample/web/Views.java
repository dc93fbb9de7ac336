package io.hazeljms.sample.web;

import io.hazeljms.sample.campaign.CampaignRecord;
import io.hazeljms.sample.mail.Outbox;
import io.hazeljms.sample.progress.CampaignStatus;
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
     * A campaign's progress: {@code sent} (recipients in the mailbox, or heard of on {@code mail.events}: see
     * {@code progressFrom}), {@code failed} (its mails in the dead-letter queue), {@code pending} (the rest), and
     * who sent how many.
     */
    static JsonObject campaign(CampaignStatus status) {
        CampaignRecord record = status.record();
        JsonObjectBuilder byInstance = Json.createObjectBuilder();
        for (Map.Entry<String, Integer> e : status.sentByInstance().entrySet()) {
            byInstance.add(e.getKey(), e.getValue());
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", record.id())
                .add("subject", record.subject() == null ? "" : record.subject())
                .add("priority", record.priority())
                .add("total", record.total())
                .add("sent", status.sent())
                .add("failed", status.failed())
                .add("pending", status.pending())
                .add("complete", status.complete())
                .add("progressFrom", status.source())
                .add("sentByInstance", byInstance);
        if (record.acceptedAt() > 0) {
            json.add("acceptedAt", Instant.ofEpochMilli(record.acceptedAt()).toString());
            if (status.complete() && status.lastSentAt() > 0) {
                json.add("elapsedMillis", Math.max(0, status.lastSentAt() - record.acceptedAt()));
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
                .add("messageId", String.valueOf(letter.messageId()))
                .add("redrive", "dead-letters/" + String.valueOf(letter.messageId()).replaceFirst("^ID:", "") + "/redrive")
                .add("campaignId", String.valueOf(letter.campaignId()))
                .add("recipient", String.valueOf(letter.recipient()))
                .add("reason", String.valueOf(letter.reason()))
                .add("deliveries", letter.deliveries())
                .add("queuedAt", Instant.ofEpochMilli(letter.timestamp()).toString())
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
