package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.security.Permission;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.jms.message.MessageImpl;
import io.hazeljms.store.StoredMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;

import java.util.List;

/**
 * Sends messages: sets the headers the spec gives the provider, converts to the store's record and stores it
 * (at once, at commit in a transacted session, asynchronously with a CompletionListener, or in the background
 * for NON_PERSISTENT messages: {@link NonPersistentSends}). Closing the producer waits until its session's
 * sends are stored.
 */
public class HazelcastMessageProducer implements QueueSender, TopicPublisher {

    private final HazelcastSession session;
    private final HazelcastDestination destination;
    private volatile boolean closed;
    private volatile ProducerSettings settings = ProducerSettings.DEFAULTS;

    HazelcastMessageProducer(HazelcastSession session, HazelcastDestination destination) {
        this.session = session;
        this.destination = destination;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw JmsExceptions.closed("producer");
        }
        session.checkOpen();
    }

    // --- settings --------------------------------------------------------------------------------------------

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
        checkOpen();
        return (Queue) destination;
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        return (Topic) destination;
    }

    // --- send ------------------------------------------------------------------------------------------------

    @Override
    public void send(Message message) throws JMSException {
        ProducerSettings s = settings;
        send(message, s.deliveryMode(), s.priority(), s.timeToLive());
    }

    @Override
    public void send(Message message, int mode, int prio, long ttl) throws JMSException {
        checkOpen();
        doSend(requireOwnDestination(), message, mode, prio, ttl, null);
    }

    @Override
    public void send(Destination target, Message message) throws JMSException {
        ProducerSettings s = settings;
        send(target, message, s.deliveryMode(), s.priority(), s.timeToLive());
    }

    @Override
    public void send(Destination target, Message message, int mode, int prio, long ttl) throws JMSException {
        checkOpen();
        doSend(requireAnonymous(target), message, mode, prio, ttl, null);
    }

    @Override
    public void send(Message message, CompletionListener listener) throws JMSException {
        ProducerSettings s = settings;
        send(message, s.deliveryMode(), s.priority(), s.timeToLive(), listener);
    }

    @Override
    public void send(Message message, int mode, int prio, long ttl, CompletionListener listener)
            throws JMSException {
        checkOpen();
        doSend(requireOwnDestination(), message, mode, prio, ttl, requireListener(listener));
    }

    @Override
    public void send(Destination target, Message message, CompletionListener listener) throws JMSException {
        ProducerSettings s = settings;
        send(target, message, s.deliveryMode(), s.priority(), s.timeToLive(), listener);
    }

    @Override
    public void send(Destination target, Message message, int mode, int prio, long ttl,
                     CompletionListener listener) throws JMSException {
        checkOpen();
        doSend(requireAnonymous(target), message, mode, prio, ttl, requireListener(listener));
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

    private HazelcastDestination requireOwnDestination() {
        if (destination == null) {
            throw new UnsupportedOperationException(ProviderError.PRODUCER_WITHOUT_DESTINATION.text());
        }
        return destination;
    }

    private HazelcastDestination requireAnonymous(Destination target) throws JMSException {
        if (destination != null) {
            throw new UnsupportedOperationException(ProviderError.PRODUCER_HAS_DESTINATION.text(destination));
        }
        if (target == null) {
            throw new InvalidDestinationException(ProviderError.DESTINATION_NULL.text());
        }
        return HazelcastDestination.of(target);
    }

    private static CompletionListener requireListener(CompletionListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException(ProviderError.COMPLETION_LISTENER_NULL.text());
        }
        return listener;
    }

    /** Sets the send headers on the application's message, then stores an independent copy of it. */
    private void doSend(HazelcastDestination target, Message message, int mode, int prio, long ttl,
                        CompletionListener listener) throws JMSException {
        if (message == null) {
            throw new MessageFormatException(ProviderError.MESSAGE_NULL.text());
        }
        ProducerSettings.validDeliveryMode(mode);
        ProducerSettings.validPriority(prio);
        session.connection().access().requireUse(Permission.SEND, target);
        ProducerSettings current = settings;
        long deliveryDelay = current.deliveryDelay();
        long now = System.currentTimeMillis();
        message.setJMSDestination(target);
        message.setJMSDeliveryMode(mode);
        message.setJMSPriority(prio);
        message.setJMSExpiration(ttl > 0 ? now + ttl : 0);
        message.setJMSDeliveryTime(now + Math.max(0, deliveryDelay));
        message.setJMSTimestamp(current.disableMessageTimestamp() ? 0 : now);
        // the id is always set: the store keys messages by it (the spec lets providers ignore the hint)
        message.setJMSMessageID(session.connection().nextMessageId());
        MessageImpl ours = message instanceof MessageImpl m ? m : MessageImpl.copyOf(message);
        StoredMessage stored = ours.toStored(target.encode());
        stored.deliveryTime(deliveryDelay > 0 ? now + deliveryDelay : 0);
        stored.originConnectionId(session.connection().connectionId());
        if (session.isTransacted()) {
            session.bufferSend(target, stored);
            if (listener != null) {
                session.asyncSends().completed(message, listener);
            }
        } else if (listener == null && mode == DeliveryMode.NON_PERSISTENT && session.nonPersistentSends() != null) {
            session.nonPersistentSends().send(target, stored);
        } else {
            session.flushNonPersistentSends(); // so this send cannot overtake NON_PERSISTENT ones made before
            if (listener != null) {
                session.asyncSends().send(target, stored, message, listener);
            } else {
                session.store(target, List.of(stored));
            }
        }
    }

    @Override
    public void close() throws JMSException {
        if (CompletionThreads.isCompletingFor(session)) {
            throw new IllegalStateException(ProviderError.COMPLETION_CLOSES_PRODUCER.text());
        }
        if (closed) {
            return;
        }
        session.asyncSends().awaitAll();
        session.flushNonPersistentSends();
        closed = true;
        session.producerClosed(this);
    }

    void closeQuietly() {
        closed = true;
    }
}
