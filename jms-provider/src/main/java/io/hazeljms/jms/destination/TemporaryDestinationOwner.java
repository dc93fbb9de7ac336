package io.hazeljms.jms.destination;

import jakarta.jms.JMSException;

/** The connection that created a temporary destination: it alone may consume from it and delete it. */
public interface TemporaryDestinationOwner {

    /** Deletes the destination; refused with {@code IllegalStateException} while a consumer uses it. */
    void deleteTemporary(HazelcastDestination destination) throws JMSException;
}
