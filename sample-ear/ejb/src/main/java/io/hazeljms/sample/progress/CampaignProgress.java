package io.hazeljms.sample.progress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One campaign as this instance knows it from {@code mail.events}: its size, and who was sent a mail by which
 * instance. A recipient counts once even if its event arrives twice.
 */
public final class CampaignProgress {

    private final String id;
    private volatile String subject = "";
    private volatile int total = -1;
    private volatile int priority;
    private volatile long acceptedAt;
    private volatile long lastSentAt;
    private final Set<String> recipientsSent = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> sentByInstance = new ConcurrentHashMap<>();

    CampaignProgress(String id) {
        this.id = id;
    }

    void accepted(MailEvent event) {
        subject = event.subject();
        total = event.total();
        priority = event.priority();
        if (acceptedAt == 0 || event.at() < acceptedAt) {
            acceptedAt = event.at();
        }
    }

    /** @return whether this recipient was new */
    boolean sent(MailEvent event) {
        if (!recipientsSent.add(event.recipient())) {
            return false;
        }
        sentByInstance.computeIfAbsent(event.instance(), i -> new AtomicInteger()).incrementAndGet();
        if (event.at() > lastSentAt) {
            lastSentAt = event.at();
        }
        return true;
    }

    public String id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    /** Number of mails, or -1 if this instance has not heard of the campaign's acceptance (yet). */
    public int total() {
        return total;
    }

    public int priority() {
        return priority;
    }

    public int sent() {
        return recipientsSent.size();
    }

    /** The recipients this instance heard were sent a mail, sorted. */
    public List<String> recipientsSent() {
        List<String> list = new ArrayList<>(recipientsSent);
        Collections.sort(list);
        return list;
    }

    public long acceptedAt() {
        return acceptedAt;
    }

    public long lastSentAt() {
        return lastSentAt;
    }

    /** Mails sent per instance name, sorted by name. */
    public Map<String, Integer> sentByInstance() {
        Map<String, Integer> copy = new TreeMap<>();
        sentByInstance.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }
}
