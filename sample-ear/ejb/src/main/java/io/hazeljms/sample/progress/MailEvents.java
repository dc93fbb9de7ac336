package io.hazeljms.sample.progress;

import io.hazeljms.sample.messaging.MailResources;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;

/**
 * Publishes {@link MailEvent}s on topic {@code mail.events} in the caller's transaction ({@code MANDATORY}: there
 * must be one, and the pooled XA connection joins it): the sender's "sent" event is published if and only if its
 * delivery of {@code mail.outbound} commits, in the same XA transaction: a crash cannot consume a mail without
 * announcing it, nor announce a mail whose delivery rolls back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class MailEvents {

    @Resource(lookup = MailResources.CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Resource(lookup = MailResources.EVENTS_TOPIC)
    Topic topic;

    public void publish(MailEvent event) {
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession()) {
            MessageProducer producer = session.createProducer(topic);
            // every instance's progress is built from these events and nothing else: an event lost with a member
            // would leave its campaign pending for ever there
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(event.toMessage(session));
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot publish " + event.type() + " of " + event.campaignId() + ": "
                    + e.getMessage(), e.getErrorCode(), e);
        }
    }
}
