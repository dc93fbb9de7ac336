package io.hazeljms.ra.outbound;

import io.hazeljms.jms.client.AcknowledgeModeEmulation;
import io.hazeljms.jms.client.AcknowledgeSupport;
import io.hazeljms.jms.client.HazelcastXASession;
import io.hazeljms.jms.client.SessionKind;
import io.hazeljms.ra.AdapterError;
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

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The session an application gets in a Jakarta EE component (spec 12.3): a handle on a pooled managed
 * connection, which the container may move to another one. What the session does with the arguments of
 * createSession, inside or outside a JTA transaction, is the provider's {@link AcknowledgeModeEmulation}; this
 * class keeps the handle's JCA roles: its association, the objects it made, and closing. Listeners are not
 * allowed in EE components (spec 12.2).
 */
public class SessionHandle implements QueueSession, TopicSession, AcknowledgeSupport {

    private volatile HazelJmsManagedConnection mc;
    private final AcknowledgeModeEmulation emulation;
    private volatile ConnectionHandle owner;
    /** QUEUE or TOPIC for createQueueSession/createTopicSession, which refuse the other domain's methods. */
    private volatile SessionKind kind = SessionKind.GENERAL;
    private volatile boolean closed;
    private final List<ProducerHandle> producers = new CopyOnWriteArrayList<>();
    private final List<ConsumerHandle> consumers = new CopyOnWriteArrayList<>();
    private final List<QueueBrowser> browsers = new CopyOnWriteArrayList<>();

    SessionHandle(HazelJmsManagedConnection mc, SessionRequest request) {
        this.mc = mc;
        this.emulation = new AcknowledgeModeEmulation(this::physical, request.transacted(), request.acknowledgeMode());
    }

    /** Whom the managed connection it is on is logged in as. */
    Credentials credentials() {
        return mc.credentials();
    }

    void ownedBy(ConnectionHandle connection, SessionKind sessionKind) {
        this.owner = connection;
        this.kind = sessionKind;
    }

    /** Open, and of a kind that offers {@code method}. */
    private void check(String method) throws IllegalStateException {
        checkOpen();
        kind.checkSession(method);
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
            throw new IllegalStateException(AdapterError.SESSION_CLOSED.text());
        }
    }

    HazelcastXASession physical() throws IllegalStateException {
        checkOpen();
        return mc.xaSession();
    }

    ConnectionHandle owner() {
        return owner;
    }

    AcknowledgeModeEmulation emulation() {
        return emulation;
    }

    /** Where a send goes: the XA session while transacted (globally or locally), else straight to the store. */
    Session sendingSession() throws JMSException {
        return emulation.isTransacted() ? physical() : mc.autoSession();
    }

    @Override
    public void acknowledgeAll() throws JMSException {
        emulation.acknowledgeAll();
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
        return emulation.isTransacted();
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        return emulation.acknowledgeMode();
    }

    @Override
    public void commit() throws JMSException {
        emulation.commit();
    }

    @Override
    public void rollback() throws JMSException {
        emulation.rollback();
    }

    @Override
    public void recover() throws JMSException {
        emulation.recover();
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
        check("createSharedConsumer");
        return track(physical().createSharedConsumer(topic, name));
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String name, String selector) throws JMSException {
        check("createSharedConsumer");
        return track(physical().createSharedConsumer(topic, name, selector));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        check("createDurableSubscriber");
        return track(physical().createDurableSubscriber(topic, name));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String selector, boolean noLocal)
            throws JMSException {
        check("createDurableSubscriber");
        return track(physical().createDurableSubscriber(topic, name, selector, noLocal));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        check("createDurableConsumer");
        return track(physical().createDurableConsumer(topic, name));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String selector, boolean noLocal)
            throws JMSException {
        check("createDurableConsumer");
        return track(physical().createDurableConsumer(topic, name, selector, noLocal));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        check("createSharedDurableConsumer");
        return track(physical().createSharedDurableConsumer(topic, name));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String selector)
            throws JMSException {
        check("createSharedDurableConsumer");
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
        check("createBrowser");
        QueueBrowser browser = physical().createBrowser(queue, selector);
        browsers.add(browser);
        return browser;
    }

    @Override
    public Queue createQueue(String name) throws JMSException {
        check("createQueue");
        return physical().createQueue(name);
    }

    @Override
    public Topic createTopic(String name) throws JMSException {
        check("createTopic");
        return physical().createTopic(name);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        check("createTemporaryQueue");
        TemporaryQueue queue = physical().createTemporaryQueue();
        owner.temporaryCreated(queue);
        return queue;
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        check("createTemporaryTopic");
        TemporaryTopic topic = physical().createTemporaryTopic();
        owner.temporaryCreated(topic);
        return topic;
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        check("unsubscribe");
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
        throw new java.lang.IllegalStateException(AdapterError.RUN_NOT_ALLOWED.text());
    }

    static IllegalStateException notInEe(String method) {
        return new IllegalStateException(AdapterError.NOT_ALLOWED_IN_EE.text(method));
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
        emulation.close();
        closed = true;
        ConnectionHandle connection = owner;
        if (connection != null) {
            connection.sessionClosed(this);
        }
        mc.handleClosed(this);
    }
}
