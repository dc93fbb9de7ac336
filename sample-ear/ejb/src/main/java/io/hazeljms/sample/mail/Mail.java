package io.hazeljms.sample.mail;

import io.hazeljms.sample.messaging.MailResources;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * One mail to one recipient, as it travels on {@code mail.outbound}: the body as text, the rest as message
 * properties (so a dead letter still says whose mail it was, and selectors can pick a campaign's mails).
 *
 * @param campaignId  the campaign (or password reset) it belongs to
 * @param recipient   address
 * @param subject     subject
 * @param body        body
 * @param delayMillis simulated SMTP latency
 */
public record Mail(String campaignId, String recipient, String subject, String body, int delayMillis) {

    public TextMessage toMessage(Session session) throws JMSException {
        TextMessage message = session.createTextMessage(body);
        message.setStringProperty(MailResources.PROP_CAMPAIGN, campaignId);
        message.setStringProperty(MailResources.PROP_RECIPIENT, recipient);
        message.setStringProperty(MailResources.PROP_SUBJECT, subject);
        message.setIntProperty(MailResources.PROP_DELAY, delayMillis);
        return message;
    }

    public static Mail fromMessage(Message message) throws JMSException {
        String body = message instanceof TextMessage text ? text.getText() : "";
        return new Mail(message.getStringProperty(MailResources.PROP_CAMPAIGN),
                message.getStringProperty(MailResources.PROP_RECIPIENT),
                message.getStringProperty(MailResources.PROP_SUBJECT),
                body,
                message.propertyExists(MailResources.PROP_DELAY) ? message.getIntProperty(MailResources.PROP_DELAY) : 0);
    }
}
