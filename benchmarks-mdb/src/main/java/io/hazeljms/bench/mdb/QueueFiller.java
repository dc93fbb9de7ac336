package io.hazeljms.bench.mdb;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fills a queue from outside the server before the MDB pool may consume: {@value #THREADS} senders, each on its own
 * connection with a transacted session committing every {@value #BATCH} persistent 1 KiB messages (the fill is
 * not what is measured; batches keep it short on both brokers).
 */
final class QueueFiller {

    static final int THREADS = 4;
    static final int BATCH = 100;
    static final int SIZE = 1024;

    private QueueFiller() {
    }

    /** Sends {@code count} messages to {@code queue}; returns the nanoseconds it took. */
    static long fill(ConnectionFactory factory, String queue, int count, long timeoutSeconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int share = count / THREADS + (t < count % THREADS ? 1 : 0);
                long seed = t;
                senders.add(pool.submit(() -> {
                    send(factory, queue, share, new Random(seed));
                    return null;
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            for (Future<?> sender : senders) {
                sender.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return System.nanoTime() - start;
        } catch (ExecutionException e) {
            throw new IllegalStateException("filling " + queue + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("filling " + queue + " with " + count + " messages took over "
                    + timeoutSeconds + " s");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void send(ConnectionFactory factory, String queue, int count, Random random) throws Exception {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            byte[] body = new byte[SIZE];
            for (int i = 1; i <= count; i++) {
                random.nextBytes(body);
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(body);
                producer.send(message);
                if (i % BATCH == 0 || i == count) {
                    session.commit();
                }
            }
        }
    }
}
