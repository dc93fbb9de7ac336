package io.hazeljms.sample.mail;

import io.hazeljms.sample.campaign.CampaignOrder;
import io.hazeljms.sample.campaign.Recipients;
import io.hazeljms.sample.messaging.MailResources;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * Puts mails on {@code mail.outbound}, one message per recipient at the campaign's priority, in the caller's
 * transaction: called from the splitter's delivery, consuming the campaign message and queuing all its mails
 * commit together — every mail is queued exactly once, or none and the campaign message comes back.
 */
@Stateless
public class MailQueue {

    @Resource(lookup = MailResources.CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Resource(lookup = MailResources.OUTBOUND_QUEUE)
    Queue outbound;

    /** One mail per recipient of the campaign. */
    public void fanOut(CampaignOrder order) {
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession()) {
            MessageProducer producer = session.createProducer(outbound);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.setPriority(order.priority());
            Recipients recipients = order.recipients();
            for (int i = 0; i < recipients.size(); i++) {
                Mail mail = new Mail(order.id(), recipients.get(i), order.subject(), order.body(), order.delayMillis());
                producer.send(mail.toMessage(session));
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot queue the mails of campaign " + order.id() + ": " + e.getMessage(),
                    e.getErrorCode(), e);
        }
    }

    /** One mail at the given priority. */
    public void send(Mail mail, int priority) {
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession()) {
            session.createProducer(outbound).send(mail.toMessage(session), DeliveryMode.PERSISTENT, priority, 0);
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot queue a mail to " + mail.recipient() + ": " + e.getMessage(),
                    e.getErrorCode(), e);
        }
    }
}
