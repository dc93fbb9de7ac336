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

    static Target.Receiver receiver(ConnectionFactory factory, String queue) throws JMSException {
        Connection connection = factory.createConnection();
        try {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
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
