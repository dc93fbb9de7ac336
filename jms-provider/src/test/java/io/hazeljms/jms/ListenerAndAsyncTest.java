package io.hazeljms.jms;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MessageListener delivery rules and asynchronous send. */
class ListenerAndAsyncTest extends JmsTestSupport {

    @Test
    void listenerReceivesEveryMessage() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        CountDownLatch latch = new CountDownLatch(20);
        session.createConsumer(queue).setMessageListener(m -> latch.countDown());
        MessageProducer producer = session(Session.AUTO_ACKNOWLEDGE).createProducer(queue);
        for (int i = 0; i < 20; i++) {
            producer.send(session.createTextMessage("l" + i));
        }
        assertTrue(latch.await(30, TimeUnit.SECONDS));
    }

    @Test
    void deliveryIsSerialWithinASession() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue q1 = freshQueue(session);
        Queue q2 = freshQueue(session);
        AtomicInteger inside = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        CountDownLatch latch = new CountDownLatch(40);
        jakarta.jms.MessageListener listener = m -> {
            if (inside.incrementAndGet() > 1) {
                overlapped.set(true);
            }
            Thread.yield();
            inside.decrementAndGet();
            latch.countDown();
        };
        session.createConsumer(q1).setMessageListener(listener);
        session.createConsumer(q2).setMessageListener(listener);
        Session producerSession = session(Session.AUTO_ACKNOWLEDGE);
        MessageProducer p1 = producerSession.createProducer(q1);
        MessageProducer p2 = producerSession.createProducer(q2);
        for (int i = 0; i < 20; i++) {
            p1.send(producerSession.createTextMessage("a"));
            p2.send(producerSession.createTextMessage("b"));
        }
        assertTrue(latch.await(30, TimeUnit.SECONDS));
        assertFalse(overlapped.get(), "two listener calls of one session ran at the same time");
    }

    @Test
    void listenerThatThrowsGetsTheMessageAgainMarkedRedelivered() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        BlockingQueue<Boolean> redeliveredFlags = new ArrayBlockingQueue<>(5);
        session.createConsumer(queue).setMessageListener(m -> {
            try {
                redeliveredFlags.add(m.getJMSRedelivered());
                if (!m.getJMSRedelivered()) {
                    throw new RuntimeException("first attempt fails");
                }
            } catch (jakarta.jms.JMSException e) {
                throw new RuntimeException(e);
            }
        });
        session(Session.AUTO_ACKNOWLEDGE).createProducer(queue).send(session.createTextMessage("retry"));
        assertEquals(false, redeliveredFlags.poll(30, TimeUnit.SECONDS));
        assertEquals(true, redeliveredFlags.poll(30, TimeUnit.SECONDS));
    }

    @Test
    void consumerMayCloseItselfFromItsListener() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageConsumer consumer = session.createConsumer(queue);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        consumer.setMessageListener(m -> {
            calls.incrementAndGet();
            try {
                consumer.close();
            } catch (Throwable e) {
                failure.set(e);
            }
            closed.countDown();
        });
        MessageProducer producer = session(Session.AUTO_ACKNOWLEDGE).createProducer(queue);
        producer.send(session.createTextMessage("one"));
        producer.send(session.createTextMessage("two"));
        assertTrue(closed.await(30, TimeUnit.SECONDS));
        assertNull(failure.get());
        assertEquals(1, calls.get());
        MessageConsumer other = session(Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
        assertEquals("two", ((TextMessage) other.receive(10_000)).getText(), "the second message stayed queued");
    }

    @Test
    void listenerMustNotStopOrCloseItsOwnConnectionOrSession() throws Exception {
        Connection connection = startedConnection();
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        List<Throwable> refusals = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        session.createConsumer(queue).setMessageListener(m -> {
            for (ThrowingRunnable call : List.<ThrowingRunnable>of(connection::stop, connection::close, session::close)) {
                try {
                    call.run();
                } catch (Throwable e) {
                    refusals.add(e);
                }
            }
            done.countDown();
        });
        session(Session.AUTO_ACKNOWLEDGE).createProducer(queue).send(session.createTextMessage("x"));
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(3, refusals.size());
        refusals.forEach(e -> assertInstanceOf(IllegalStateException.class, e));
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void stopWaitsForARunningListenerAndHoldsFurtherDelivery() throws Exception {
        Connection connection = startedConnection();
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicInteger calls = new AtomicInteger();
        session.createConsumer(queue).setMessageListener(m -> {
            if (calls.incrementAndGet() == 1) {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finished.set(true);
            }
        });
        MessageProducer producer = session(Session.AUTO_ACKNOWLEDGE).createProducer(queue);
        producer.send(session.createTextMessage("first"));
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        Thread stopper = Thread.currentThread();
        Thread releaser = new Thread(() -> {
            // let the listener finish only once stop() is blocked waiting for it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (stopper.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            release.countDown();
        });
        releaser.start();
        connection.stop();
        assertTrue(finished.get(), "stop() returned only after the running listener finished");
        producer.send(session.createTextMessage("second"));
        MessageConsumer probe = session(Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
        assertEquals("second", ((TextMessage) probe.receive(10_000)).getText(),
                "the stopped connection's listener did not take it");
        assertEquals(1, calls.get());
    }

    @Test
    void asyncSendCallsCompletionListenersInSendOrder() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        MessageProducer producer = session.createProducer(queue);
        List<String> completed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(50);
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    completed.add(((TextMessage) message).getText());
                } catch (jakarta.jms.JMSException e) {
                    throw new RuntimeException(e);
                }
                all.countDown();
            }

            @Override
            public void onException(Message message, Exception exception) {
                all.countDown();
            }
        };
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sent.add("a" + i);
            producer.send(session.createTextMessage("a" + i), listener);
        }
        assertTrue(all.await(30, TimeUnit.SECONDS));
        assertEquals(sent, completed);
        MessageConsumer consumer = session.createConsumer(queue);
        for (String expected : sent) {
            assertEquals(expected, ((TextMessage) consumer.receive(10_000)).getText());
        }
    }

    @Test
    void completionListenerMustNotCloseItsSession() throws Exception {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(session);
        AtomicReference<Throwable> refusal = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        session.createProducer(queue).send(session.createTextMessage("x"), new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    session.close();
                } catch (Throwable e) {
                    refusal.set(e);
                }
                done.countDown();
            }

            @Override
            public void onException(Message message, Exception exception) {
                done.countDown();
            }
        });
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, refusal.get());
    }
}
