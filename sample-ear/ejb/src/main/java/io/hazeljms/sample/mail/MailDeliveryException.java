package io.hazeljms.sample.mail;

/** A mail that could not be sent this time (the delivery is rolled back and retried). */
public class MailDeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    public MailDeliveryException(String message) {
        super(message);
    }

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
