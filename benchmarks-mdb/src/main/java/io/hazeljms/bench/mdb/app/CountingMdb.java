package io.hazeljms.bench.mdb.app;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The MDB under measurement: reads each message's body (1 KiB) and counts it. Container-managed, transaction
 * REQUIRED: each delivery is one transaction of the container, committed through the resource adapter's XA
 * resource. Declared in the WAR's {@code ejb-jar.xml} (written by {@code MdbApp}), not by annotations, so the same
 * class runs with either resource adapter and its activation properties.
 */
public class CountingMdb implements MessageListener {

    @Override
    public void onMessage(Message message) {
        try {
            ConsumedTally.awaitOpen(30);
            boolean wellFormed = message instanceof BytesMessage bytes && bytes.getBodyLength() == 1024
                    && bytes.readBytes(new byte[1024]) == 1024;
            ConsumedTally.consumed(message.getJMSRedelivered(), wellFormed);
        } catch (JMSException e) {
            throw new IllegalStateException("could not read the message: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the gate was closed", e);
        }
    }
}
