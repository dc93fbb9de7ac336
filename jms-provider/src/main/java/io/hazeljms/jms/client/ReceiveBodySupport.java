package io.hazeljms.jms.client;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;

/**
 * Optional SPI for a {@link MessageConsumer} that is not the provider's own (for example a resource adapter's
 * consumer handle): lets {@link HazelcastJMSContext} implement {@code JMSConsumer.receiveBody} per spec.
 *
 * <p>The contract of {@code receiveBody}: in AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE mode a message whose body
 * cannot be returned as the requested type ({@link Message#isBodyAssignableTo}) must not be acknowledged; it
 * stays for delivery again and the call throws {@link jakarta.jms.MessageFormatException}. In the other modes
 * the message is delivered as usual (it counts as delivered; the caller's {@code getBody} then throws).
 *
 * <p>A consumer handle that delegates to one of the provider's consumers implements this interface with
 * {@link #of(MessageConsumer)}: {@code ReceiveBodySupport.of(physicalConsumer).receive(timeout, bodyType)}.
 * When a foreign consumer does not implement it, the context falls back to {@code receive} + {@code getBody}:
 * then, in AUTO/DUPS_OK mode, a message of the wrong body type has already been acknowledged when
 * {@code receiveBody} throws, so it is not delivered again.
 */
public interface ReceiveBodySupport {

    /**
     * {@link MessageConsumer#receive(long)} for {@code receiveBody}: waits up to {@code timeout} ms (0: without
     * limit) and returns the next message, or null.
     *
     * @param bodyType the type the caller will ask {@code getBody} for
     * @throws jakarta.jms.MessageFormatException in AUTO/DUPS_OK mode, when the body is not assignable to
     *                                            {@code bodyType} (the message stays for delivery again)
     */
    Message receive(long timeout, Class<?> bodyType) throws JMSException;

    /** {@link MessageConsumer#receiveNoWait()} for {@code receiveBodyNoWait}; see {@link #receive(long, Class)}. */
    Message receiveNoWait(Class<?> bodyType) throws JMSException;

    /**
     * The receiveBody support of {@code consumer}: the consumer itself when it implements this interface, an
     * adapter when it is one of the provider's own consumers, otherwise null.
     */
    static ReceiveBodySupport of(MessageConsumer consumer) {
        if (consumer instanceof ReceiveBodySupport support) {
            return support;
        }
        if (consumer instanceof HazelcastMessageConsumer own) {
            return new ReceiveBodySupport() {
                @Override
                public Message receive(long timeout, Class<?> bodyType) throws JMSException {
                    return own.receive(timeout, bodyType);
                }

                @Override
                public Message receiveNoWait(Class<?> bodyType) throws JMSException {
                    return own.receiveNoWait(bodyType);
                }
            };
        }
        return null;
    }
}
