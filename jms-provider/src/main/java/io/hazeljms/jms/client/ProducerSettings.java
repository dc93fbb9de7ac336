package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;

import java.util.Objects;

/**
 * The send options of a producer, as one immutable value: the classic producer, the {@code JMSProducer} and
 * the resource adapter's producer handle each hold one and replace it on every setter, so the defaults and the
 * validation (JMS 3.1, 7.8: delivery mode PERSISTENT or NON_PERSISTENT, priority 0 to 9) exist once.
 * Time to live and delivery delay take any value, as the spec leaves them open: zero or less means never
 * expires and no delay.
 */
public final class ProducerSettings {

    /** The spec's defaults: PERSISTENT, priority 4, no expiry, no delay, ids and timestamps on. */
    public static final ProducerSettings DEFAULTS = new ProducerSettings(DeliveryMode.PERSISTENT,
            Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE, Message.DEFAULT_DELIVERY_DELAY, false, false);

    private final int deliveryMode;
    private final int priority;
    private final long timeToLive;
    private final long deliveryDelay;
    private final boolean disableMessageId;
    private final boolean disableMessageTimestamp;

    private ProducerSettings(int deliveryMode, int priority, long timeToLive, long deliveryDelay,
                             boolean disableMessageId, boolean disableMessageTimestamp) {
        this.deliveryMode = deliveryMode;
        this.priority = priority;
        this.timeToLive = timeToLive;
        this.deliveryDelay = deliveryDelay;
        this.disableMessageId = disableMessageId;
        this.disableMessageTimestamp = disableMessageTimestamp;
    }

    /** @throws JMSException unless {@code mode} is PERSISTENT or NON_PERSISTENT */
    public static int validDeliveryMode(int mode) throws JMSException {
        if (mode != DeliveryMode.PERSISTENT && mode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException(ProviderError.DELIVERY_MODE_INVALID.text(mode));
        }
        return mode;
    }

    /** @throws JMSException unless {@code value} is 0 to 9 */
    public static int validPriority(int value) throws JMSException {
        if (value < 0 || value > 9) {
            throw new JMSException(ProviderError.PRIORITY_INVALID.text(value));
        }
        return value;
    }

    public int deliveryMode() {
        return deliveryMode;
    }

    public int priority() {
        return priority;
    }

    public long timeToLive() {
        return timeToLive;
    }

    public long deliveryDelay() {
        return deliveryDelay;
    }

    public boolean disableMessageId() {
        return disableMessageId;
    }

    public boolean disableMessageTimestamp() {
        return disableMessageTimestamp;
    }

    /** @throws JMSException unless PERSISTENT or NON_PERSISTENT ({@link ProviderError#DELIVERY_MODE_INVALID}) */
    public ProducerSettings withDeliveryMode(int mode) throws JMSException {
        return new ProducerSettings(validDeliveryMode(mode), priority, timeToLive, deliveryDelay, disableMessageId,
                disableMessageTimestamp);
    }

    /** @throws JMSException unless 0 to 9 ({@link ProviderError#PRIORITY_INVALID}) */
    public ProducerSettings withPriority(int value) throws JMSException {
        return new ProducerSettings(deliveryMode, validPriority(value), timeToLive, deliveryDelay, disableMessageId,
                disableMessageTimestamp);
    }

    public ProducerSettings withTimeToLive(long value) {
        return new ProducerSettings(deliveryMode, priority, value, deliveryDelay, disableMessageId,
                disableMessageTimestamp);
    }

    public ProducerSettings withDeliveryDelay(long value) {
        return new ProducerSettings(deliveryMode, priority, timeToLive, value, disableMessageId,
                disableMessageTimestamp);
    }

    public ProducerSettings withDisableMessageId(boolean value) {
        return new ProducerSettings(deliveryMode, priority, timeToLive, deliveryDelay, value,
                disableMessageTimestamp);
    }

    public ProducerSettings withDisableMessageTimestamp(boolean value) {
        return new ProducerSettings(deliveryMode, priority, timeToLive, deliveryDelay, disableMessageId, value);
    }

    /** Gives {@code producer} these settings through the standard API (a producer shared or pooled by a wrapper). */
    public void applyTo(MessageProducer producer) throws JMSException {
        producer.setDeliveryMode(deliveryMode);
        producer.setPriority(priority);
        producer.setTimeToLive(timeToLive);
        producer.setDeliveryDelay(deliveryDelay);
        producer.setDisableMessageID(disableMessageId);
        producer.setDisableMessageTimestamp(disableMessageTimestamp);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProducerSettings s && deliveryMode == s.deliveryMode && priority == s.priority
                && timeToLive == s.timeToLive && deliveryDelay == s.deliveryDelay
                && disableMessageId == s.disableMessageId && disableMessageTimestamp == s.disableMessageTimestamp;
    }

    @Override
    public int hashCode() {
        return Objects.hash(deliveryMode, priority, timeToLive, deliveryDelay, disableMessageId,
                disableMessageTimestamp);
    }

    @Override
    public String toString() {
        return "ProducerSettings{deliveryMode=" + deliveryMode + ", priority=" + priority + ", timeToLive="
                + timeToLive + ", deliveryDelay=" + deliveryDelay + ", disableMessageId=" + disableMessageId
                + ", disableMessageTimestamp=" + disableMessageTimestamp + "}";
    }
}
