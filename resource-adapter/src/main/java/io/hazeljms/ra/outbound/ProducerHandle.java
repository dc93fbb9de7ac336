package io.hazeljms.ra.outbound;

import io.hazeljms.jms.client.ProducerSettings;
import io.hazeljms.ra.AdapterError;
import jakarta.jms.CompletionListener;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A producer of a {@link SessionHandle}: keeps its {@link ProducerSettings} and sends through whichever physical session the
 * moment calls for (the transaction's, or the one that stores at once).
 */
class ProducerHandle implements QueueSender, TopicPublisher {

    private final SessionHandle session;
    private final Destination destination;
    private final Map<Session, MessageProducer> physical = new IdentityHashMap<>();
    private volatile boolean closed;
    private volatile ProducerSettings settings = ProducerSettings.DEFAULTS;

    ProducerHandle(SessionHandle session, Destination destination) {
        this.session = session;
        this.destination = destination;
    }

    private synchronized MessageProducer target() throws JMSException {
        if (closed) {
            throw new IllegalStateException(AdapterError.PRODUCER_CLOSED.text());
        }
        Session s = session.sendingSession();
        MessageProducer p = physical.get(s);
        if (p == null) {
            p = s.createProducer(destination);
            physical.put(s, p);
        }
        settings.applyTo(p);
        return p;
    }

    private void checkOpen() throws JMSException {
        if (closed) {
            throw new IllegalStateException(AdapterError.PRODUCER_CLOSED.text());
        }
        session.checkOpen();
    }

    @Override
    public void setDisableMessageID(boolean value) throws JMSException {
        checkOpen();
        settings = settings.withDisableMessageId(value);
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        checkOpen();
        return settings.disableMessageId();
    }

    @Override
    public void setDisableMessageTimestamp(boolean value) throws JMSException {
        checkOpen();
        settings = settings.withDisableMessageTimestamp(value);
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        checkOpen();
        return settings.disableMessageTimestamp();
    }

    @Override
    public void setDeliveryMode(int mode) throws JMSException {
        checkOpen();
        settings = settings.withDeliveryMode(mode);
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        checkOpen();
        return settings.deliveryMode();
    }

    @Override
    public void setPriority(int value) throws JMSException {
        checkOpen();
        settings = settings.withPriority(value);
    }

    @Override
    public int getPriority() throws JMSException {
        checkOpen();
        return settings.priority();
    }

    @Override
    public void setTimeToLive(long value) throws JMSException {
        checkOpen();
        settings = settings.withTimeToLive(value);
    }

    @Override
    public long getTimeToLive() throws JMSException {
        checkOpen();
        return settings.timeToLive();
    }

    @Override
    public void setDeliveryDelay(long value) throws JMSException {
        checkOpen();
        settings = settings.withDeliveryDelay(value);
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        checkOpen();
        return settings.deliveryDelay();
    }

    @Override
    public Destination getDestination() throws JMSException {
        checkOpen();
        return destination;
    }

    @Override
    public Queue getQueue() throws JMSException {
        return (Queue) getDestination();
    }

    @Override
    public Topic getTopic() throws JMSException {
        return (Topic) getDestination();
    }

    @Override
    public void send(Message message) throws JMSException {
        target().send(message);
    }

    @Override
    public void send(Message message, int mode, int prio, long ttl) throws JMSException {
        target().send(message, mode, prio, ttl);
    }

    @Override
    public void send(Destination to, Message message) throws JMSException {
        target().send(to, message);
    }

    @Override
    public void send(Destination to, Message message, int mode, int prio, long ttl) throws JMSException {
        target().send(to, message, mode, prio, ttl);
    }

    @Override
    public void send(Message message, CompletionListener listener) throws JMSException {
        target().send(message, listener);
    }

    @Override
    public void send(Message message, int mode, int prio, long ttl, CompletionListener listener)
            throws JMSException {
        target().send(message, mode, prio, ttl, listener);
    }

    @Override
    public void send(Destination to, Message message, CompletionListener listener) throws JMSException {
        target().send(to, message, listener);
    }

    @Override
    public void send(Destination to, Message message, int mode, int prio, long ttl, CompletionListener listener)
            throws JMSException {
        target().send(to, message, mode, prio, ttl, listener);
    }

    @Override
    public void send(Queue queue, Message message) throws JMSException {
        send((Destination) queue, message);
    }

    @Override
    public void send(Queue queue, Message message, int mode, int prio, long ttl) throws JMSException {
        send((Destination) queue, message, mode, prio, ttl);
    }

    @Override
    public void publish(Message message) throws JMSException {
        send(message);
    }

    @Override
    public void publish(Message message, int mode, int prio, long ttl) throws JMSException {
        send(message, mode, prio, ttl);
    }

    @Override
    public void publish(Topic topic, Message message) throws JMSException {
        send(topic, message);
    }

    @Override
    public void publish(Topic topic, Message message, int mode, int prio, long ttl) throws JMSException {
        send(topic, message, mode, prio, ttl);
    }

    @Override
    public synchronized void close() throws JMSException {
        if (closed) {
            return;
        }
        closed = true;
        for (MessageProducer p : physical.values()) {
            p.close();
        }
        physical.clear();
    }

    void closeQuietly() {
        try {
            close();
        } catch (JMSException e) {
            // the session closes regardless
        }
    }
}
