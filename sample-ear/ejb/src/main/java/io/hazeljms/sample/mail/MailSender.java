package io.hazeljms.sample.mail;

/**
 * Sends one mail. The sender MDB calls it inside the delivery's transaction: throwing
 * {@link MailDeliveryException} rolls the delivery back, so the mail is tried again and, after the maximum number
 * of attempts, moved to the dead-letter queue.
 *
 * <p>The default is {@link OutboxMailSender}, which records mails instead of sending them. To send for real,
 * add a CDI bean implementing this interface, annotated {@code @Alternative @Priority(100)} (e.g. one using
 * Jakarta Mail): it replaces the default in the whole application without touching the beans that use it.
 */
public interface MailSender {

    void send(Mail mail) throws MailDeliveryException;

    /**
     * Whether this campaign's mail to this recipient was sent already, by any instance, as far as a durable
     * record keyed by campaign id and recipient tells. The sender MDB asks before sending a mail delivered again
     * ({@code JMSRedelivered}): the JVM that sent it first may have died before its delivery committed. A sender
     * that keeps no such record answers {@code false} (and a redelivered mail may then be sent twice).
     */
    default boolean alreadySent(Mail mail) {
        return false;
    }
}
