package io.hazeljms.sample.mail;

import io.hazeljms.sample.campaign.Recipients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The default {@link MailSender}: "sends" by putting the mail in the {@link Outbox} (the simulated mailbox, on
 * disk and shared by the instances of one machine), after the campaign's simulated SMTP latency. An address that
 * contains "fail" is rejected every time, so its mail ends in the dead-letter queue, until its mailbox is
 * {@linkplain Outbox#repair repaired}. {@link #alreadySent} asks
 * the mailbox.
 */
@ApplicationScoped
public class OutboxMailSender implements MailSender {

    @Inject
    Outbox outbox;

    @Override
    public void send(Mail mail) throws MailDeliveryException {
        if (mail.delayMillis() > 0) {
            try {
                Thread.sleep(mail.delayMillis()); // simulated SMTP round trip: the slow work the queue takes off the request
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MailDeliveryException("interrupted while sending to " + mail.recipient(), e);
            }
        }
        if (Recipients.isFailing(mail.recipient()) && !outbox.isRepaired(mail.recipient())) {
            throw new MailDeliveryException("550 mailbox unavailable: " + mail.recipient());
        }
        outbox.record(mail);
    }

    @Override
    public boolean alreadySent(Mail mail) {
        return outbox.contains(mail);
    }
}
