package io.hazeljms.jms.client;

import io.hazeljms.jms.message.MessageImpl;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Destination;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;

import java.io.Serializable;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static io.hazeljms.jms.client.RuntimeExceptions.call;
import static io.hazeljms.jms.client.RuntimeExceptions.run;

/**
 * The simplified API's producer: a set of send options, message properties and headers that are applied to
 * every message it sends, through its context's anonymous {@link MessageProducer} (the provider's own or a
 * resource adapter's handle: only the standard MessageProducer API is used). The send options are one
 * {@link ProducerSettings}, validated when they are set.
 *
 * <p>Properties and the correlation ID, type and reply-to headers are kept on a private {@link MessageImpl},
 * so they follow exactly the rules of message properties (names, types, the conversion table).
 */
public class HazelcastJMSProducer implements JMSProducer {

    private final HazelcastJMSContext context;
    /** Holds the properties and headers to apply; never sent itself. */
    private final MessageImpl template = new MessageImpl();
    /** Whether the correlation ID was last set as bytes (the template keeps only one form). */
    private boolean correlationIdAsBytes;

    private ProducerSettings settings = ProducerSettings.DEFAULTS;
    private CompletionListener completionListener;

    HazelcastJMSProducer(HazelcastJMSContext context) {
        this.context = context;
    }

    // --- send ------------------------------------------------------------------------------------------------

    @Override
    public JMSProducer send(Destination destination, Message message) {
        MessageProducer producer = context.producer();
        if (message != null) {
            run(() -> apply(message));
        }
        run(() -> {
            // the context's producer is shared by its JMSProducers: configure it for this send
            settings.applyTo(producer);
            if (completionListener == null) {
                producer.send(destination, message);
            } else {
                producer.send(destination, message, completionListener);
            }
        });
        return this;
    }

    /** Sends a TextMessage; a null body sends one without text. */
    @Override
    public JMSProducer send(Destination destination, String body) {
        return send(destination, context.createTextMessage(body));
    }

    /** Sends a MapMessage with the entries of {@code body}; a null body sends an empty one. */
    @Override
    public JMSProducer send(Destination destination, Map<String, Object> body) {
        MapMessage message = context.createMapMessage();
        if (body != null) {
            run(() -> {
                for (Map.Entry<String, Object> e : body.entrySet()) {
                    message.setObject(e.getKey(), e.getValue());
                }
            });
        }
        return send(destination, message);
    }

    /** Sends a BytesMessage; a null body sends an empty one. */
    @Override
    public JMSProducer send(Destination destination, byte[] body) {
        BytesMessage message = context.createBytesMessage();
        if (body != null) {
            run(() -> message.writeBytes(body));
        }
        return send(destination, message);
    }

    /** Sends an ObjectMessage; a null body sends one without an object. */
    @Override
    public JMSProducer send(Destination destination, Serializable body) {
        ObjectMessage message = context.createObjectMessage(body);
        return send(destination, message);
    }

    /** Sets this producer's properties and the headers it was given on the message (spec: "applied"). */
    private void apply(Message message) throws jakarta.jms.JMSException {
        for (String name : getPropertyNames()) {
            message.setObjectProperty(name, template.getObjectProperty(name));
        }
        if (correlationIdAsBytes) {
            message.setJMSCorrelationIDAsBytes(template.getJMSCorrelationIDAsBytes());
        } else if (template.getJMSCorrelationID() != null) {
            message.setJMSCorrelationID(template.getJMSCorrelationID());
        }
        if (template.getJMSType() != null) {
            message.setJMSType(template.getJMSType());
        }
        if (template.getJMSReplyTo() != null) {
            message.setJMSReplyTo(template.getJMSReplyTo());
        }
    }

    // --- send options ----------------------------------------------------------------------------------------

    @Override
    public JMSProducer setDisableMessageID(boolean value) {
        settings = settings.withDisableMessageId(value);
        return this;
    }

    @Override
    public boolean getDisableMessageID() {
        return settings.disableMessageId();
    }

    @Override
    public JMSProducer setDisableMessageTimestamp(boolean value) {
        settings = settings.withDisableMessageTimestamp(value);
        return this;
    }

    @Override
    public boolean getDisableMessageTimestamp() {
        return settings.disableMessageTimestamp();
    }

    /** @throws jakarta.jms.JMSRuntimeException unless PERSISTENT or NON_PERSISTENT */
    @Override
    public JMSProducer setDeliveryMode(int mode) {
        settings = call(() -> settings.withDeliveryMode(mode));
        return this;
    }

    @Override
    public int getDeliveryMode() {
        return settings.deliveryMode();
    }

    /** @throws jakarta.jms.JMSRuntimeException unless 0 to 9 */
    @Override
    public JMSProducer setPriority(int value) {
        settings = call(() -> settings.withPriority(value));
        return this;
    }

    @Override
    public int getPriority() {
        return settings.priority();
    }

    @Override
    public JMSProducer setTimeToLive(long value) {
        settings = settings.withTimeToLive(value);
        return this;
    }

    @Override
    public long getTimeToLive() {
        return settings.timeToLive();
    }

    @Override
    public JMSProducer setDeliveryDelay(long value) {
        settings = settings.withDeliveryDelay(value);
        return this;
    }

    @Override
    public long getDeliveryDelay() {
        return settings.deliveryDelay();
    }

    /** With a listener, sends return at once and the listener is told of the outcome; null sends synchronously. */
    @Override
    public JMSProducer setAsync(CompletionListener listener) {
        completionListener = listener;
        return this;
    }

    @Override
    public CompletionListener getAsync() {
        return completionListener;
    }

    // --- properties ------------------------------------------------------------------------------------------

    @Override
    public JMSProducer setProperty(String name, boolean value) {
        run(() -> template.setBooleanProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, byte value) {
        run(() -> template.setByteProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, short value) {
        run(() -> template.setShortProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, int value) {
        run(() -> template.setIntProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, long value) {
        run(() -> template.setLongProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, float value) {
        run(() -> template.setFloatProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, double value) {
        run(() -> template.setDoubleProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, String value) {
        run(() -> template.setStringProperty(name, value));
        return this;
    }

    /** @throws jakarta.jms.MessageFormatRuntimeException unless a boxed primitive or a String */
    @Override
    public JMSProducer setProperty(String name, Object value) {
        run(() -> template.setObjectProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer clearProperties() {
        template.clearProperties();
        return this;
    }

    @Override
    public boolean propertyExists(String name) {
        return template.propertyExists(name);
    }

    @Override
    public boolean getBooleanProperty(String name) {
        return call(() -> template.getBooleanProperty(name));
    }

    @Override
    public byte getByteProperty(String name) {
        return call(() -> template.getByteProperty(name));
    }

    @Override
    public short getShortProperty(String name) {
        return call(() -> template.getShortProperty(name));
    }

    @Override
    public int getIntProperty(String name) {
        return call(() -> template.getIntProperty(name));
    }

    @Override
    public long getLongProperty(String name) {
        return call(() -> template.getLongProperty(name));
    }

    @Override
    public float getFloatProperty(String name) {
        return call(() -> template.getFloatProperty(name));
    }

    @Override
    public double getDoubleProperty(String name) {
        return call(() -> template.getDoubleProperty(name));
    }

    @Override
    public String getStringProperty(String name) {
        return call(() -> template.getStringProperty(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return template.getObjectProperty(name);
    }

    /** The names of the properties set, in the order they were first set; unmodifiable. */
    @Override
    public Set<String> getPropertyNames() {
        Set<String> names = new LinkedHashSet<>();
        @SuppressWarnings("unchecked")
        Enumeration<String> e = template.getPropertyNames();
        while (e.hasMoreElements()) {
            names.add(e.nextElement());
        }
        return Collections.unmodifiableSet(names);
    }

    // --- headers ---------------------------------------------------------------------------------------------

    @Override
    public JMSProducer setJMSCorrelationIDAsBytes(byte[] correlationID) {
        template.setJMSCorrelationIDAsBytes(correlationID);
        correlationIdAsBytes = correlationID != null;
        return this;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        return template.getJMSCorrelationIDAsBytes();
    }

    @Override
    public JMSProducer setJMSCorrelationID(String correlationID) {
        template.setJMSCorrelationID(correlationID);
        correlationIdAsBytes = false;
        return this;
    }

    @Override
    public String getJMSCorrelationID() {
        return template.getJMSCorrelationID();
    }

    @Override
    public JMSProducer setJMSType(String type) {
        template.setJMSType(type);
        return this;
    }

    @Override
    public String getJMSType() {
        return template.getJMSType();
    }

    @Override
    public JMSProducer setJMSReplyTo(Destination replyTo) {
        template.setJMSReplyTo(replyTo);
        return this;
    }

    @Override
    public Destination getJMSReplyTo() {
        return template.getJMSReplyTo();
    }

    @Override
    public String toString() {
        return "HazelcastJMSProducer{" + context + "}";
    }
}
