package io.hazeljms.jms.client;

import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import static io.hazeljms.jms.client.RuntimeExceptions.call;
import static io.hazeljms.jms.client.RuntimeExceptions.run;

/**
 * The simplified API's consumer: a {@link HazelcastMessageConsumer} with runtime exceptions, plus
 * {@code receiveBody}. In AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE mode a message whose body is not of the
 * requested type is not acknowledged but stays first in line (without counting as a redelivery); in the other
 * modes it counts as delivered. Either way the call throws MessageFormatRuntimeException (spec, receiveBody).
 */
public class HazelcastJMSConsumer implements JMSConsumer {

    private final HazelcastMessageConsumer consumer;

    HazelcastJMSConsumer(HazelcastMessageConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public String getMessageSelector() {
        return call(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener() {
        return call(consumer::getMessageListener);
    }

    @Override
    public void setMessageListener(MessageListener listener) {
        run(() -> consumer.setMessageListener(listener));
    }

    @Override
    public Message receive() {
        return call(consumer::receive);
    }

    @Override
    public Message receive(long timeout) {
        return call(() -> consumer.receive(timeout));
    }

    @Override
    public Message receiveNoWait() {
        return call(consumer::receiveNoWait);
    }

    @Override
    public void close() {
        run(consumer::close);
    }

    /** The next message's body; null for a message without one. Waits indefinitely. */
    @Override
    public <T> T receiveBody(Class<T> c) {
        return receiveBody(c, 0);
    }

    /** The next message's body within {@code timeout} ms (0 waits indefinitely); null on timeout or no body. */
    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return bodyOf(call(() -> consumer.receive(timeout, c)), c);
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return bodyOf(call(() -> consumer.receiveNoWait(c)), c);
    }

    private static <T> T bodyOf(Message message, Class<T> c) {
        return message == null ? null : call(() -> message.getBody(c));
    }

    @Override
    public String toString() {
        return "HazelcastJMSConsumer{" + consumer + "}";
    }
}
