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
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Looks into the dead-letter queue {@code mail.dlq} without consuming it: the mails that failed every attempt.
 * The queue is shared by the cluster, so every instance sees the same dead letters.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** A mail that ran out of attempts. */
    public record DeadLetter(String campaignId, String recipient, String reason, int deliveries) {
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
        return browse(MailResources.PROP_CAMPAIGN + " = '" + campaignId + "'", Integer.MAX_VALUE, null);
    }

    /** All dead letters. */
    public int count() {
        return browse(null, Integer.MAX_VALUE, null);
    }

    /** The oldest {@code limit} dead letters. */
    public List<DeadLetter> list(int limit) {
        List<DeadLetter> list = new ArrayList<>();
        browse(null, limit, list);
        return list;
    }

    private int browse(String selector, int limit, List<DeadLetter> into) {
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession()) {
            connection.start();
            int count = 0;
            try (QueueBrowser browser = session.createBrowser(queue, selector)) {
                Enumeration<?> messages = browser.getEnumeration();
                while (messages.hasMoreElements() && count < limit) {
                    Message message = (Message) messages.nextElement();
                    count++;
                    if (into != null) {
                        into.add(new DeadLetter(message.getStringProperty(MailResources.PROP_CAMPAIGN),
                                message.getStringProperty(MailResources.PROP_RECIPIENT),
                                message.getStringProperty("HJMS_Reason"),
                                message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 0));
                    }
                }
            }
            return count;
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot browse " + MailResources.DEAD_LETTERS + ": " + e.getMessage(),
                    e.getErrorCode(), e);
        }
    }
}
