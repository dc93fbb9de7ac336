package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.security.Permission;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.store.Address;
import io.hazeljms.store.DestinationKey;
import io.hazeljms.store.Messages;
import io.hazeljms.store.SubscribeOutcome;
import io.hazeljms.store.SubscriptionSpec;
import io.hazeljms.store.StoredMessage;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A consumer on a queue (or a topic subscription): synchronous receive, or a listener thread that claims
 * messages and hands them to the session for serial delivery. Claims happen in the store, selector included.
 *
 * <p>A claim takes up to the connection's {@code prefetch} messages at once; the ones not handed over yet wait
 * here, leased to the session, and go back to the store uncounted when the consumer closes or its session
 * recovers or rolls back. In AUTO/DUPS_OK mode the claim also carries the acknowledgements the session has not
 * sent yet ({@link AutoAcknowledger}), so a consumer that keeps up costs about one store call per batch.
 */
public class HazelcastMessageConsumer implements QueueReceiver, TopicSubscriber {

    private final HazelcastSession session;
    private final HazelcastDestination destination;
    private final String selector;
    private final boolean noLocal;
    /** Null for a queue consumer. */
    private final Subscriptions.Subscription subscription;
    private final String consumerId = UUID.randomUUID().toString();
    private final Address address;
    /** The selector the store applies at claim time: a subscription's is applied at publish time instead. */
    private final String claimSelector;
    private final Messages.Watch watch;
    private final int prefetch;
    /** Claimed, not yet handed to the application; guarded by itself. */
    private final ArrayDeque<StoredMessage> prefetched = new ArrayDeque<>();
    private volatile boolean closed;
    private volatile MessageListener listener;
    private Thread listenerThread;

    /**
     * @param subscription how to attach to a topic (null for a queue); a topic subscription is created or
     *                     joined here, so a refused one fails at creation with the exception the spec names
     */
    HazelcastMessageConsumer(HazelcastSession session, HazelcastDestination destination, String selector,
                             boolean noLocal, Subscriptions.Subscription subscription) throws JMSException {
        this.session = session;
        this.destination = destination;
        this.selector = MessageSelectors.validate(selector);
        this.noLocal = noLocal;
        this.subscription = subscription;
        HazelcastConnection connection = session.connection();
        if (destination.isTemporary()) {
            connection.checkConsumable(destination);
            if (subscription != null && (subscription.durable() || subscription.shared())) {
                throw new InvalidDestinationException(ProviderError.SUBSCRIPTION_ON_TEMPORARY_TOPIC.text());
            }
        }
        connection.access().requireUse(Permission.CONSUME, destination);
        if (subscription != null && subscription.durable()) {
            connection.access().require(Permission.CREATE_DURABLE, destination);
        }
        this.prefetch = connection.prefetch();
        DestinationKey key = destination.key();
        this.address = subscription == null ? Address.queue(key) : Address.subscription(key, subscription.name());
        this.claimSelector = subscription == null ? this.selector : null;
        try {
            if (subscription != null) {
                SubscribeOutcome outcome = connection.broker().subscriptions().subscribe(key, subscription.name(),
                        new SubscriptionSpec(subscription.durable(), subscription.shared(), this.selector, noLocal),
                        consumerId, session.owner());
                Subscriptions.check(outcome, subscription.name());
            }
            this.watch = connection.broker().messages().consumerWatch(address);
        } catch (RuntimeException e) {
            throw JmsExceptions.wrap("creating a consumer on " + destination, e);
        }
    }

    HazelcastDestination destination() {
        return destination;
    }

    Address address() {
        return address;
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
        return receive(timeout, null);
    }

    /**
     * {@link #receive(long)} for {@code JMSConsumer.receiveBody}: with a {@code bodyType}, a message whose body
     * cannot be returned as that type is handled as {@link HazelcastSession#deliverSync} describes.
     */
    Message receive(long timeout, Class<?> bodyType) throws JMSException {
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
                StoredMessage stored = next(remaining == 0 && deadline != Long.MAX_VALUE ? -1 : remaining,
                        () -> closed || !connection.isStarted());
                if (stored != null) {
                    return handOver(stored, bodyType);
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
        return receiveNoWait(null);
    }

    /** {@link #receiveNoWait()} for {@code JMSConsumer.receiveBodyNoWait}; see {@link #receive(long, Class)}. */
    Message receiveNoWait(Class<?> bodyType) throws JMSException {
        checkOpen();
        checkNoListener();
        if (!session.connection().isStarted()) {
            return null;
        }
        try {
            StoredMessage stored = next(-1, () -> closed);
            return stored == null ? null : handOver(stored, bodyType);
        } catch (InterruptedException e) {
            throw JmsExceptions.interrupted("receive");
        } catch (RuntimeException e) {
            throw JmsExceptions.wrap("receive from " + destination, e);
        }
    }

    /**
     * The next message for this consumer: a prefetched one, else a claim of up to {@code prefetch} messages
     * (waiting as {@link Messages#receive} does) that also carries the session's unsent acknowledgements.
     */
    private StoredMessage next(long timeoutMillis, BooleanSupplier cancelled)
            throws InterruptedException, JMSException {
        StoredMessage ready = takePrefetched();
        if (ready != null) {
            return ready;
        }
        AutoAcknowledger acknowledger = session.autoAcknowledger(address);
        List<String> acks = acknowledger == null ? List.of() : acknowledger.takeWaiting();
        List<StoredMessage> claimed = session.connection().broker().messages().receive(watch, claimSelector,
                session.owner(), timeoutMillis, cancelled, prefetch, acks);
        if (claimed.isEmpty()) {
            return null;
        }
        if (claimed.size() > 1) {
            synchronized (prefetched) {
                prefetched.addAll(claimed.subList(1, claimed.size()));
            }
            if (closed) {
                returnPrefetched(); // close() may have returned the buffer before these arrived
            }
        }
        return claimed.get(0);
    }

    /** The oldest prefetched message; one that expired while waiting here goes back for the store to expire. */
    private StoredMessage takePrefetched() {
        long now = System.currentTimeMillis();
        while (true) {
            StoredMessage m;
            synchronized (prefetched) {
                m = prefetched.pollFirst();
            }
            if (m == null || !m.isExpired(now)) {
                return m;
            }
            session.connection().broker().messages().release(address, List.of(m.messageId()), session.owner(), false);
        }
    }

    /** Returns the messages claimed ahead and never handed over; their delivery is not counted. */
    void returnPrefetched() throws JMSException {
        List<String> ids = new ArrayList<>();
        synchronized (prefetched) {
            prefetched.forEach(m -> ids.add(m.messageId()));
            prefetched.clear();
        }
        try {
            session.connection().broker().messages().release(address, ids, session.owner(), false);
        } catch (RuntimeException e) {
            throw JmsExceptions.wrap("returning prefetched messages", e);
        }
    }

    /** A message claimed as the consumer closed goes back uncounted; otherwise the session takes it. */
    private Message handOver(StoredMessage stored, Class<?> bodyType) throws JMSException {
        if (closed) {
            session.connection().broker().messages()
                    .release(address, List.of(stored.messageId()), session.owner(), false);
            return null;
        }
        return session.deliverSync(this, stored, bodyType);
    }

    private void checkNoListener() throws IllegalStateException {
        if (listener != null) {
            throw new IllegalStateException(ProviderError.RECEIVE_WITH_LISTENER.text());
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
                StoredMessage stored = next(0, () -> closed || !connection.isStarted() || !isListenerThread(me));
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
                connection.broker().messages().release(address, List.of(stored.messageId()), session.owner(), false);
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

    Messages.Watch watch() {
        return watch;
    }

    String claimSelector() {
        return claimSelector;
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
            returnPrefetched();
            session.flushAcknowledgements(address);
        } catch (JMSException e) {
            // the cluster is gone: its departure handling returns what this session held
        }
        try {
            watch.close();
            if (subscription != null) {
                session.connection().broker().subscriptions().detach(destination.key(), subscription.name(), consumerId);
            }
        } catch (RuntimeException e) {
            // the cluster is gone: its departure handling detaches us
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
