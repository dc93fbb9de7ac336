package io.hazeljms.tests.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Always fails: the container rolls back, the message comes back, then goes to the DLQ after 3 attempts. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "hazeljms-ra"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "it.poison"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "maxDeliveryAttempts", propertyValue = "3"),
        @ActivationConfigProperty(propertyName = "redeliveryDelayMillis", propertyValue = "100")})
public class PoisonMdb implements MessageListener {

    @EJB
    Recorder recorder;

    @Override
    public void onMessage(Message message) {
        try {
            recorder.record("poison", message.getIntProperty("JMSXDeliveryCount") + ":" + message.getJMSRedelivered());
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("this bean always fails");
    }
}
