package io.hazeljms.sample.progress;

import io.hazeljms.sample.messaging.MailResources;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.util.Collections;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sends a dead letter back to {@code mail.outbound}, with plain JMS: in one transaction (the container's, which
 * the pooled connection joins) it receives the message from {@code mail.dlq} by its {@code JMSMessageID} and
 * sends a copy (body, the mail's properties, priority) to {@code mail.outbound}. Both happen or neither: a
 * crash between them leaves the dead letter where it was, and two redrives of one message move it once.
 * The mail then goes through the sender again, with a fresh count of attempts.
 */
@Stateless
public class DeadLetterRedrive {

    /**
     * What follows {@code ID:} in a JMS message id, as this redrive takes it: letters, digits, {@code -_.} (safe
     * inside a selector's quotes, and in a URL path: Payara 7's authorization refuses a path with a colon).
     */
    private static final Pattern ID_AFTER_PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final String PREFIX = "ID:";

    /** What was moved back. */
    public record Redriven(String messageId, String campaignId, String recipient) {
    }

    @Resource(lookup = MailResources.CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Resource(lookup = MailResources.DEAD_LETTER_QUEUE)
    Queue deadLetters;

    @Resource(lookup = MailResources.OUTBOUND_QUEUE)
    Queue outbound;

    /**
     * The message id a client named, with or without its {@code ID:} prefix (every JMS message id has it), or
     * null if it is not one this redrive takes.
     */
    public static String messageId(String named) {
        if (named == null) {
            return null;
        }
        String rest = named.startsWith(PREFIX) ? named.substring(PREFIX.length()) : named;
        return ID_AFTER_PREFIX.matcher(rest).matches() ? PREFIX + rest : null;
    }

    /**
     * Moves the dead letter back to {@code mail.outbound}.
     *
     * @param named its message id, with or without {@code ID:}
     * @return what was moved, or empty if there is no such dead letter (any more)
     * @throws IllegalArgumentException if {@code named} is not a message id
     */
    public Optional<Redriven> redrive(String named) {
        String messageId = messageId(named);
        if (messageId == null) {
            throw new IllegalArgumentException("not a message id: " + named);
        }
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession()) {
            connection.start();
            Message dead;
            try (MessageConsumer consumer = session.createConsumer(deadLetters,
                    "JMSMessageID = '" + messageId + "'")) {
                dead = consumer.receiveNoWait();
            }
            if (dead == null) {
                return Optional.empty();
            }
            session.createProducer(outbound).send(copy(dead, session), DeliveryMode.PERSISTENT,
                    dead.getJMSPriority(), 0);
            return Optional.of(new Redriven(messageId, dead.getStringProperty(MailResources.PROP_CAMPAIGN),
                    dead.getStringProperty(MailResources.PROP_RECIPIENT)));
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot redrive " + messageId + ": " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    /**
     * The same body and the mail's own properties. Left out: {@code JMSX…} (set by the provider on delivery) and
     * what the provider noted on the dead letter ({@code HJMS_…}: why and from where it moved), which would be
     * wrong on a message back on its queue.
     */
    private static Message copy(Message dead, Session session) throws JMSException {
        Message copy;
        if (dead instanceof TextMessage text) {
            copy = session.createTextMessage(text.getText());
        } else if (dead.getBody(Object.class) == null) {
            copy = session.createMessage();
        } else {
            throw new IllegalStateException("a mail is a text message, not " + dead.getClass().getSimpleName());
        }
        for (Object name : Collections.list(dead.getPropertyNames())) {
            String property = (String) name;
            if (!property.startsWith("JMSX") && !property.startsWith("HJMS_")) {
                copy.setObjectProperty(property, dead.getObjectProperty(property));
            }
        }
        copy.setJMSCorrelationID(dead.getJMSCorrelationID());
        copy.setJMSType(dead.getJMSType());
        return copy;
    }
}
