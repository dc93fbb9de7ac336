package io.hazeljms.sample.progress;

import io.hazeljms.sample.messaging.MailResources;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;

/**
 * Publishes {@link MailEvent}s on topic {@code mail.events} in the caller's transaction: the sender's "sent"
 * event is published if and only if its delivery commits.
 */
@Stateless
public class MailEvents {

    @Resource(lookup = MailResources.CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Resource(lookup = MailResources.EVENTS_TOPIC)
    Topic topic;

    public void publish(MailEvent event) {
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession()) {
            MessageProducer producer = session.createProducer(topic);
            // progress is a view that can be rebuilt: no need for backups of every event
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            producer.send(event.toMessage(session));
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot publish " + event.type() + " of " + event.campaignId() + ": "
                    + e.getMessage(), e.getErrorCode(), e);
        }
    }
}
