package io.hazeljms.sample.campaign;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What is known of a campaign for good once it is accepted: its id, subject, size, priority and when it was
 * accepted. Its progress is not here: it is counted from the mailbox and the dead-letter queue (see
 * {@code io.hazeljms.sample.progress.Campaigns}), so nothing a crash can leave half-written is needed.
 *
 * @param acceptedAt epoch milliseconds
 */
public record CampaignRecord(String id, String subject, int total, int priority, long acceptedAt) {

    public static CampaignRecord of(CampaignOrder order, long acceptedAt) {
        return new CampaignRecord(order.id(), order.subject(), order.size(), order.priority(), acceptedAt);
    }

    /** As a properties text (subject escaped), what {@link #parse} reads. */
    public String toText() {
        Properties properties = new Properties();
        properties.setProperty("id", id);
        properties.setProperty("subject", subject);
        properties.setProperty("total", Integer.toString(total));
        properties.setProperty("priority", Integer.toString(priority));
        properties.setProperty("acceptedAt", Long.toString(acceptedAt));
        StringWriter text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** @throws IllegalArgumentException if the text is not a whole record */
    public static CampaignRecord parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
            return new CampaignRecord(required(properties, "id"), required(properties, "subject"),
                    Integer.parseInt(required(properties, "total")), Integer.parseInt(required(properties, "priority")),
                    Long.parseLong(required(properties, "acceptedAt")));
        } catch (IOException | NumberFormatException e) {
            throw new IllegalArgumentException("not a campaign record: " + e.getMessage(), e);
        }
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("not a campaign record: no " + key);
        }
        return value;
    }
}
