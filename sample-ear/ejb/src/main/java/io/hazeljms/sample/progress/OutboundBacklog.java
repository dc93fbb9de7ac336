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
 * Looks into {@code mail.outbound} without consuming it: the mails of one campaign that a browser still sees
 * there (waiting, or held by a sender). With {@link CampaignProgress#recipientsSent()} it tells a campaign that is
 * still pending because its mails are queued from one whose mails are gone but were never announced.
 */
@ApplicationScoped
public class OutboundBacklog {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    @Resource(lookup = MailResources.CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Resource(lookup = MailResources.OUTBOUND_QUEUE)
    Queue queue;

    /** Recipients of the campaign's mails on {@code mail.outbound}, oldest first, at most {@code limit}. */
    public List<String> recipients(String campaignId, int limit) {
        List<String> recipients = new ArrayList<>();
        if (!SAFE_ID.matcher(campaignId).matches()) {
            return recipients;
        }
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession()) {
            connection.start();
            try (QueueBrowser browser = session.createBrowser(queue,
                    MailResources.PROP_CAMPAIGN + " = '" + campaignId + "'")) {
                Enumeration<?> messages = browser.getEnumeration();
                while (messages.hasMoreElements() && recipients.size() < limit) {
                    recipients.add(((Message) messages.nextElement()).getStringProperty(MailResources.PROP_RECIPIENT));
                }
            }
            return recipients;
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot browse " + MailResources.OUTBOUND + ": " + e.getMessage(),
                    e.getErrorCode(), e);
        }
    }
}
