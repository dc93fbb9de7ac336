package io.hazeljms.sample.progress;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Session;

/**
 * What happens to campaigns, as published on topic {@code mail.events}: a campaign was accepted (with its size),
 * or one of its mails was sent (by which instance). Every instance subscribes, so every instance knows the
 * progress of every campaign, wherever its mails were sent.
 *
 * @param type       what happened
 * @param campaignId which campaign
 * @param subject    ACCEPTED: its subject
 * @param total      ACCEPTED: how many mails
 * @param priority   ACCEPTED: its priority
 * @param recipient  SENT: to whom
 * @param instance   who published it (SENT: who sent the mail)
 * @param at         when, epoch milliseconds
 */
public record MailEvent(Type type, String campaignId, String subject, int total, int priority, String recipient,
                        String instance, long at) {

    public enum Type { ACCEPTED, SENT }

    public static MailEvent accepted(String campaignId, String subject, int total, int priority, String instance) {
        return new MailEvent(Type.ACCEPTED, campaignId, subject, total, priority, null, instance,
                System.currentTimeMillis());
    }

    public static MailEvent sent(String campaignId, String recipient, String instance) {
        return new MailEvent(Type.SENT, campaignId, null, 0, 0, recipient, instance, System.currentTimeMillis());
    }

    public MapMessage toMessage(Session session) throws JMSException {
        MapMessage message = session.createMapMessage();
        message.setString("type", type.name());
        message.setString("campaignId", campaignId);
        message.setString("instance", instance);
        message.setLong("at", at);
        if (type == Type.ACCEPTED) {
            message.setString("subject", subject);
            message.setInt("total", total);
            message.setInt("priority", priority);
        } else {
            message.setString("recipient", recipient);
        }
        return message;
    }

    public static MailEvent fromMessage(Message message) throws JMSException {
        MapMessage map = (MapMessage) message;
        Type type = Type.valueOf(map.getString("type"));
        boolean accepted = type == Type.ACCEPTED;
        return new MailEvent(type, map.getString("campaignId"),
                accepted ? map.getString("subject") : null,
                accepted ? map.getInt("total") : 0,
                accepted ? map.getInt("priority") : 0,
                accepted ? null : map.getString("recipient"),
                map.getString("instance"), map.getLong("at"));
    }
}
