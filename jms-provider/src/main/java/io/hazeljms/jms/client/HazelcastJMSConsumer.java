package io.hazeljms.jms.client;

import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;

import java.util.function.Consumer;

import static io.hazeljms.jms.client.RuntimeExceptions.call;
import static io.hazeljms.jms.client.RuntimeExceptions.run;

/**
 * The simplified API's consumer: a classic {@link MessageConsumer} with runtime exceptions, plus
 * {@code receiveBody}. In AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE mode a message whose body is not of the
 * requested type is not acknowledged but stays first in line (without counting as a redelivery); in the other
 * modes it counts as delivered. Either way the call throws MessageFormatRuntimeException (spec, receiveBody).
 *
 * <p>That needs the consumer's {@link ReceiveBodySupport} (the provider's own consumers have it). A foreign
 * consumer without it is used with {@code receive} + {@code getBody}: then a message of the wrong type has
 * been acknowledged in AUTO/DUPS_OK mode when the call throws, and is not delivered again.
 */
public class HazelcastJMSConsumer implements JMSConsumer {

    private final MessageConsumer consumer;
    /** Null for a consumer without support: see the class comment. */
    private final ReceiveBodySupport bodies;
    /** Told of every message delivered, when the context acknowledges through them; else null. */
    private final Consumer<Message> delivered;

    HazelcastJMSConsumer(MessageConsumer consumer, Consumer<Message> delivered) {
        this.consumer = consumer;
        this.bodies = ReceiveBodySupport.of(consumer);
        this.delivered = delivered;
    }

    @Override
    public String getMessageSelector() {
        return call(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener() {
        MessageListener listener = call(consumer::getMessageListener);
        return listener instanceof Tracking tracking ? tracking.application() : listener;
    }

    @Override
    public void setMessageListener(MessageListener listener) {
        MessageListener effective = listener == null || delivered == null ? listener
                : new Tracking(listener, delivered);
        run(() -> consumer.setMessageListener(effective));
    }

    @Override
    public Message receive() {
        return track(call(consumer::receive));
    }

    @Override
    public Message receive(long timeout) {
        return track(call(() -> consumer.receive(timeout)));
    }

    @Override
    public Message receiveNoWait() {
        return track(call(consumer::receiveNoWait));
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
        Message message = bodies != null ? call(() -> bodies.receive(timeout, c)) : call(() -> consumer.receive(timeout));
        return bodyOf(track(message), c);
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        Message message = bodies != null ? call(() -> bodies.receiveNoWait(c)) : call(consumer::receiveNoWait);
        return bodyOf(track(message), c);
    }

    private Message track(Message message) {
        if (message != null && delivered != null) {
            delivered.accept(message);
        }
        return message;
    }

    private static <T> T bodyOf(Message message, Class<T> c) {
        return message == null ? null : call(() -> message.getBody(c));
    }

    @Override
    public String toString() {
        return "HazelcastJMSConsumer{" + consumer + "}";
    }

    /** The application's listener, reporting each message to the context before it runs. */
    private record Tracking(MessageListener application, Consumer<Message> delivered) implements MessageListener {
        @Override
        public void onMessage(Message message) {
            delivered.accept(message);
            application.onMessage(message);
        }
    }
}
