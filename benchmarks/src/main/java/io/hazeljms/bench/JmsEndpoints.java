package io.hazeljms.bench;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Senders and receivers through the plain JMS API, the same code for every provider: one connection and one
 * non-transacted AUTO_ACKNOWLEDGE session each, a new TextMessage per send, synchronous receive.
 */
final class JmsEndpoints {

    private JmsEndpoints() {
    }

    static Target.Sender sender(ConnectionFactory factory, String queue, boolean persistent) throws JMSException {
        Connection connection = factory.createConnection();
        try {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(persistent ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
            return new Target.Sender() {
                @Override
                public void send(String payload) throws JMSException {
                    producer.send(session.createTextMessage(payload));
                }

                @Override
                public void close() throws JMSException {
                    connection.close();
                }
            };
        } catch (JMSException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * As {@link #sender(ConnectionFactory, String, boolean)}, each message also carrying the int property
     * {@code property} = its payload's number modulo {@code shards} (round-robin over the shards).
     */
    static Target.Sender shardingSender(ConnectionFactory factory, String queue, String property, int shards)
            throws JMSException {
        Connection connection = factory.createConnection();
        try {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            return new Target.Sender() {
                @Override
                public void send(String payload) throws JMSException {
                    TextMessage m = session.createTextMessage(payload);
                    m.setIntProperty(property, Payload.id(payload) % shards);
                    producer.send(m);
                }

                @Override
                public void close() throws JMSException {
                    connection.close();
                }
            };
        } catch (JMSException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    static Target.Receiver receiver(ConnectionFactory factory, String queue) throws JMSException {
        return receiver(factory, queue, null);
    }

    /** A receiver whose consumer has the given message selector (null: none). */
    static Target.Receiver receiver(ConnectionFactory factory, String queue, String selector) throws JMSException {
        Connection connection = factory.createConnection();
        try {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector);
            connection.start();
            return new Target.Receiver() {
                @Override
                public String receive(long timeoutMillis) throws JMSException {
                    Message m = consumer.receive(timeoutMillis);
                    if (m == null) {
                        return null;
                    }
                    if (!(m instanceof TextMessage text)) {
                        throw new IllegalStateException("expected a TextMessage, got " + m.getClass().getName());
                    }
                    return text.getText();
                }

                @Override
                public void close() throws JMSException {
                    connection.close();
                }
            };
        } catch (JMSException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
