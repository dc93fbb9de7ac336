package io.hazeljms.bench;

/**
 * One system under test, already running: it hands out senders and receivers on a named queue. Every
 * sender and receiver is used by one thread only and has its own connection (JMS) or shares the member's
 * thread-safe proxy (IQueue).
 */
public interface Target {

    /** hazeljms, iqueue, artemis-invm or artemis-tcp. */
    String id();

    /** Cluster members behind the target (1 for Artemis, a single broker). */
    int members();

    /**
     * A queue name derived from {@code base} for one run. On a two-member cluster it is chosen so that the
     * queue's partition is owned by the member the benchmark does not talk to, so every operation crosses
     * the (loopback) network, as it would for most queues of a real cluster.
     */
    default String queueName(String base) {
        return base;
    }

    Sender sender(String queue, boolean persistent) throws Exception;

    Receiver receiver(String queue) throws Exception;

    /** Messages waiting on the queue (sent, not yet consumed). */
    long depth(String queue) throws Exception;

    /** Drops a queue and its messages (after a heap measurement). */
    void dispose(String queue) throws Exception;

    interface Sender extends AutoCloseable {
        void send(String payload) throws Exception;

        @Override
        void close() throws Exception;
    }

    interface Receiver extends AutoCloseable {
        /** The next payload, or null when none came within {@code timeoutMillis}. */
        String receive(long timeoutMillis) throws Exception;

        @Override
        void close() throws Exception;
    }
}
