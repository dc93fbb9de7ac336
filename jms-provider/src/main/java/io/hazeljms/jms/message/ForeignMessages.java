package io.hazeljms.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

import java.io.ByteArrayOutputStream;
import java.util.Enumeration;

/**
 * Converts another provider's message into ours, through the public JMS API only, so that it can be sent
 * (spec 3.12). The send-time headers (message ID, timestamp, destination, ...) are set by the sender afterwards.
 */
final class ForeignMessages {

    private ForeignMessages() {
    }

    static MessageImpl copy(Message foreign) throws JMSException {
        MessageImpl copy = copyBody(foreign);
        copyHeaders(foreign, copy);
        copyProperties(foreign, copy);
        return copy;
    }

    private static MessageImpl copyBody(Message foreign) throws JMSException {
        if (foreign instanceof TextMessage text) {
            return new TextMessageImpl(text.getText());
        }
        if (foreign instanceof BytesMessage bytes) {
            BytesMessageImpl copy = new BytesMessageImpl();
            copy.writeBytes(readAll(bytes));
            return copy;
        }
        if (foreign instanceof MapMessage map) {
            MapMessageImpl copy = new MapMessageImpl();
            for (Enumeration<?> names = map.getMapNames(); names.hasMoreElements(); ) {
                String name = (String) names.nextElement();
                copy.setObject(name, map.getObject(name));
            }
            return copy;
        }
        if (foreign instanceof ObjectMessage object) {
            return new ObjectMessageImpl(object.getObject());
        }
        if (foreign instanceof StreamMessage stream) {
            StreamMessageImpl copy = new StreamMessageImpl();
            stream.reset();
            try {
                while (true) {
                    copy.writeObject(stream.readObject());
                }
            } catch (MessageEOFException end) {
                // all fields copied
            }
            stream.reset();
            return copy;
        }
        return new MessageImpl();
    }

    /** The whole body, leaving the foreign message reset (read-only, at the start) as sending it would. */
    private static byte[] readAll(BytesMessage bytes) throws JMSException {
        bytes.reset();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        for (int n; (n = bytes.readBytes(chunk)) > 0; ) {
            all.write(chunk, 0, n);
        }
        bytes.reset();
        return all.toByteArray();
    }

    private static void copyHeaders(Message foreign, MessageImpl copy) throws JMSException {
        copy.setJMSMessageID(foreign.getJMSMessageID());
        copy.setJMSTimestamp(foreign.getJMSTimestamp());
        copy.setJMSCorrelationID(foreign.getJMSCorrelationID());
        copy.setJMSReplyTo(foreign.getJMSReplyTo());
        copy.setJMSDestination(foreign.getJMSDestination());
        copy.setJMSDeliveryMode(foreign.getJMSDeliveryMode());
        copy.setJMSType(foreign.getJMSType());
        copy.setJMSExpiration(foreign.getJMSExpiration());
        copy.setJMSDeliveryTime(foreign.getJMSDeliveryTime());
        copy.setJMSPriority(foreign.getJMSPriority());
    }

    /** All properties but JMSXDeliveryCount, which belongs to the foreign provider's delivery. */
    private static void copyProperties(Message foreign, MessageImpl copy) throws JMSException {
        for (Enumeration<?> names = foreign.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            if (!name.equals(PropertyNames.JMSX_DELIVERY_COUNT)) {
                copy.setObjectProperty(name, foreign.getObjectProperty(name));
            }
        }
    }
}
