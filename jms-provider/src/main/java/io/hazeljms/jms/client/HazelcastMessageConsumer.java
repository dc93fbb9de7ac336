package io.hazeljms.jms.client;

import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.store.Broker;
import io.hazeljms.store.StoredMessage;
import io.hazeljms.store.selector.Selector;
import io.hazeljms.store.selector.SelectorSyntaxException;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;

import java.util.List;

/**
 * A consumer on a queue (or a topic subscription): synchronous receive, or a listener thread that claims
 * messages and hands them to the session for serial delivery. Claims happen in the store, selector included.
 */
public class HazelcastMessageConsumer implements QueueReceiver, TopicSubscriber {

    private final HazelcastSession session;
    private final HazelcastDestination destination;
    private final String selector;
    private final boolean noLocal;
    private final String storeKey;
    private final Broker.Watch watch;
    private volatile boolean closed;
    private volatile MessageListener listener;
    private Thread listenerThread;

    HazelcastMessageConsumer(HazelcastSession session, HazelcastDestination destination, String selector,
                             boolean noLocal) throws JMSException {
        this.session = session;
        this.destination = destination;
        this.selector = validSelector(selector);
        this.noLocal = noLocal;
        this.storeKey = destination.encode();
        try {
            this.watch = session.connection().broker().watch(storeKey);
        } catch (RuntimeException e) {
            throw JmsExceptions.wrap("creating a consumer on " + destination, e);
        }
    }

    HazelcastMessageConsumer(HazelcastSession session, HazelcastDestination destination, String selector,
                             boolean noLocal, Subscriptions.Subscription subscription) throws JMSException {
        this(session, destination, selector, noLocal);
        throw new JMSException("HJMS-TOPIC-000 topic subscriptions are not implemented yet");
    }

    /** Parses the selector now so a bad one fails at creation, naming the position (spec 3.8.1). */
    static String validSelector(String selector) throws InvalidSelectorException {
        if (selector == null || selector.isBlank()) {
            return null;
        }
        try {
            Selector.parse(selector);
            return selector;
        } catch (SelectorSyntaxException e) {
            InvalidSelectorException ex = new InvalidSelectorException("HJMS-SELECTOR-001 invalid message selector \""
                    + selector + "\": " + e.getMessage());
            ex.setLinkedException(e);
            throw ex;
        }
    }

    HazelcastDestination destination() {
        return destination;
    }

    String storeKey() {
        return storeKey;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw JmsExceptions.closed("consumer");
        }
        session.checkOpen();
    }

    // --- synchronous receive ---------------------------------------------------------------------------------

    @Override
    public Message receive() throws JMSException {
        return receive(0);
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        checkOpen();
        checkNoListener();
        long deadline = timeout <= 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeout;
        HazelcastConnection connection = session.connection();
        try {
            while (!closed) {
                if (!connection.awaitStarted(deadline)) {
                    return null; // timed out while stopped, or closed
                }
                long remaining = deadline == Long.MAX_VALUE ? 0 : deadline - System.currentTimeMillis();
                if (remaining < 0) {
                    return null;
                }
                StoredMessage stored = connection.broker().receive(watch, selector, session.owner(),
                        remaining == 0 && deadline != Long.MAX_VALUE ? -1 : remaining,
                        () -> closed || !connection.isStarted());
                if (stored != null) {
                    return handOver(stored);
                }
                if (deadline != Long.MAX_VALUE && System.currentTimeMillis() >= deadline) {
                    return null;
                }
            }
            return null;
        } catch (InterruptedException e) {
            throw JmsExceptions.interrupted("receive");
        } catch (RuntimeException e) {
            throw JmsExceptions.wrap("receive from " + destination, e);
        }
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        checkOpen();
        checkNoListener();
        if (!session.connection().isStarted()) {
            return null;
        }
        try {
            StoredMessage stored = session.connection().broker()
                    .claim(storeKey, selector, session.owner()).message();
            return stored == null ? null : handOver(stored);
        } catch (RuntimeException e) {
            throw JmsExceptions.wrap("receive from " + destination, e);
        }
    }

    /** A message claimed as the consumer closed goes back uncounted; otherwise the session takes it. */
    private Message handOver(StoredMessage stored) throws JMSException {
        if (closed) {
            session.connection().broker().release(storeKey, List.of(stored.messageId()), session.owner(), false);
            return null;
        }
        return session.deliverSync(this, stored);
    }

    private void checkNoListener() throws IllegalStateException {
        if (listener != null) {
            throw new IllegalStateException("HJMS-CONSUMER-001 receive() is not allowed while a MessageListener is set");
        }
    }

    // --- asynchronous delivery -------------------------------------------------------------------------------

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return listener;
    }

    @Override
    public synchronized void setMessageListener(MessageListener newListener) throws JMSException {
        checkOpen();
        listener = newListener;
        if (newListener != null && listenerThread == null) {
            listenerThread = new Thread(this::deliverLoop, "hazeljms-listener-" + destination.getName());
            listenerThread.setDaemon(true);
            listenerThread.start();
        } else if (newListener == null && listenerThread != null) {
            listenerThread = null;
            wakeUp();
        }
    }

    /** The listener thread: claim (waiting on store events), then deliver under the session's lock. */
    private void deliverLoop() {
        HazelcastConnection connection = session.connection();
        Thread me = Thread.currentThread();
        while (!closed && !session.isClosed() && isListenerThread(me)) {
            try {
                if (!connection.awaitStarted(Long.MAX_VALUE)) {
                    return;
                }
                StoredMessage stored = connection.broker().receive(watch, selector, session.owner(), 0,
                        () -> closed || !connection.isStarted() || !isListenerThread(me));
                if (stored != null) {
                    deliver(stored);
                }
            } catch (InterruptedException e) {
                return;
            } catch (JMSException | RuntimeException e) {
                if (!connection.broker().hazelcast().getLifecycleService().isRunning()) {
                    return; // connection loss is reported through the ExceptionListener
                }
            }
        }
    }

    private synchronized boolean isListenerThread(Thread t) {
        return listenerThread == t;
    }

    private void deliver(StoredMessage stored) throws JMSException {
        HazelcastConnection connection = session.connection();
        session.deliveryLock().lock();
        try {
            MessageListener current = listener;
            if (closed || current == null || !connection.beginDelivery()) {
                connection.broker().release(storeKey, List.of(stored.messageId()), session.owner(), false);
                return;
            }
            try {
                session.deliverToListener(this, current, stored);
            } finally {
                connection.endDelivery();
            }
        } finally {
            session.deliveryLock().unlock();
        }
    }

    void wakeUp() {
        watch.wakeUp();
    }

    // --- accessors and close ---------------------------------------------------------------------------------

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector;
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return (Queue) destination;
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        return (Topic) destination;
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        checkOpen();
        return noLocal;
    }

    /**
     * Closes the consumer. From another thread, waits for a running listener call to return (spec); from
     * inside its own listener it returns at once and the loop ends after the call.
     */
    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (this) {
            listenerThread = null;
        }
        wakeUp();
        if (!ListenerThreads.isDeliveringFor(session)) {
            session.deliveryLock().lock(); // wait for a running listener
            session.deliveryLock().unlock();
        }
        try {
            watch.close();
        } catch (RuntimeException e) {
            // the cluster is gone; nothing to unregister
        }
        session.consumerClosed(this);
    }

    void closeQuietly() {
        try {
            close();
        } catch (JMSException e) {
            // closing the session regardless
        }
    }
}
