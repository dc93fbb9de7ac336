package io.hazeljms.sample.mail;

import io.hazeljms.sample.InstanceIdentity;
import io.hazeljms.sample.messaging.MailResources;
import io.hazeljms.sample.progress.MailEvent;
import io.hazeljms.sample.progress.MailEvents;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.util.logging.Logger;

/**
 * The sender pool: {@value MailResources#SENDER_SESSIONS} concurrent deliveries per instance from
 * {@code mail.outbound}, highest priority first, each in its own transaction. A mail the {@link MailSender}
 * rejects is rolled back and delivered again after {@value MailResources#REDELIVERY_DELAY_MILLIS} ms; after
 * {@value MailResources#MAX_DELIVERY_ATTEMPTS} attempts the provider moves it to {@code mail.dlq}. A sent mail
 * is announced on {@code mail.events} in the delivery's transaction (see {@link MailEvents}): consuming the mail
 * and announcing it commit together.
 *
 * <p>An idempotent receiver: sending a mail is a side effect outside the transaction, so a JVM that dies after
 * sending and before its delivery commits leaves the mail to be delivered again ({@code JMSRedelivered}) to
 * another session or instance. A redelivered mail that {@link MailSender#alreadySent} knows is not sent again,
 * only announced. First deliveries are not checked: a mail sent twice on first deliveries is a bug to see.
 */
@MessageDriven(name = "MailSenderBean", activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = MailResources.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = MailResources.OUTBOUND),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = MailResources.SENDER_SESSIONS),
        @ActivationConfigProperty(propertyName = "maxDeliveryAttempts", propertyValue = MailResources.MAX_DELIVERY_ATTEMPTS),
        @ActivationConfigProperty(propertyName = "redeliveryDelayMillis", propertyValue = MailResources.REDELIVERY_DELAY_MILLIS),
        @ActivationConfigProperty(propertyName = "deadLetterQueue", propertyValue = MailResources.DEAD_LETTERS)
})
public class MailSenderBean implements MessageListener {

    private static final Logger LOG = Logger.getLogger(MailSenderBean.class.getName());

    @Inject
    MailSender sender;

    @EJB
    MailEvents events;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        Mail mail;
        int attempt;
        boolean redelivered;
        try {
            mail = Mail.fromMessage(message);
            attempt = message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 1;
            redelivered = message.getJMSRedelivered() || attempt > 1;
        } catch (JMSException e) {
            throw new JMSRuntimeException("unreadable mail: " + e.getMessage(), e.getErrorCode(), e);
        }
        try {
            if (redelivered && sender.alreadySent(mail)) {
                LOG.info(() -> "attempt " + attempt + ": the mail of " + mail.campaignId() + " to " + mail.recipient()
                        + " was sent already; announcing it only");
            } else {
                sender.send(mail);
            }
        } catch (MailDeliveryException e) {
            LOG.info(() -> "attempt " + attempt + " of " + MailResources.MAX_DELIVERY_ATTEMPTS + " to send "
                    + mail.campaignId() + " to " + mail.recipient() + " failed: " + e.getMessage());
            context.setRollbackOnly(); // delivered again, or moved to the dead-letter queue after the last attempt
            return;
        }
        events.publish(MailEvent.sent(mail.campaignId(), mail.recipient(), InstanceIdentity.name()));
    }
}
