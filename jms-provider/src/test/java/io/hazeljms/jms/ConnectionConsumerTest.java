package io.hazeljms.jms;

import io.hazeljms.store.DestinationKey;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.ServerSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application-server facility with a small hand-written server session pool, as an app server has. */
class ConnectionConsumerTest extends JmsTestSupport {

    /** Two sessions; each server session runs its session on a new thread, then goes back to the pool. */
    static final class TwoSessionPool implements ServerSessionPool {
        private final BlockingQueue<ServerSession> idle = new ArrayBlockingQueue<>(2);
        /** Server sessions started and not yet finished; {@code run()} acknowledges after the listener returns. */
        private final Phaser running = new Phaser(1);

        TwoSessionPool(Connection connection, jakarta.jms.MessageListener listener) throws JMSException {
            for (int i = 0; i < 2; i++) {
                Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
                session.setMessageListener(listener);
                idle.add(new ServerSession() {
                    @Override
                    public Session getSession() {
                        return session;
                    }

                    @Override
                    public void start() {
                        ServerSession self = this;
                        running.register();
                        new Thread(() -> {
                            try {
                                session.run();
                                idle.add(self);
                            } finally {
                                running.arriveAndDeregister();
                            }
                        }).start();
                    }
                });
            }
        }

        /** Waits until every started server session has finished its run, acknowledgements included. */
        void awaitRunsFinished() throws Exception {
            running.awaitAdvanceInterruptibly(running.arrive(), 30, TimeUnit.SECONDS);
        }

        @Override
        public ServerSession getServerSession() throws JMSException {
            try {
                return idle.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JMSException("interrupted");
            }
        }
    }

    @Test
    void connectionConsumerDeliversThroughPooledSessions() throws Exception {
        Connection connection = startedConnection();
        Session producerSession = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(producerSession);
        CountDownLatch latch = new CountDownLatch(30);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        TwoSessionPool pool = new TwoSessionPool(connection, m -> {
            try {
                seen.add(m.getJMSMessageID());
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
            latch.countDown();
        });
        ConnectionConsumer consumer = connection.createConnectionConsumer(queue, null, pool, 5);
        assertSame(pool, consumer.getServerSessionPool());
        var producer = producerSession.createProducer(queue);
        for (int i = 0; i < 30; i++) {
            producer.send(producerSession.createTextMessage("asf" + i));
        }
        assertTrue(latch.await(30, TimeUnit.SECONDS));
        assertEquals(30, seen.size());
        consumer.close();
        pool.awaitRunsFinished(); // the listener counted down before its session acknowledged
        assertEquals(0, factory.node().broker().administration().depth(DestinationKey.queue(queue.getQueueName())), "all acknowledged");
    }
}
