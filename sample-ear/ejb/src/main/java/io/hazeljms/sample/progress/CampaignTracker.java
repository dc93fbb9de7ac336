package io.hazeljms.sample.progress;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * This instance's view of all campaigns, fed by {@link MailEventsBean} from topic {@code mail.events} while it
 * runs: the last {@value #RECENT} mails sent anywhere (the page's live list), and, for the most recent
 * {@value #MAX_CAMPAIGNS} campaigns, who was announced sent. It is not where progress is counted (an instance
 * that was down missed events): {@link Campaigns} is, and falls back to this view only when the outbox is in
 * memory only.
 */
@ApplicationScoped
public class CampaignTracker {

    static final int MAX_CAMPAIGNS = 200;
    static final int RECENT = 20;

    /** A mail some instance sent. */
    public record SentMail(String campaignId, String recipient, String instance, long at) {
    }

    private final Map<String, CampaignProgress> campaigns = new ConcurrentHashMap<>();
    private final Deque<SentMail> recent = new ConcurrentLinkedDeque<>();

    public void apply(MailEvent event) {
        CampaignProgress progress = campaigns.computeIfAbsent(event.campaignId(), CampaignProgress::new);
        switch (event.type()) {
            case ACCEPTED -> {
                progress.accepted(event);
                evictOld();
            }
            case SENT -> {
                if (progress.sent(event)) {
                    recent.addFirst(new SentMail(event.campaignId(), event.recipient(), event.instance(), event.at()));
                    while (recent.size() > RECENT) {
                        recent.pollLast();
                    }
                }
            }
        }
    }

    public Optional<CampaignProgress> find(String id) {
        return Optional.ofNullable(campaigns.get(id));
    }

    /** Campaigns, newest first. */
    public List<CampaignProgress> all() {
        List<CampaignProgress> list = new ArrayList<>(campaigns.values());
        list.sort(Comparator.comparingLong(CampaignProgress::acceptedAt).reversed());
        return list;
    }

    /** The last mails sent by any instance, newest first. */
    public List<SentMail> recent() {
        return new ArrayList<>(recent);
    }

    private void evictOld() {
        if (campaigns.size() <= MAX_CAMPAIGNS) {
            return;
        }
        campaigns.values().stream()
                .filter(c -> c.acceptedAt() > 0)
                .min(Comparator.comparingLong(CampaignProgress::acceptedAt))
                .ifPresent(oldest -> campaigns.remove(oldest.id()));
    }
}
