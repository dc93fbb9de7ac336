package io.hazeljms.sample.campaign;

import io.hazeljms.sample.mail.MailQueue;
import io.hazeljms.sample.messaging.MailResources;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import java.util.logging.Logger;

/**
 * Fans a campaign out: one message per recipient on {@code mail.outbound}, at the campaign's priority (see
 * {@link MailQueue#fanOut}). A campaign message that cannot be split is delivered again. First it puts the
 * campaign on record if it is not yet ({@link CampaignRecords}): the instance that accepted it may have died
 * between queuing it and recording it.
 */
@MessageDriven(name = "CampaignSplitterBean", activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = MailResources.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = MailResources.CAMPAIGNS),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
public class CampaignSplitterBean implements MessageListener {

    private static final Logger LOG = Logger.getLogger(CampaignSplitterBean.class.getName());

    @EJB
    MailQueue mailQueue;

    @Inject
    CampaignRecords records;

    @Override
    public void onMessage(Message message) {
        CampaignOrder order;
        try {
            order = CampaignOrder.fromJson(((TextMessage) message).getText());
            records.save(CampaignRecord.of(order, message.getJMSTimestamp()));
        } catch (JMSException e) {
            throw new JMSRuntimeException("unreadable campaign: " + e.getMessage(), e.getErrorCode(), e);
        }
        mailQueue.fanOut(order);
        LOG.info(() -> "campaign " + order.id() + ": " + order.size() + " mails queued at priority " + order.priority());
    }
}
