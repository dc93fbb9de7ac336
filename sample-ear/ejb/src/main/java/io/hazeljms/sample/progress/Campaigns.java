package io.hazeljms.sample.progress;

import io.hazeljms.sample.campaign.CampaignRecord;
import io.hazeljms.sample.campaign.CampaignRecords;
import io.hazeljms.sample.mail.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every campaign's progress, counted from state a crash cannot split, so every instance reports the same,
 * including one started after the campaign or after a {@code kill -9}:
 *
 * <ul>
 *   <li>what was accepted: the {@link CampaignRecords campaign record};</li>
 *   <li>{@code sent}: the recipients in the shared mailbox ({@link Outbox#tally}), whose file the sender writes
 *       before its delivery commits (a mail sent by a JVM that died before committing is counted, and its
 *       redelivery is not sent again);</li>
 *   <li>{@code failed}: the campaign's messages in {@code mail.dlq}, which the provider moves there in the same
 *       step that ends their delivery;</li>
 *   <li>{@code pending}: the rest (queued, in a sender's hands, or redriven and on their way again).</li>
 * </ul>
 *
 * With the outbox in memory only, {@code sent} falls back to what this instance heard on {@code mail.events}
 * ({@link CampaignTracker}), and campaigns accepted elsewhere are known from their "accepted" event.
 */
@ApplicationScoped
public class Campaigns {

    @Inject
    CampaignRecords records;

    @Inject
    Outbox outbox;

    @Inject
    DeadLetters deadLetters;

    @Inject
    CampaignTracker tracker;

    /** Records a campaign just accepted (see {@link CampaignRecords#save}). */
    public void accepted(CampaignRecord record) {
        records.save(record);
    }

    public Optional<CampaignStatus> find(String id) {
        return record(id).map(record -> status(record, deadLetters.count(id)));
    }

    /** The newest campaigns, newest first, at most {@code limit}, with one look at the dead-letter queue. */
    public List<CampaignStatus> newest(int limit) {
        List<CampaignRecord> list = new ArrayList<>(records.newest(limit));
        Set<String> ids = list.stream().map(CampaignRecord::id).collect(Collectors.toSet());
        tracker.all().stream().filter(p -> p.total() >= 0 && !ids.contains(p.id())).map(Campaigns::record)
                .forEach(list::add); // heard of, not (yet) on record here: memory-only outbox, or just accepted
        list.sort(Comparator.comparingLong(CampaignRecord::acceptedAt).reversed());
        Map<String, Integer> failed = deadLetters.summary(0).byCampaign();
        return list.subList(0, Math.min(limit, list.size())).stream()
                .map(record -> status(record, failed.getOrDefault(record.id(), 0)))
                .toList();
    }

    private Optional<CampaignRecord> record(String id) {
        return records.find(id).or(() -> tracker.find(id).filter(p -> p.total() >= 0).map(Campaigns::record));
    }

    private CampaignStatus status(CampaignRecord record, int failed) {
        Optional<Outbox.Tally> mailbox = outbox.tally(record.id());
        if (mailbox.isPresent()) {
            Outbox.Tally tally = mailbox.get();
            return new CampaignStatus(record, tally.recipients(), failed, tally.byInstance(), tally.lastMailAt(),
                    "mailbox");
        }
        Optional<CampaignProgress> heard = tracker.find(record.id());
        return new CampaignStatus(record, heard.map(CampaignProgress::sent).orElse(0), failed,
                heard.map(CampaignProgress::sentByInstance).orElse(Map.of()),
                heard.map(CampaignProgress::lastSentAt).orElse(0L), "events");
    }

    private static CampaignRecord record(CampaignProgress heard) {
        return new CampaignRecord(heard.id(), heard.subject(), heard.total(), heard.priority(), heard.acceptedAt());
    }
}
