package io.hazeljms.console;

import io.hazeljms.jms.HazelcastConnectionFactory;
import io.hazeljms.jms.config.ProviderConfig;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.util.List;

/**
 * A one-member broker of the provider in the test JVM, which registers its MBeans there as the RAR does in Payara:
 * what the console's tests read and steer. One delivery attempt, then the dead-letter queue.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final HazelcastConnectionFactory factory;
    private final Connection connection;

    private EmbeddedBroker(HazelcastConnectionFactory factory) throws JMSException {
        this.factory = factory;
        this.connection = factory.createConnection();
        connection.start();
    }

    /** A member on {@code port} of a new cluster {@code cluster}. */
    public static EmbeddedBroker start(String cluster, int port, String deadLetterQueue) throws JMSException {
        return new EmbeddedBroker(new HazelcastConnectionFactory(ProviderConfig.builder()
                .clusterName(cluster).port(port).members(List.of("127.0.0.1:" + port)).maxDeliveryAttempts(1)
                .deadLetterQueue(deadLetterQueue).redeliveryDelayMillis(0).build()));
    }

    public Connection connection() {
        return connection;
    }

    /** Sends {@code count} text messages "body-i", each with int property {@code n} = i. */
    public Queue send(String queue, int count) throws JMSException {
        try (Session s = connection.createSession()) {
            Queue q = s.createQueue(queue);
            for (int i = 1; i <= count; i++) {
                TextMessage m = s.createTextMessage("body-" + i);
                m.setIntProperty("n", i);
                s.createProducer(q).send(m);
            }
            return q;
        }
    }

    /** Receives the next message of {@code queue} and rolls back: its one attempt, so now a dead letter. */
    public void failOne(Queue queue) throws JMSException {
        try (Session tx = connection.createSession(Session.SESSION_TRANSACTED);
             MessageConsumer consumer = tx.createConsumer(queue)) {
            if (consumer.receive(10_000) == null) {
                throw new AssertionError("no message on " + queue.getQueueName() + " to fail");
            }
            tx.rollback();
        }
    }

    @Override
    public void close() throws JMSException {
        try {
            connection.close();
        } finally {
            factory.close();
        }
    }
}
