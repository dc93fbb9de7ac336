package io.hazeljms.sample.campaign;

import io.hazeljms.sample.InstanceIdentity;
import io.hazeljms.sample.mail.Mail;
import io.hazeljms.sample.mail.MailQueue;
import io.hazeljms.sample.messaging.MailResources;
import io.hazeljms.sample.progress.CampaignTracker;
import io.hazeljms.sample.progress.MailEvent;
import io.hazeljms.sample.progress.MailEvents;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import java.util.UUID;

/**
 * Accepts work and puts it on a queue, nothing more, so the web request returns at once: a campaign goes to
 * {@code mail.campaigns} as one message (the splitter fans it out), a password reset goes straight to
 * {@code mail.outbound} at priority 9, ahead of every campaign mail still waiting there.
 *
 * <p>The application declares its own messaging resources here, on the HazelJMS resource adapter: no server
 * configuration is needed besides deploying {@code hazeljms-ra.rar}.
 */
@JMSConnectionFactoryDefinition(
        name = MailResources.CONNECTION_FACTORY,
        interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = MailResources.RESOURCE_ADAPTER,
        maxPoolSize = 32)
@JMSDestinationDefinition(name = MailResources.CAMPAIGN_QUEUE, interfaceName = "jakarta.jms.Queue",
        resourceAdapter = MailResources.RESOURCE_ADAPTER, destinationName = MailResources.CAMPAIGNS)
@JMSDestinationDefinition(name = MailResources.OUTBOUND_QUEUE, interfaceName = "jakarta.jms.Queue",
        resourceAdapter = MailResources.RESOURCE_ADAPTER, destinationName = MailResources.OUTBOUND)
@JMSDestinationDefinition(name = MailResources.DEAD_LETTER_QUEUE, interfaceName = "jakarta.jms.Queue",
        resourceAdapter = MailResources.RESOURCE_ADAPTER, destinationName = MailResources.DEAD_LETTERS)
@JMSDestinationDefinition(name = MailResources.EVENTS_TOPIC, interfaceName = "jakarta.jms.Topic",
        resourceAdapter = MailResources.RESOURCE_ADAPTER, destinationName = MailResources.EVENTS)
@Stateless
public class CampaignService {

    /** Priority of password-reset mails: above any campaign's. */
    public static final int PASSWORD_RESET_PRIORITY = 9;

    @Resource(lookup = MailResources.CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Resource(lookup = MailResources.CAMPAIGN_QUEUE)
    Queue campaigns;

    @EJB
    MailQueue mailQueue;

    @EJB
    MailEvents events;

    @Inject
    CampaignTracker tracker;

    /** A new job id. */
    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /**
     * Queues the campaign for the splitter; its progress is known here at once. The caller records the returned
     * campaign ({@code Campaigns.accepted}) once this method's transaction has committed, so that no campaign is
     * on record whose message was never queued.
     */
    public CampaignRecord submit(CampaignOrder order) {
        MailEvent accepted = MailEvent.accepted(order.id(), order.subject(), order.size(), order.priority(),
                InstanceIdentity.name());
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession()) {
            Message message = session.createTextMessage(order.toJson());
            message.setStringProperty(MailResources.PROP_CAMPAIGN, order.id());
            MessageProducer producer = session.createProducer(campaigns);
            producer.send(message, DeliveryMode.PERSISTENT, order.priority(), 0);
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot queue campaign " + order.id() + ": " + e.getMessage(),
                    e.getErrorCode(), e);
        }
        tracker.apply(accepted);
        events.publish(accepted);
        return CampaignRecord.of(order, accepted.at());
    }

    /** Queues one password-reset mail at priority 9, as a campaign of one (to record as {@link #submit} says). */
    public CampaignRecord passwordReset(String address, int delayMillis) {
        String id = newId("reset");
        MailEvent accepted = MailEvent.accepted(id, "Password reset", 1, PASSWORD_RESET_PRIORITY,
                InstanceIdentity.name());
        Mail mail = new Mail(id, address, "Reset your password",
                "Someone asked to reset the password of " + address + ". Here is your link.", delayMillis);
        tracker.apply(accepted);
        events.publish(accepted);
        mailQueue.send(mail, PASSWORD_RESET_PRIORITY);
        return new CampaignRecord(id, accepted.subject(), 1, PASSWORD_RESET_PRIORITY, accepted.at());
    }
}
