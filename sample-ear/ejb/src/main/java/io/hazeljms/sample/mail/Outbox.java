package io.hazeljms.sample.mail;

import io.hazeljms.sample.InstanceIdentity;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this instance has "sent", in order: an in-memory record per mail with a sequence number local to this
 * JVM. Each instance has its own outbox; together they hold every mail sent once.
 */
@ApplicationScoped
public class Outbox {

    /** One sent mail. {@code sequence} orders the mails this instance sent. */
    public record Entry(long sequence, String campaignId, String recipient, String subject, String instance,
                        Instant sentAt) {
    }

    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Queue<Entry>> byCampaign = new ConcurrentHashMap<>();

    public Entry record(Mail mail) {
        Entry entry = new Entry(sequence.incrementAndGet(), mail.campaignId(), mail.recipient(), mail.subject(),
                InstanceIdentity.name(), Instant.now());
        byCampaign.computeIfAbsent(mail.campaignId(), id -> new ConcurrentLinkedQueue<>()).add(entry);
        return entry;
    }

    /** This instance's entries of one campaign, in the order they were sent. */
    public List<Entry> entries(String campaignId) {
        Queue<Entry> entries = byCampaign.get(campaignId);
        if (entries == null) {
            return List.of();
        }
        List<Entry> list = new ArrayList<>(entries);
        list.sort(Comparator.comparingLong(Entry::sequence));
        return list;
    }

    /** Mails this instance has sent in all. */
    public long total() {
        return sequence.get();
    }
}
