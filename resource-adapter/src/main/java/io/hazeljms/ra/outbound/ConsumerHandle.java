package io.hazeljms.ra.outbound;

import io.hazeljms.jms.client.ReceiveBodySupport;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;

/**
 * A consumer of a {@link SessionHandle}: receives through the physical XA session once the connection handle
 * is started, then lets the session's {@link io.hazeljms.jms.client.AcknowledgeModeEmulation} complete the
 * receive per the mode in force. No listeners in EE components (spec 12.2).
 */
class ConsumerHandle implements QueueReceiver, TopicSubscriber, ReceiveBodySupport {

    private final SessionHandle session;
    private final MessageConsumer physical;

    ConsumerHandle(SessionHandle session, MessageConsumer physical) {
        this.session = session;
        this.physical = physical;
    }

    @Override
    public Message receive() throws JMSException {
        return receive(0);
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        session.checkOpen();
        long remaining = session.owner().awaitStarted(timeout);
        if (remaining < 0) {
            return null;
        }
        return session.emulation().received(physical.receive(remaining));
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        session.checkOpen();
        if (!session.owner().isStarted()) {
            return null;
        }
        return session.emulation().received(physical.receiveNoWait());
    }

    @Override
    public Message receive(long timeout, Class<?> bodyType) throws JMSException {
        session.checkOpen();
        long remaining = session.owner().awaitStarted(timeout);
        if (remaining < 0) {
            return null;
        }
        return session.emulation().received(ReceiveBodySupport.of(physical).receive(remaining, bodyType), bodyType);
    }

    @Override
    public Message receiveNoWait(Class<?> bodyType) throws JMSException {
        session.checkOpen();
        if (!session.owner().isStarted()) {
            return null;
        }
        return session.emulation().received(ReceiveBodySupport.of(physical).receiveNoWait(bodyType), bodyType);
    }

    @Override
    public String getMessageSelector() throws JMSException {
        return physical.getMessageSelector();
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        throw SessionHandle.notInEe("getMessageListener");
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        throw SessionHandle.notInEe("setMessageListener");
    }

    @Override
    public Queue getQueue() throws JMSException {
        return ((QueueReceiver) physical).getQueue();
    }

    @Override
    public Topic getTopic() throws JMSException {
        return ((TopicSubscriber) physical).getTopic();
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        return ((TopicSubscriber) physical).getNoLocal();
    }

    @Override
    public void close() throws JMSException {
        physical.close();
    }
}
