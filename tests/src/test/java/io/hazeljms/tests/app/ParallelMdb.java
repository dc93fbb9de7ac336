package io.hazeljms.tests.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** maxSession 4: deliveries run concurrently. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "hazeljms-ra"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "it.parallel"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")})
public class ParallelMdb implements MessageListener {

    @EJB
    Recorder recorder;

    @Override
    public void onMessage(Message message) {
        recorder.concurrentWork();
    }
}
