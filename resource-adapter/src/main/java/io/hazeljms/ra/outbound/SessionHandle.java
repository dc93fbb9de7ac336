package io.hazeljms.ra.outbound;

import io.hazeljms.jms.client.AcknowledgeSupport;
import io.hazeljms.jms.client.HazelcastXASession;
import io.hazeljms.jms.message.MessageImpl;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
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
import jakarta.jms.TransactionInProgressException;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The session an application gets in a Jakarta EE component (spec 12.3). Inside a JTA transaction its work
 * joins the transaction through the managed connection's XA resource and the arguments of createSession are
 * ignored. Outside one it honours them: auto-acknowledge (each receive acknowledged at once), client
 * acknowledge, or a local transaction. Listeners are not allowed in EE components (spec 12.2).
 */
public class SessionHandle implements QueueSession, TopicSession, AcknowledgeSupport {

    private enum LocalMode { AUTO, CLIENT, TRANSACTED }

    private volatile HazelJmsManagedConnection mc;
    private final SessionRequest request;
    private final LocalMode localMode;
    private volatile ConnectionHandle owner;
    private volatile boolean closed;
    private final List<ProducerHandle> producers = new CopyOnWriteArrayList<>();
    private final List<ConsumerHandle> consumers = new CopyOnWriteArrayList<>();
    private final List<QueueBrowser> browsers = new CopyOnWriteArrayList<>();

    SessionHandle(HazelJmsManagedConnection mc, SessionRequest request) {
        this.mc = mc;
        this.request = request;
        this.localMode = request.transacted() || request.acknowledgeMode() == Session.SESSION_TRANSACTED
                ? LocalMode.TRANSACTED
                : request.acknowledgeMode() == Session.CLIENT_ACKNOWLEDGE ? LocalMode.CLIENT : LocalMode.AUTO;
    }

    void ownedBy(ConnectionHandle connection) {
        this.owner = connection;
    }

    void reassociate(HazelJmsManagedConnection other) {
        HazelJmsManagedConnection previous = mc;
        if (previous != null && previous != other) {
            previous.dissociate(this);
        }
        mc = other;
    }

    void invalidate() {
        closed = true;
    }

    void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("HJMS-RA-020 the session is closed");
        }
    }

    HazelcastXASession physical() throws IllegalStateException {
        checkOpen();
        return mc.xaSession();
    }

    boolean inTransaction() {
        return mc.inGlobalTransaction();
    }

    ConnectionHandle owner() {
        return owner;
    }

    /** Where a send goes: the XA session inside a transaction (or a local one), else straight to the store. */
    Session sendingSession() throws JMSException {
        checkOpen();
        return inTransaction() || localMode == LocalMode.TRANSACTED ? mc.xaSession() : mc.autoSession();
    }

    /** Completes a receive per the mode in force (see class comment). */
    void afterReceive(Message message) throws JMSException {
        if (message == null || inTransaction()) {
            return;
        }
        switch (localMode) {
            case AUTO:
                mc.xaSession().commitLocal();
                break;
            case CLIENT:
                ((MessageImpl) message).setAcknowledger(this::acknowledgeClient);
                break;
            default:
                break; // local transaction: commit() acknowledges
        }
    }

    private void acknowledgeClient() throws JMSException {
        checkOpen();
        mc.xaSession().commitLocal();
    }

    /** JMSContext.acknowledge(): client acknowledgement outside a transaction; nothing to do otherwise. */
    @Override
    public void acknowledgeAll() throws JMSException {
        checkOpen();
        if (localMode == LocalMode.CLIENT && !inTransaction()) {
            mc.xaSession().commitLocal();
        }
    }

    /**
     * receiveBody met a body of the wrong type: in auto-acknowledge mode the message must stay for another
     * delivery. It is returned through a local rollback, which counts it as a redelivery (a known deviation).
     */
    void afterWrongBody() throws JMSException {
        if (!inTransaction() && localMode == LocalMode.AUTO) {
            mc.xaSession().rollbackLocal();
        }
    }

    // --- messages --------------------------------------------------------------------------------------------

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        return physical().createBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        return physical().createMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        return physical().createMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        return physical().createObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        return physical().createObjectMessage(object);
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        return physical().createStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        return physical().createTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        return physical().createTextMessage(text);
    }

    // --- transactions ----------------------------------------------------------------------------------------

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return inTransaction() || localMode == LocalMode.TRANSACTED;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        if (getTransacted()) {
            return Session.SESSION_TRANSACTED;
        }
        return localMode == LocalMode.CLIENT ? Session.CLIENT_ACKNOWLEDGE
                : request.acknowledgeMode() == Session.DUPS_OK_ACKNOWLEDGE ? Session.DUPS_OK_ACKNOWLEDGE
                : Session.AUTO_ACKNOWLEDGE;
    }

    @Override
    public void commit() throws JMSException {
        checkOpen();
        if (inTransaction()) {
            throw new TransactionInProgressException("HJMS-RA-021 commit() inside a JTA transaction: the container commits");
        }
        if (localMode != LocalMode.TRANSACTED) {
            throw new IllegalStateException("HJMS-RA-022 commit() on a session that is not transacted");
        }
        mc.xaSession().commitLocal();
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        if (inTransaction()) {
            throw new TransactionInProgressException("HJMS-RA-023 rollback() inside a JTA transaction: use setRollbackOnly");
        }
        if (localMode != LocalMode.TRANSACTED) {
            throw new IllegalStateException("HJMS-RA-024 rollback() on a session that is not transacted");
        }
        mc.xaSession().rollbackLocal();
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (getTransacted()) {
            throw new IllegalStateException("HJMS-RA-025 recover() on a transacted session");
        }
        mc.xaSession().rollbackLocal();
    }

    // --- producers, consumers, browsers ----------------------------------------------------------------------

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        checkOpen();
        ProducerHandle producer = new ProducerHandle(this, destination);
        producers.add(producer);
        return producer;
    }

    private ConsumerHandle track(MessageConsumer physicalConsumer) {
        ConsumerHandle consumer = new ConsumerHandle(this, physicalConsumer);
        consumers.add(consumer);
        return consumer;
    }

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return track(physical().createConsumer(destination));
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String selector) throws JMSException {
        return track(physical().createConsumer(destination, selector));
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String selector, boolean noLocal)
            throws JMSException {
        return track(physical().createConsumer(destination, selector, noLocal));
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String name) throws JMSException {
        return track(physical().createSharedConsumer(topic, name));
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String name, String selector) throws JMSException {
        return track(physical().createSharedConsumer(topic, name, selector));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return track(physical().createDurableSubscriber(topic, name));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String selector, boolean noLocal)
            throws JMSException {
        return track(physical().createDurableSubscriber(topic, name, selector, noLocal));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        return track(physical().createDurableConsumer(topic, name));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String selector, boolean noLocal)
            throws JMSException {
        return track(physical().createDurableConsumer(topic, name, selector, noLocal));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return track(physical().createSharedDurableConsumer(topic, name));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String selector)
            throws JMSException {
        return track(physical().createSharedDurableConsumer(topic, name, selector));
    }

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return (QueueReceiver) createConsumer(queue);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String selector) throws JMSException {
        return (QueueReceiver) createConsumer(queue, selector);
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
    public TopicSubscriber createSubscriber(Topic topic, String selector, boolean noLocal) throws JMSException {
        return (TopicSubscriber) createConsumer(topic, selector, noLocal);
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        return (TopicPublisher) createProducer(topic);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String selector) throws JMSException {
        QueueBrowser browser = physical().createBrowser(queue, selector);
        browsers.add(browser);
        return browser;
    }

    @Override
    public Queue createQueue(String name) throws JMSException {
        return physical().createQueue(name);
    }

    @Override
    public Topic createTopic(String name) throws JMSException {
        return physical().createTopic(name);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        TemporaryQueue queue = physical().createTemporaryQueue();
        owner.temporaryCreated(queue);
        return queue;
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        TemporaryTopic topic = physical().createTemporaryTopic();
        owner.temporaryCreated(topic);
        return topic;
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        physical().unsubscribe(name);
    }

    // --- not allowed in Jakarta EE web and EJB components (spec 12.2) ----------------------------------------

    @Override
    public MessageListener getMessageListener() throws JMSException {
        throw notInEe("getMessageListener");
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        throw notInEe("setMessageListener");
    }

    @Override
    public void run() {
        throw new java.lang.IllegalStateException("HJMS-RA-026 Session.run() is not allowed in a Jakarta EE component");
    }

    static IllegalStateException notInEe(String method) {
        return new IllegalStateException("HJMS-RA-027 " + method + " is not allowed in a Jakarta EE web or EJB "
                + "component (Jakarta Messaging 12.2): use a message-driven bean");
    }

    // --- close -----------------------------------------------------------------------------------------------

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        for (ConsumerHandle c : consumers) {
            c.close();
        }
        for (QueueBrowser b : browsers) {
            b.close();
        }
        producers.forEach(ProducerHandle::closeQuietly);
        if (!inTransaction() && localMode != LocalMode.AUTO) {
            mc.xaSession().rollbackLocal(); // uncommitted or unacknowledged work is redelivered (spec)
        }
        closed = true;
        ConnectionHandle connection = owner;
        if (connection != null) {
            connection.sessionClosed(this);
        }
        mc.handleClosed(this);
    }
}
