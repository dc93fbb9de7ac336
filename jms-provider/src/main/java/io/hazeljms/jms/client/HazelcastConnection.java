package io.hazeljms.jms.client;

import com.hazelcast.core.LifecycleEvent;
import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.config.BacklogPolicy;
import io.hazeljms.jms.config.DestinationPolicy;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.jms.destination.HazelcastTemporaryQueue;
import io.hazeljms.jms.destination.HazelcastTemporaryTopic;
import io.hazeljms.jms.destination.TemporaryDestinationOwner;
import io.hazeljms.jms.message.DeserializationPolicy;
import io.hazeljms.jms.security.Identity;
import io.hazeljms.jms.security.Permission;
import io.hazeljms.jms.management.ManagementGuard;
import io.hazeljms.jms.security.Security;
import io.hazeljms.store.Broker;
import io.hazeljms.store.DestinationSettings;
import io.hazeljms.store.LeaseOwner;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XASession;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicSession;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * A JMS connection: an identity in leases (node + connection id), the client ID, the started/stopped gate
 * for delivery, temporary destinations, and the exception listener told when the cluster goes away.
 */
public class HazelcastConnection implements QueueConnection, TopicConnection, XAQueueConnection, XATopicConnection,
        TemporaryDestinationOwner {

    private static final Logger LOG = Logger.getLogger(HazelcastConnection.class.getName());
    private final Broker broker;
    private final DeserializationPolicy deserialization;
    private final BacklogPolicy backlogPolicy;
    private final int prefetch;
    private final boolean asyncNonPersistentSends;
    private final DestinationAccess access;
    /** QUEUE or TOPIC for the legacy connections, which refuse the other domain's methods. */
    private final SessionKind kind;
    /** Tells the exception listener of problems found in the background, one at a time, in order. */
    private final ThreadPoolExecutor reports = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "hazeljms-exception-listener");
                t.setDaemon(true);
                return t;
            });
    private final String connectionId = UUID.randomUUID().toString();
    private final AtomicLong messageCounter = new AtomicLong();
    private final List<HazelcastSession> sessions = new CopyOnWriteArrayList<>();
    private final Set<HazelcastDestination> temporaryDestinations = ConcurrentHashMap.newKeySet();
    private final UUID lifecycleRegistration;

    private final ReentrantLock stateLock = new ReentrantLock();
    private final Condition stateChanged = stateLock.newCondition();
    private boolean started;
    private volatile boolean closed;
    /** Listener deliveries running now; stop() waits for them to finish. */
    private int activeDeliveries;

    private String clientId;
    private boolean clientIdFixed;
    private volatile ExceptionListener exceptionListener;

    public HazelcastConnection(Broker broker, DeserializationPolicy deserialization, BacklogPolicy backlogPolicy,
                               int prefetch, boolean asyncNonPersistentSends, String defaultClientId,
                               SessionKind kind, Security security, Identity identity) throws JMSException {
        this.kind = kind;
        this.broker = broker;
        this.access = new DestinationAccess(security, identity, broker);
        this.deserialization = deserialization;
        this.backlogPolicy = backlogPolicy;
        this.prefetch = prefetch;
        this.asyncNonPersistentSends = asyncNonPersistentSends;
        if (defaultClientId != null && !defaultClientId.isEmpty()) {
            setClientId(defaultClientId);
            clientIdFixed = true;
        }
        this.lifecycleRegistration = broker.hazelcast().getLifecycleService().addLifecycleListener(this::lifecycle);
    }

    // --- identity --------------------------------------------------------------------------------------------

    Broker broker() {
        return broker;
    }

    /** Who this connection acts for, and what that identity may do. */
    public DestinationAccess access() {
        return access;
    }

    DeserializationPolicy deserialization() {
        return deserialization;
    }

    BacklogPolicy backlogPolicy() {
        return backlogPolicy;
    }

    /** Messages a consumer of this connection claims per store call. */
    int prefetch() {
        return prefetch;
    }

    /** Whether NON_PERSISTENT sends of non-transacted sessions return before they are stored. */
    boolean asyncNonPersistentSends() {
        return asyncNonPersistentSends;
    }

    /**
     * A new message id, unique in the cluster: this connection's random id and a counter. Far cheaper than a
     * random UUID per message (SecureRandom took an eighth of a producer's time), and still unguessable enough
     * for ids, which only need to be unique.
     */
    String nextMessageId() {
        return "ID:" + connectionId + "-" + Long.toString(messageCounter.incrementAndGet(), Character.MAX_RADIX);
    }

    String connectionId() {
        return connectionId;
    }

    LeaseOwner leaseOwner(String sessionId) {
        return new LeaseOwner(broker.nodeId(), connectionId, sessionId);
    }

    @Override
    public synchronized String getClientID() throws JMSException {
        checkOpen();
        return clientId;
    }

    @Override
    public synchronized void setClientID(String id) throws JMSException {
        checkOpen();
        if (clientIdFixed) {
            throw new IllegalStateException(ProviderError.CLIENT_ID_TOO_LATE.text(
                    clientId != null ? "; it is already " + clientId : ""));
        }
        if (id == null || id.isEmpty()) {
            throw new InvalidClientIDException(ProviderError.CLIENT_ID_EMPTY.text());
        }
        setClientId(id);
        clientIdFixed = true;
    }

    private void setClientId(String id) throws InvalidClientIDException {
        try {
            if (!broker.clientIds().reserve(id, leaseOwner(""))) {
                throw new InvalidClientIDException(ProviderError.CLIENT_ID_IN_USE.text(id));
            }
        } catch (RuntimeException e) {
            InvalidClientIDException ex =
                    new InvalidClientIDException(ProviderError.CLIENT_ID_NOT_RESERVED.text(id, e));
            ex.setLinkedException(e);
            throw ex;
        }
        clientId = id;
    }

    synchronized String clientIdOrNull() {
        return clientId;
    }

    /** Any use of the connection other than setClientID fixes the client ID (spec 6.1.2). */
    synchronized void fixClientId() {
        clientIdFixed = true;
    }

    // --- sessions --------------------------------------------------------------------------------------------

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted ? Session.SESSION_TRANSACTED : acknowledgeMode);
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        return createSession(sessionMode, SessionKind.GENERAL);
    }

    private HazelcastSession createSession(int sessionMode, SessionKind sessionKind) throws JMSException {
        checkOpen();
        fixClientId();
        if (sessionMode != Session.SESSION_TRANSACTED && sessionMode != Session.AUTO_ACKNOWLEDGE
                && sessionMode != Session.CLIENT_ACKNOWLEDGE && sessionMode != Session.DUPS_OK_ACKNOWLEDGE) {
            throw new JMSException(ProviderError.SESSION_MODE_INVALID.text(sessionMode));
        }
        HazelcastSession session = new HazelcastSession(this, sessionMode, sessionKind);
        sessions.add(session);
        return session;
    }

    @Override
    public XASession createXASession() throws JMSException {
        return createXASession(SessionKind.GENERAL);
    }

    private HazelcastXASession createXASession(SessionKind sessionKind) throws JMSException {
        checkOpen();
        fixClientId();
        HazelcastXASession session = new HazelcastXASession(this, sessionKind);
        sessions.add(session);
        return session;
    }

    @Override
    public XAQueueSession createXAQueueSession() throws JMSException {
        return createXASession(SessionKind.QUEUE);
    }

    @Override
    public XATopicSession createXATopicSession() throws JMSException {
        return createXASession(SessionKind.TOPIC);
    }

    @Override
    public Session createSession() throws JMSException {
        return createSession(Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted ? Session.SESSION_TRANSACTED : acknowledgeMode, SessionKind.QUEUE);
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted ? Session.SESSION_TRANSACTED : acknowledgeMode, SessionKind.TOPIC);
    }

    void sessionClosed(HazelcastSession session) {
        sessions.remove(session);
    }

    // --- start / stop: the gate listeners and receivers pass through -----------------------------------------

    @Override
    public void start() throws JMSException {
        checkOpen();
        fixClientId();
        stateLock.lock();
        try {
            started = true;
            stateChanged.signalAll();
        } finally {
            stateLock.unlock();
        }
        sessions.forEach(HazelcastSession::connectionStarted);
    }

    /** Stops delivery, then waits until the NON_PERSISTENT messages sent so far are stored. */
    @Override
    public void stop() throws JMSException {
        checkOpen();
        fixClientId();
        if (ListenerThreads.isDeliveringFor(this)) {
            throw new IllegalStateException(ProviderError.LISTENER_STOPS_CONNECTION.text());
        }
        stopDelivery();
        for (HazelcastSession session : sessions) {
            session.flushNonPersistentSends();
        }
    }

    /** Stops delivery and waits until no listener is running (stop's contract). */
    private void stopDelivery() throws JMSException {
        stateLock.lock();
        try {
            started = false;
            stateChanged.signalAll();
            while (activeDeliveries > 0) {
                stateChanged.await();
            }
        } catch (InterruptedException e) {
            throw JmsExceptions.interrupted("connection stop");
        } finally {
            stateLock.unlock();
        }
        sessions.forEach(HazelcastSession::wakeReceivers);
    }

    boolean isStarted() {
        return started && !closed;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Waits until the connection is started (or closed), at most until the deadline (ms since epoch, or
     * Long.MAX_VALUE). Returns whether delivery may go ahead.
     */
    boolean awaitStarted(long deadline) throws InterruptedException {
        stateLock.lock();
        try {
            while (!started && !closed) {
                long wait = deadline - System.currentTimeMillis();
                if (wait <= 0) {
                    return false;
                }
                stateChanged.await(Math.min(wait, TimeUnit.DAYS.toMillis(1)), TimeUnit.MILLISECONDS);
            }
            return !closed;
        } finally {
            stateLock.unlock();
        }
    }

    /** Enters a listener delivery if the connection is started; pair with {@link #endDelivery()}. */
    boolean beginDelivery() {
        stateLock.lock();
        try {
            if (!started || closed) {
                return false;
            }
            activeDeliveries++;
            return true;
        } finally {
            stateLock.unlock();
        }
    }

    void endDelivery() {
        stateLock.lock();
        try {
            activeDeliveries--;
            stateChanged.signalAll();
        } finally {
            stateLock.unlock();
        }
    }

    // --- close -----------------------------------------------------------------------------------------------

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (ListenerThreads.isDeliveringFor(this)) {
            throw new IllegalStateException(ProviderError.LISTENER_CLOSES_CONNECTION.text());
        }
        if (CompletionThreads.isCompletingFor(this)) {
            throw new IllegalStateException(ProviderError.COMPLETION_CLOSES_CONNECTION.text());
        }
        stopDelivery();
        closed = true;
        stateLock.lock();
        try {
            stateChanged.signalAll();
        } finally {
            stateLock.unlock();
        }
        JMSException first = null;
        for (HazelcastSession session : sessions) {
            try {
                session.close();
            } catch (JMSException e) {
                first = first == null ? e : first;
            }
        }
        try {
            for (HazelcastDestination temp : temporaryDestinations) {
                broker.administration().deleteDestination(temp.key());
            }
            temporaryDestinations.clear();
            if (clientId != null) {
                broker.clientIds().release(clientId, leaseOwner(""));
            }
            broker.hazelcast().getLifecycleService().removeLifecycleListener(lifecycleRegistration);
        } catch (RuntimeException e) {
            // the cluster is gone: its departure handling frees what we held
            first = first == null ? JmsExceptions.wrap("connection close", e) : first;
        }
        reports.shutdown(); // what the sessions reported while closing is still told
        if (first != null && broker.hazelcast().getLifecycleService().isRunning()) {
            throw first;
        }
    }

    void checkOpen() throws IllegalStateException {
        if (closed) {
            throw JmsExceptions.closed("connection");
        }
    }

    // --- exceptions ------------------------------------------------------------------------------------------

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        fixClientId();
        return exceptionListener;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        checkOpen();
        fixClientId();
        exceptionListener = listener;
    }

    private void lifecycle(LifecycleEvent event) {
        if (closed) {
            return;
        }
        // a client that lost its members reconnects on its own (CLIENT_DISCONNECTED, then CLIENT_CONNECTED) and
        // the store carries its calls over; only a node that gives up (its connect timeout) or stops is lost
        switch (event.getState()) {
            case SHUTTING_DOWN:
                ExceptionListener listener = exceptionListener;
                if (listener != null) {
                    JMSException e = new JMSException(ProviderError.CONNECTION_LOST.text(event.getState()),
                            "CONNECTION_LOST");
                    Thread t = new Thread(() -> listener.onException(e), "hazeljms-exception-listener");
                    t.setDaemon(true);
                    t.start();
                }
                break;
            default:
                break;
        }
    }

    /**
     * Tells the exception listener of a problem found in the background (a NON_PERSISTENT message that could
     * not be stored), on a thread of the connection's own, never the caller's; logged when no listener is set.
     */
    void report(JMSException problem) {
        ExceptionListener listener = exceptionListener;
        if (listener == null) {
            LOG.warning(problem.getMessage() + " (no ExceptionListener is set on the connection)");
            return;
        }
        try {
            reports.execute(() -> listener.onException(problem));
        } catch (RejectedExecutionException e) {
            LOG.warning(problem.getMessage() + " (reported after the connection closed)");
        }
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        fixClientId();
        return new ProviderMetaData();
    }

    // --- temporary destinations ------------------------------------------------------------------------------

    TemporaryQueue createTemporaryQueue() throws JMSException {
        HazelcastTemporaryQueue queue = new HazelcastTemporaryQueue("tmp-" + UUID.randomUUID(), this);
        createTemporary(queue);
        return queue;
    }

    TemporaryTopic createTemporaryTopic() throws JMSException {
        HazelcastTemporaryTopic topic = new HazelcastTemporaryTopic("tmp-" + UUID.randomUUID(), this);
        createTemporary(topic);
        return topic;
    }

    private void createTemporary(HazelcastDestination destination) throws JMSException {
        checkOpen();
        try {
            broker.administration().createDestination(destination.key(), broker.defaults()
                    .withTemporaryOwner(broker.nodeId(), connectionId));
        } catch (RuntimeException e) {
            throw JmsExceptions.wrap("creating a temporary destination", e);
        }
        temporaryDestinations.add(destination);
    }

    boolean ownsTemporary(HazelcastDestination destination) {
        return temporaryDestinations.contains(destination);
    }

    @Override
    public void deleteTemporary(HazelcastDestination destination) throws JMSException {
        checkOpen();
        for (HazelcastSession session : sessions) {
            if (session.hasConsumerOn(destination)) {
                throw new IllegalStateException(ProviderError.TEMPORARY_IN_USE.text(destination.getName()));
            }
        }
        try {
            broker.administration().deleteDestination(destination.key());
        } catch (RuntimeException e) {
            throw JmsExceptions.wrap("deleting a temporary destination", e);
        }
        temporaryDestinations.remove(destination);
    }

    // --- administration, as this connection's user (permissions manage and deleteDestination) ------------------
    // applyPolicy, purge and deleteDestination are shortcuts of management(), kept for their callers

    /**
     * The cluster's management acting as this connection's user: figures, browse, purge, move and redrive need
     * {@code manage} on each destination involved, deleting a destination {@code deleteDestination}, deleting a
     * durable subscription {@code deleteDurable} (without security everything is allowed). Its rates are sampled
     * per management object: keep it while reading figures repeatedly. Once the connection is closed, every
     * call throws {@link jakarta.jms.IllegalStateException}.
     */
    public io.hazeljms.jms.management.BrokerManagement management() throws JMSException {
        checkOpen();
        return new io.hazeljms.jms.management.BrokerManagement(broker, new ManagementGuard() {
            @Override
            public void require(Permission permission, HazelcastDestination destination) throws JMSException {
                checkOpen();
                access.require(permission, destination);
            }

            @Override
            public void requireOpen() throws JMSException {
                checkOpen();
            }
        });
    }

    /**
     * Gives a destination the settings {@code policy} names, keeping its others (or creating it with this node's
     * defaults and the policy). Cluster-wide.
     *
     * @throws jakarta.jms.JMSSecurityException unless the user may manage the destination
     */
    public DestinationPolicy.Update applyPolicy(Destination destination, DestinationPolicy policy) throws JMSException {
        return management().applyPolicy(destination, policy);
    }

    /**
     * Deletes the messages waiting on a queue (not those in flight); returns how many.
     *
     * @throws jakarta.jms.JMSSecurityException unless the user may manage the queue
     */
    public int purge(Queue queue) throws JMSException {
        return management().purge(queue);
    }

    /**
     * Deletes a queue or topic with every message and subscription it holds; true if it existed. Temporary
     * destinations are deleted with their {@code delete()}.
     *
     * @throws jakarta.jms.JMSSecurityException unless the user may delete the destination
     */
    public boolean deleteDestination(Destination destination) throws JMSException {
        return management().deleteDestination(destination);
    }

    /** Refuses consumers on temporary destinations of other connections (spec 6.2.2). */
    void checkConsumable(HazelcastDestination destination) throws JMSException {
        if (destination.isTemporary() && !ownsTemporary(destination)) {
            throw new InvalidDestinationException(
                    ProviderError.TEMPORARY_OF_OTHER_CONNECTION.text(destination.getName()));
        }
    }

    // --- connection consumers (server session pools) ---------------------------------------------------------

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        checkOpen();
        return new PooledConnectionConsumer(this, HazelcastDestination.of(destination), null, messageSelector,
                sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        return createConnectionConsumer((Destination) queue, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        return createConnectionConsumer((Destination) topic, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName,
                                                             String messageSelector, ServerSessionPool sessionPool,
                                                             int maxMessages) throws JMSException {
        checkOpen();
        return new PooledConnectionConsumer(this, HazelcastDestination.of(topic),
                Subscriptions.shared(clientIdOrNull(), subscriptionName, false), messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName,
                                                              String messageSelector, ServerSessionPool sessionPool,
                                                              int maxMessages) throws JMSException {
        checkOpen();
        kind.checkConnection("createDurableConnectionConsumer");
        return new PooledConnectionConsumer(this, HazelcastDestination.of(topic),
                Subscriptions.durable(requireClientId(), subscriptionName), messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
                                                                    String messageSelector,
                                                                    ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        checkOpen();
        return new PooledConnectionConsumer(this, HazelcastDestination.of(topic),
                Subscriptions.shared(clientIdOrNull(), subscriptionName, true), messageSelector, sessionPool, maxMessages);
    }

    String requireClientId() throws IllegalStateException {
        if (clientId == null) {
            throw new IllegalStateException(ProviderError.DURABLE_NEEDS_CLIENT_ID.text());
        }
        return clientId;
    }
}
