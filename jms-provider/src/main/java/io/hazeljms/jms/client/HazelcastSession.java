package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.security.Permission;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.jms.destination.HazelcastQueue;
import io.hazeljms.jms.destination.HazelcastTopic;
import io.hazeljms.jms.message.BytesMessageImpl;
import io.hazeljms.jms.message.MapMessageImpl;
import io.hazeljms.jms.message.MessageImpl;
import io.hazeljms.jms.message.ObjectMessageImpl;
import io.hazeljms.jms.message.StreamMessageImpl;
import io.hazeljms.jms.message.TextMessageImpl;
import io.hazeljms.store.Address;
import io.hazeljms.store.LeaseExpiredException;
import io.hazeljms.store.LeaseOwner;
import io.hazeljms.store.StoredMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import jakarta.jms.TransactionRolledBackException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A JMS session: the unit of acknowledgement and transactions. It remembers the messages it delivered and
 * not yet acknowledged, buffers the sends of a transaction, and serialises listener delivery (one listener
 * call at a time per session).
 */
public class HazelcastSession implements QueueSession, TopicSession {

    private final HazelcastConnection connection;
    private final int mode;
    /** QUEUE or TOPIC for the legacy sessions, which refuse the other domain's methods. */
    private final SessionKind kind;
    private final LeaseOwner owner;
    private final List<HazelcastMessageConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<HazelcastMessageProducer> producers = new CopyOnWriteArrayList<>();
    private final List<HazelcastQueueBrowser> browsers = new CopyOnWriteArrayList<>();
    /** Held while a listener runs, and by recover/commit/rollback/close, so they never interleave. */
    private final ReentrantLock deliveryLock = new ReentrantLock();
    private final List<Delivery> unacknowledged = new ArrayList<>();
    private final List<PendingSend> transactedSends = new ArrayList<>();
    private final AsyncSends asyncSends;
    /** NON_PERSISTENT sends stored in the background; null in a transacted session or when configured off. */
    private final NonPersistentSends nonPersistentSends;
    private volatile boolean closed;
    private volatile MessageListener distinguishedListener;
    private final List<Loaded> loadedForRun = new ArrayList<>();
    /** AUTO/DUPS_OK: per queue or subscription, acknowledgements sent without waiting. */
    private final Map<Address, AutoAcknowledger> autoAcknowledgers = new ConcurrentHashMap<>();

    HazelcastSession(HazelcastConnection connection, int mode) {
        this(connection, mode, SessionKind.GENERAL);
    }

    HazelcastSession(HazelcastConnection connection, int mode, SessionKind kind) {
        this.connection = connection;
        this.mode = mode;
        this.kind = kind;
        // an XA session's leases follow its transaction's timeout, not the destination's lease timeout
        this.owner = connection.leaseOwner((this instanceof HazelcastXASession ? LeaseOwner.TRANSACTION_TIMED_PREFIX : "")
                + UUID.randomUUID());
        this.asyncSends = new AsyncSends(this);
        this.nonPersistentSends = mode != Session.SESSION_TRANSACTED && connection.asyncNonPersistentSends()
                ? new NonPersistentSends(connection) : null;
    }

    HazelcastConnection connection() {
        return connection;
    }

    LeaseOwner owner() {
        return owner;
    }

    ReentrantLock deliveryLock() {
        return deliveryLock;
    }

    AsyncSends asyncSends() {
        return asyncSends;
    }

    /** Where NON_PERSISTENT sends without a CompletionListener go; null when they are stored synchronously. */
    NonPersistentSends nonPersistentSends() {
        return nonPersistentSends;
    }

    /**
     * Waits (bounded) until every NON_PERSISTENT message this session handed over is stored (or reported lost):
     * before any other kind of send, so the session's sends are stored in the order they were made, and
     * before close, stop and recover.
     */
    void flushNonPersistentSends() throws JMSException {
        if (nonPersistentSends != null) {
            nonPersistentSends.flush();
        }
    }

    boolean isClosed() {
        return closed;
    }

    void checkOpen() throws IllegalStateException {
        if (closed) {
            throw JmsExceptions.closed("session");
        }
        connection.checkOpen();
    }

    // --- messages --------------------------------------------------------------------------------------------

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        checkOpen();
        return new BytesMessageImpl();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        checkOpen();
        return new MapMessageImpl();
    }

    @Override
    public Message createMessage() throws JMSException {
        checkOpen();
        return new MessageImpl();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        checkOpen();
        return new ObjectMessageImpl(connection.deserialization());
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        ObjectMessage message = createObjectMessage();
        message.setObject(object);
        return message;
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        checkOpen();
        return new StreamMessageImpl();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        checkOpen();
        return new TextMessageImpl();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        TextMessage message = createTextMessage();
        message.setText(text);
        return message;
    }

    // --- transactions and acknowledgement --------------------------------------------------------------------

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return mode == Session.SESSION_TRANSACTED;
    }

    boolean isTransacted() {
        return mode == Session.SESSION_TRANSACTED;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return mode;
    }

    int mode() {
        return mode;
    }

    @Override
    public void commit() throws JMSException {
        checkOpen();
        if (!isTransacted()) {
            throw new IllegalStateException(ProviderError.COMMIT_NOT_TRANSACTED.text());
        }
        if (CompletionThreads.isCompletingFor(this)) {
            throw new IllegalStateException(ProviderError.COMPLETION_COMMITS_SESSION.text());
        }
        asyncSends.awaitAll();
        deliveryLock.lock();
        try {
            List<PendingSend> sends;
            List<Delivery> received;
            synchronized (this) {
                sends = new ArrayList<>(transactedSends);
                received = new ArrayList<>(unacknowledged);
                transactedSends.clear();
                unacknowledged.clear();
            }
            try {
                new TransactionWork(sends, received, owner).commit(connection.broker(), connection.backlogPolicy());
            } catch (CommitInDoubtException e) {
                throw e; // recorded: it takes effect whole, nothing to roll back
            } catch (RuntimeException | JMSException e) {
                releaseDeliveries(received, true);
                TransactionRolledBackException rolledBack = new TransactionRolledBackException(
                        ProviderError.COMMIT_ROLLED_BACK.text(e));
                rolledBack.setLinkedException(e);
                throw rolledBack;
            }
        } finally {
            deliveryLock.unlock();
        }
    }

    /** Stores messages now; temporary destinations must still exist. */
    void store(HazelcastDestination destination, List<StoredMessage> messages) throws JMSException {
        MessageStoring.store(connection.broker(), connection.backlogPolicy(), destination, messages);
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        if (!isTransacted()) {
            throw new IllegalStateException(ProviderError.ROLLBACK_NOT_TRANSACTED.text());
        }
        asyncSends.awaitAll();
        deliveryLock.lock();
        try {
            List<Delivery> received;
            synchronized (this) {
                transactedSends.clear();
                received = new ArrayList<>(unacknowledged);
                unacknowledged.clear();
            }
            releaseDeliveries(received, true);
            returnPrefetched();
        } finally {
            deliveryLock.unlock();
        }
    }

    /** Rollback and recover redeliver in the original order, so messages claimed ahead go back too. */
    private void returnPrefetched() throws JMSException {
        for (HazelcastMessageConsumer consumer : consumers) {
            consumer.returnPrefetched();
        }
    }

    /**
     * Gives back every message delivered and not yet acknowledged uncounted (no redelivery), ahead of those
     * claimed after it: for an emulated AUTO session's receiveBody of the wrong body type, where that is the one
     * message just received ({@link AcknowledgeModeEmulation}).
     */
    void returnUnconsumed() throws JMSException {
        deliveryLock.lock();
        try {
            List<Delivery> received;
            synchronized (this) {
                received = new ArrayList<>(unacknowledged);
                unacknowledged.clear();
            }
            releaseDeliveries(received, false);
            returnPrefetched();
        } finally {
            deliveryLock.unlock();
        }
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (isTransacted()) {
            throw new IllegalStateException(ProviderError.RECOVER_TRANSACTED.text());
        }
        flushNonPersistentSends();
        deliveryLock.lock();
        try {
            List<Delivery> received;
            synchronized (this) {
                received = new ArrayList<>(unacknowledged);
                unacknowledged.clear();
            }
            releaseDeliveries(received, true);
            returnPrefetched();
        } finally {
            deliveryLock.unlock();
        }
    }

    /** CLIENT_ACKNOWLEDGE: acknowledges every message this session delivered so far (spec 6.2.10). */
    void acknowledgeAll() throws JMSException {
        if (closed) {
            throw new IllegalStateException(ProviderError.ACKNOWLEDGE_CLOSED.text());
        }
        if (mode != Session.CLIENT_ACKNOWLEDGE) {
            return; // acknowledge() is ignored in the other modes
        }
        List<Delivery> received;
        synchronized (this) {
            received = new ArrayList<>(unacknowledged);
            unacknowledged.clear();
        }
        acknowledgeDeliveries(received);
    }

    /**
     * Acknowledges per queue or subscription, each all or none. When a lease timed out (the destination's
     * {@code leaseTimeoutMillis}) the store refuses that queue's acknowledgement: this one and those not yet
     * acknowledged are released for redelivery, as by {@link #recover()}, and the application hears a
     * JMSException (its acknowledgement did not take effect).
     */
    private void acknowledgeDeliveries(List<Delivery> deliveries) throws JMSException {
        List<Map.Entry<Address, List<String>>> parts = new ArrayList<>(Delivery.byAddress(deliveries).entrySet());
        for (int i = 0; i < parts.size(); i++) {
            Map.Entry<Address, List<String>> part = parts.get(i);
            try {
                connection.broker().messages().acknowledgeLeased(part.getKey(), part.getValue(), owner);
            } catch (LeaseExpiredException e) {
                List<Address> left = new ArrayList<>();
                parts.subList(i, parts.size()).forEach(rest -> left.add(rest.getKey()));
                releaseDeliveries(deliveries.stream().filter(d -> left.contains(d.address())).toList(), true);
                JMSException refused = new JMSException(ProviderError.ACKNOWLEDGE_LEASE_EXPIRED.text(e.getMessage()));
                refused.initCause(e);
                throw refused;
            } catch (RuntimeException e) {
                throw JmsExceptions.wrap("acknowledge", e);
            }
        }
    }

    private void releaseDeliveries(List<Delivery> deliveries, boolean delivered) throws JMSException {
        try {
            Delivery.byAddress(deliveries)
                    .forEach((address, ids) -> connection.broker().messages().release(address, ids, owner, delivered));
        } catch (RuntimeException e) {
            throw JmsExceptions.wrap("returning messages for redelivery", e);
        }
    }

    // --- delivery (called by consumers) ----------------------------------------------------------------------

    /** AUTO/DUPS_OK mode: the acknowledger of one queue or subscription (null in the other modes). */
    AutoAcknowledger autoAcknowledger(Address address) {
        return isAutoAcknowledge()
                ? autoAcknowledgers.computeIfAbsent(address, a -> new AutoAcknowledger(connection.broker(), a, owner))
                : null;
    }

    /** Makes sure every acknowledgement for this address reached the store (a consumer closes). */
    void flushAcknowledgements(Address address) throws JMSException {
        AutoAcknowledger acknowledger = autoAcknowledgers.get(address);
        if (acknowledger != null) {
            acknowledger.flush();
        }
    }

    /**
     * Turns a claimed message into the application's message and records it per the session mode: in
     * AUTO/DUPS_OK mode a synchronous receive acknowledges as it returns (see {@link AutoAcknowledger});
     * otherwise it waits for acknowledge or commit.
     *
     * <p>{@code bodyType} is set by {@code JMSConsumer.receiveBody} (else null). In AUTO/DUPS_OK mode a body
     * that cannot be returned as that type is not acknowledged: the message goes back uncounted (it is not a
     * redelivery) to be delivered again first, and MessageFormatException is thrown. In the other modes the
     * message counts as delivered and the caller's getBody throws.
     */
    Message deliverSync(HazelcastMessageConsumer consumer, StoredMessage stored, Class<?> bodyType)
            throws JMSException {
        MessageImpl message = toMessage(consumer, stored);
        Delivery delivery = new Delivery(consumer.address(), stored.messageId());
        if (isAutoAcknowledge()) {
            if (bodyType != null && !message.isBodyAssignableTo(bodyType)) {
                releaseDeliveries(List.of(delivery), false);
                consumer.returnPrefetched(); // so it comes next, ahead of what was claimed after it
                throw wrongBody(bodyType);
            }
            autoAcknowledger(delivery.address()).consumed(delivery.messageId());
        } else {
            remember(delivery);
        }
        return message;
    }

    /** receiveBody in AUTO/DUPS_OK mode met a body of another type (here and in {@link AcknowledgeModeEmulation}). */
    static MessageFormatException wrongBody(Class<?> bodyType) {
        return new MessageFormatException(ProviderError.RECEIVE_BODY_UNREADABLE.text(bodyType.getName()));
    }

    /** Runs a listener on one claimed message, under the session's delivery lock, then acknowledges per mode. */
    void deliverToListener(HazelcastMessageConsumer consumer, MessageListener listener, StoredMessage stored)
            throws JMSException {
        Delivery delivery = new Delivery(consumer.address(), stored.messageId());
        MessageImpl message = toMessage(consumer, stored);
        remember(delivery);
        boolean failed = false;
        ListenerThreads.enter(this);
        try {
            listener.onMessage(message);
        } catch (RuntimeException e) {
            failed = true; // spec 8.7: in auto-acknowledge modes the message is redelivered
        } finally {
            ListenerThreads.exit();
        }
        if (isAutoAcknowledge() && forget(delivery)) {
            if (failed) {
                releaseDeliveries(List.of(delivery), true);
            } else {
                autoAcknowledger(delivery.address()).consumed(delivery.messageId());
            }
        }
    }

    private MessageImpl toMessage(HazelcastMessageConsumer consumer, StoredMessage stored) throws JMSException {
        MessageImpl message;
        try {
            message = MessageImpl.fromStored(stored, consumer.destination(), connection.deserialization());
        } catch (RuntimeException e) {
            connection.broker().messages().release(consumer.address(), List.of(stored.messageId()), owner, true);
            throw JmsExceptions.wrap("reading a received message", e);
        }
        message.setAcknowledger(this::acknowledgeAll);
        return message;
    }

    private boolean isAutoAcknowledge() {
        return mode == Session.AUTO_ACKNOWLEDGE || mode == Session.DUPS_OK_ACKNOWLEDGE;
    }

    private synchronized void remember(Delivery delivery) {
        unacknowledged.add(delivery);
    }

    private synchronized boolean forget(Delivery delivery) {
        return unacknowledged.remove(delivery);
    }

    /** Transacted sends wait for commit. */
    synchronized void bufferSend(HazelcastDestination destination, StoredMessage message) {
        transactedSends.add(new PendingSend(destination, message));
    }

    record PendingSend(HazelcastDestination destination, StoredMessage message) {
    }

    /** XA: hands the transaction's sends and receives over to its branch, leaving the session clean. */
    synchronized TransactionWork takeTransactionWork() {
        TransactionWork work = new TransactionWork(new ArrayList<>(transactedSends), new ArrayList<>(unacknowledged),
                owner);
        transactedSends.clear();
        unacknowledged.clear();
        return work;
    }

    // --- consumers, producers, browsers ----------------------------------------------------------------------

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        checkOpen();
        HazelcastDestination target = destination == null ? null : HazelcastDestination.of(destination);
        HazelcastMessageProducer producer = new HazelcastMessageProducer(this, target);
        producers.add(producer);
        return producer;
    }

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return createConsumer(destination, null, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return createConsumer(destination, messageSelector, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        HazelcastDestination target = HazelcastDestination.of(destination);
        connection.checkConsumable(target);
        return addConsumer(new HazelcastMessageConsumer(this, target, messageSelector, noLocal,
                target.isQueue() ? null : Subscriptions.nonDurable()));
    }

    private HazelcastMessageConsumer addConsumer(HazelcastMessageConsumer consumer) {
        consumers.add(consumer);
        return consumer;
    }

    void consumerClosed(HazelcastMessageConsumer consumer) {
        consumers.remove(consumer);
    }

    void producerClosed(HazelcastMessageProducer producer) {
        producers.remove(producer);
    }

    void browserClosed(HazelcastQueueBrowser browser) {
        browsers.remove(browser);
    }

    boolean hasConsumerOn(HazelcastDestination destination) {
        return consumers.stream().anyMatch(c -> c.destination().equals(destination));
    }

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        checkOpen();
        kind.checkSession("createQueue");
        return new HazelcastQueue(requireName(queueName, "queue"));
    }

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        checkOpen();
        kind.checkSession("createTopic");
        return new HazelcastTopic(requireName(topicName, "topic"));
    }

    private static String requireName(String name, String kind) throws InvalidDestinationException {
        if (name == null || name.isBlank()) {
            throw new InvalidDestinationException(ProviderError.DESTINATION_NAME_EMPTY.text(kind));
        }
        return name;
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        checkOpen();
        kind.checkSession("createBrowser");
        HazelcastDestination target = HazelcastDestination.of(queue);
        connection.access().require(Permission.BROWSE, target);
        HazelcastQueueBrowser browser = new HazelcastQueueBrowser(this, (Queue) target, messageSelector);
        browsers.add(browser);
        return browser;
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        kind.checkSession("createTemporaryQueue");
        return connection.createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        kind.checkSession("createTemporaryTopic");
        return connection.createTemporaryTopic();
    }

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return (QueueReceiver) createConsumer(queue);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return (QueueReceiver) createConsumer(queue, messageSelector);
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        return (QueueSender) createProducer(queue);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic) throws JMSException {
        return (TopicSubscriber) createConsumer(topic);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String messageSelector, boolean noLocal) throws JMSException {
        return (TopicSubscriber) createConsumer(topic, messageSelector, noLocal);
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        return (TopicPublisher) createProducer(topic);
    }

    // --- topic subscriptions ---------------------------------------------------------------------------------

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        return createSharedConsumer(topic, sharedSubscriptionName, null);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector)
            throws JMSException {
        checkOpen();
        kind.checkSession("createSharedConsumer");
        HazelcastDestination target = subscriptionTopic(topic);
        return subscriber(target, messageSelector, false,
                Subscriptions.shared(connection.clientIdOrNull(), sharedSubscriptionName, false));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        kind.checkSession("createDurableSubscriber");
        HazelcastDestination target = subscriptionTopic(topic);
        return subscriber(target, messageSelector, noLocal, Subscriptions.durable(connection.requireClientId(), name));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        kind.checkSession("createDurableConsumer");
        return createDurableSubscriber(topic, name);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        kind.checkSession("createDurableConsumer");
        return createDurableSubscriber(topic, name, messageSelector, noLocal);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return createSharedDurableConsumer(topic, name, null);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        checkOpen();
        kind.checkSession("createSharedDurableConsumer");
        HazelcastDestination target = subscriptionTopic(topic);
        return subscriber(target, messageSelector, false, Subscriptions.shared(connection.clientIdOrNull(), name, true));
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        checkOpen();
        kind.checkSession("unsubscribe");
        Subscriptions.unsubscribe(this, name);
    }

    /**
     * The topic of a durable or shared subscription, checked before its name and the client ID: a null or
     * temporary topic is an InvalidDestinationException whatever else is wrong (as for any consumer).
     */
    private static HazelcastDestination subscriptionTopic(Topic topic) throws JMSException {
        if (topic == null) {
            throw new InvalidDestinationException(ProviderError.TOPIC_NULL.text());
        }
        HazelcastDestination target = HazelcastDestination.of(topic);
        if (target.isTemporary()) {
            throw new InvalidDestinationException(ProviderError.SUBSCRIPTION_ON_TEMPORARY_TOPIC.text());
        }
        return target;
    }

    private HazelcastMessageConsumer subscriber(HazelcastDestination topic, String selector, boolean noLocal,
                                                Subscriptions.Subscription subscription) throws JMSException {
        return addConsumer(new HazelcastMessageConsumer(this, topic, selector, noLocal, subscription));
    }

    // --- listener of the session (ASF) -----------------------------------------------------------------------

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return distinguishedListener;
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkOpen();
        distinguishedListener = listener;
    }

    /** Loaded by a connection consumer before it starts the server session that runs this session. */
    synchronized void load(HazelcastMessageConsumer source, StoredMessage message) {
        loadedForRun.add(new Loaded(source, message));
    }

    private record Loaded(HazelcastMessageConsumer source, StoredMessage message) {
    }

    /**
     * Delivers the messages a connection consumer loaded to the session's distinguished listener (ASF), and
     * returns once their acknowledgements are stored.
     */
    @Override
    public void run() {
        List<Loaded> batch;
        synchronized (this) {
            batch = new ArrayList<>(loadedForRun);
            loadedForRun.clear();
        }
        MessageListener listener = distinguishedListener;
        for (Loaded loaded : batch) {
            try {
                if (listener == null || closed) {
                    connection.broker().messages().release(loaded.source().address(),
                            List.of(loaded.message().messageId()), owner, false);
                    continue;
                }
                deliveryLock.lock();
                try {
                    deliverToListener(loaded.source(), listener, loaded.message());
                } finally {
                    deliveryLock.unlock();
                }
            } catch (JMSException | RuntimeException e) {
                // the message stays leased to this session and is redelivered when the session closes
            }
        }
        // the server session goes back to its pool idle: its acknowledgements must not wait for the next run,
        // nor should the NON_PERSISTENT messages its listener sent
        try {
            flushNonPersistentSends();
        } catch (JMSException e) {
            // the store stalled: they go on in the background, and losses reach the exception listener
        }
        for (AutoAcknowledger acknowledger : autoAcknowledgers.values()) {
            try {
                acknowledger.flush();
            } catch (JMSException e) {
                // not stored: the messages are redelivered (JMSRedelivered), as after a failure
            }
        }
    }

    // --- lifecycle -------------------------------------------------------------------------------------------

    void connectionStarted() {
        consumers.forEach(HazelcastMessageConsumer::wakeUp);
    }

    void wakeReceivers() {
        consumers.forEach(HazelcastMessageConsumer::wakeUp);
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (ListenerThreads.isDeliveringFor(this)) {
            throw new IllegalStateException(ProviderError.LISTENER_CLOSES_SESSION.text());
        }
        if (CompletionThreads.isCompletingFor(this)) {
            throw new IllegalStateException(ProviderError.COMPLETION_CLOSES_SESSION.text());
        }
        asyncSends.awaitAll();
        closed = true;
        for (HazelcastMessageConsumer consumer : consumers) {
            consumer.closeQuietly();
        }
        producers.forEach(HazelcastMessageProducer::closeQuietly);
        browsers.forEach(HazelcastQueueBrowser::closeQuietly);
        deliveryLock.lock(); // waits for a running listener to return
        try {
            List<Delivery> received;
            synchronized (this) {
                transactedSends.clear();
                received = new ArrayList<>(unacknowledged);
                unacknowledged.clear();
            }
            flushNonPersistentSends(); // after the last listener call: it may have sent some
            releaseDeliveries(received, true);
            for (AutoAcknowledger acknowledger : autoAcknowledgers.values()) {
                acknowledger.flush();
            }
        } catch (JMSException e) {
            if (connection.broker().hazelcast().getLifecycleService().isRunning()) {
                throw e;
            }
        } finally {
            deliveryLock.unlock();
            asyncSends.shutdown();
            connection.sessionClosed(this);
        }
    }

    @Override
    public String toString() {
        return "HazelcastSession{mode=" + mode + ", id=" + owner.sessionId() + "}";
    }
}
