package io.hazeljms.jms.message;

import io.hazeljms.jms.destination.HazelcastQueue;
import io.hazeljms.store.StoredMessage;
import jakarta.jms.JMSException;

/** Test helper: what a consumer would get for a message sent to queue "q". */
final class Received {

    private Received() {
    }

    @SuppressWarnings("unchecked")
    static <M extends MessageImpl> M copy(M sent) throws JMSException {
        return (M) copy(sent, DeserializationPolicy.defaults());
    }

    static MessageImpl copy(MessageImpl sent, DeserializationPolicy policy) throws JMSException {
        StoredMessage stored = sent.toStored("q").deliveryCount(1);
        return MessageImpl.fromStored(stored, new HazelcastQueue("q"), policy);
    }
}
