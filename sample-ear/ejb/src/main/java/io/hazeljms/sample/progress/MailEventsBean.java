package io.hazeljms.sample.progress;

import io.hazeljms.sample.messaging.MailResources;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every instance's subscription to {@code mail.events}: feeds this instance's {@link CampaignTracker}. A plain
 * (non-durable, unshared) subscription per instance, so each instance sees every event published while it runs:
 * a shared subscription would split the events among the instances, and a durable one would outlive the
 * in-memory view it feeds. The events are persistent (they survive the member that held them) and the tracker
 * counts a recipient once, however often its event comes. No transaction needed for updating an in-memory view.
 */
@MessageDriven(name = "MailEventsBean", activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = MailResources.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = MailResources.EVENTS),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailEventsBean implements MessageListener {

    private static final Logger LOG = Logger.getLogger(MailEventsBean.class.getName());

    @Inject
    CampaignTracker tracker;

    @Override
    public void onMessage(Message message) {
        try {
            tracker.apply(MailEvent.fromMessage(message));
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "ignoring an unreadable event on " + MailResources.EVENTS, e);
        }
    }
}
