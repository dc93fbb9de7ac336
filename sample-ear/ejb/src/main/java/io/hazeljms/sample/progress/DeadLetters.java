package io.hazeljms.sample.progress;

import io.hazeljms.sample.messaging.MailResources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.regex.Pattern;

/**
 * Looks into the dead-letter queue {@code mail.dlq} without consuming it: the mails that failed every attempt.
 * The queue is shared by the cluster, so every instance sees the same dead letters.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** Newest first: the later sent, then the later in the queue. */
    private static final Comparator<DeadLetter> NEWEST_FIRST = Comparator.comparingLong(DeadLetter::timestamp)
            .thenComparingInt(DeadLetter::position).reversed();

    /**
     * A mail that ran out of attempts.
     *
     * @param timestamp when the mail was queued (its {@code JMSTimestamp})
     * @param position  its place in the browse, oldest first
     */
    public record DeadLetter(String messageId, String campaignId, String recipient, String reason, int deliveries,
                             long timestamp, int position) {
    }

    /**
     * The whole queue in one look: how many dead letters, how many per campaign, and the newest few.
     *
     * @param newest newest first
     */
    public record Summary(int count, Map<String, Integer> byCampaign, List<DeadLetter> newest) {
    }

    @Resource(lookup = MailResources.CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Resource(lookup = MailResources.DEAD_LETTER_QUEUE)
    Queue queue;

    /** Dead letters of one campaign. */
    public int count(String campaignId) {
        if (!SAFE_ID.matcher(campaignId).matches()) {
            return 0;
        }
        return summary(MailResources.PROP_CAMPAIGN + " = '" + campaignId + "'", 0).count();
    }

    /** All dead letters, counted by campaign, with the newest {@code limit} of them. */
    public Summary summary(int limit) {
        return summary(null, limit);
    }

    private Summary summary(String selector, int limit) {
        PriorityQueue<DeadLetter> newest = new PriorityQueue<>(NEWEST_FIRST.reversed()); // head: the oldest kept
        Map<String, Integer> byCampaign = new HashMap<>();
        int count = 0;
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession()) {
            connection.start();
            try (QueueBrowser browser = session.createBrowser(queue, selector)) {
                Enumeration<?> messages = browser.getEnumeration();
                while (messages.hasMoreElements()) {
                    Message message = (Message) messages.nextElement();
                    count++;
                    byCampaign.merge(String.valueOf(message.getStringProperty(MailResources.PROP_CAMPAIGN)), 1,
                            Integer::sum);
                    if (limit > 0) {
                        newest.add(deadLetter(message, count));
                        if (newest.size() > limit) {
                            newest.poll();
                        }
                    }
                }
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot browse " + MailResources.DEAD_LETTERS + ": " + e.getMessage(),
                    e.getErrorCode(), e);
        }
        List<DeadLetter> list = new ArrayList<>(newest);
        list.sort(NEWEST_FIRST);
        return new Summary(count, byCampaign, list);
    }

    private static DeadLetter deadLetter(Message message, int position) throws JMSException {
        return new DeadLetter(message.getJMSMessageID(),
                message.getStringProperty(MailResources.PROP_CAMPAIGN),
                message.getStringProperty(MailResources.PROP_RECIPIENT),
                message.getStringProperty("HJMS_Reason"),
                message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 0,
                message.getJMSTimestamp(), position);
    }
}
