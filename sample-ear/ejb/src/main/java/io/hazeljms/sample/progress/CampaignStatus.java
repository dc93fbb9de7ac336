package io.hazeljms.sample.progress;

import io.hazeljms.sample.campaign.CampaignRecord;

import java.util.Map;

/**
 * A campaign's state as any instance reports it: {@code sent} + {@code failed} + {@code pending} = {@code total}.
 *
 * @param record         what was accepted
 * @param sent           recipients mailed
 * @param failed         its mails in the dead-letter queue
 * @param sentByInstance recipients mailed per instance
 * @param lastSentAt     when the last mail went out (epoch ms; 0 if unknown)
 * @param source         where {@code sent} was counted: {@code "mailbox"} (the shared outbox: the same on every
 *                       instance, whenever it started) or {@code "events"} (what this instance heard on
 *                       {@code mail.events} since it started: the outbox is in memory only)
 */
public record CampaignStatus(CampaignRecord record, int sent, int failed, Map<String, Integer> sentByInstance,
                             long lastSentAt, String source) {

    public int pending() {
        return Math.max(0, record.total() - sent - failed);
    }

    public boolean complete() {
        return sent + failed >= record.total();
    }
}
