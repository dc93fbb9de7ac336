package io.hazeljms.ra.inbound;

import io.hazeljms.jms.HazelcastConnectionFactory;
import io.hazeljms.jms.client.HazelcastConnection;
import io.hazeljms.jms.client.HazelcastXASession;
import io.hazeljms.jms.config.DestinationPolicy;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.jms.destination.HazelcastQueue;
import io.hazeljms.jms.destination.HazelcastTopic;
import io.hazeljms.ra.AdapterError;
import io.hazeljms.ra.HazelJmsResourceAdapter;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Topic;
import jakarta.jms.XAConnection;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One message-driven bean's consumption: a connection, up to {@code maxSession} sessions each with one consumer
 * and one {@link MessageHandler} running as container work. Deactivation stops the handlers and closes the
 * connection, which returns unacknowledged messages to their destination.
 */
public class HazelJmsActivation {

    private static final Logger LOG = Logger.getLogger(HazelJmsActivation.class.getName());
    static final Method ON_MESSAGE;

    static {
        try {
            ON_MESSAGE = MessageListener.class.getMethod("onMessage", jakarta.jms.Message.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final HazelJmsResourceAdapter resourceAdapter;
    private final WorkManager workManager;
    private final MessageEndpointFactory endpointFactory;
    private final HazelJmsActivationSpec spec;
    private final List<MessageHandler> handlers = new ArrayList<>();
    private XAConnection connection;

    public HazelJmsActivation(HazelJmsResourceAdapter resourceAdapter, WorkManager workManager,
                              MessageEndpointFactory endpointFactory, HazelJmsActivationSpec spec) {
        this.resourceAdapter = resourceAdapter;
        this.workManager = workManager;
        this.endpointFactory = endpointFactory;
        this.spec = spec;
    }

    /**
     * Logs in (the spec's userName and password; without them the adapter's defaultUser, or a refusal), applies
     * the bean's destination policy, and starts the sessions.
     *
     * @throws ResourceException naming the bean, its destination and the provider's refusal (its id) when its
     *         connection is refused
     */
    public void start() throws ResourceException {
        HazelcastConnectionFactory provider = resourceAdapter.provider();
        HazelcastDestination destination = resolveDestination();
        boolean transacted;
        try {
            transacted = endpointFactory.isDeliveryTransacted(ON_MESSAGE);
        } catch (NoSuchMethodException e) {
            throw new ResourceException(AdapterError.NO_ON_MESSAGE.text(e.getMessage()), e);
        }
        String userName = blank(spec.getUserName()) ? null : spec.getUserName();
        try {
            connection = provider.createXAConnection(userName, userName == null ? null : spec.getPassword());
        } catch (JMSSecurityException e) {
            jakarta.resource.spi.SecurityException refused = new jakarta.resource.spi.SecurityException(
                    AdapterError.ACTIVATION_REFUSED.text(endpointFactory.getActivationName(), destination,
                            e.getMessage()), e.getErrorCode());
            refused.initCause(e);
            throw refused;
        } catch (JMSException e) {
            throw new ResourceException(AdapterError.ACTIVATION_FAILED.text(spec, e.getMessage()), e);
        }
        try {
            applyDestinationPolicy(destination); // as the bean's user, who needs manage on it
        } catch (JMSSecurityException e) {
            stop();
            jakarta.resource.spi.SecurityException refused = new jakarta.resource.spi.SecurityException(
                    AdapterError.ACTIVATION_REFUSED.text(endpointFactory.getActivationName(), destination,
                            e.getMessage()), e.getErrorCode());
            refused.initCause(e);
            throw refused;
        } catch (JMSException | RuntimeException e) {
            stop();
            throw new ResourceException(AdapterError.ACTIVATION_FAILED.text(spec, e.getMessage()), e);
        }
        try {
            if (!blank(spec.getClientId())) {
                connection.setClientID(spec.getClientId());
            }
            String sharedName = sharedSubscriptionName();
            int sessions = spec.isTopic() && sharedName == null ? 1 : spec.getMaxSession();
            for (int i = 0; i < sessions; i++) {
                HazelcastXASession session = (HazelcastXASession) connection.createXASession();
                MessageConsumer consumer = createConsumer(session, destination, sharedName);
                handlers.add(new MessageHandler(endpointFactory, session, consumer, transacted));
            }
            connection.start();
            for (MessageHandler handler : handlers) {
                workManager.scheduleWork(handler);
            }
            LOG.info(AdapterError.ACTIVATED.text(endpointFactory.getActivationName(), destination, handlers.size(),
                    transacted));
        } catch (JMSException | WorkException | RuntimeException e) {
            stop();
            throw new ResourceException(AdapterError.ACTIVATION_FAILED.text(spec, e.getMessage()), e);
        }
    }

    /**
     * Topics with more than one session (or shareSubscriptions) consume through a shared subscription, so each
     * message reaches one of the bean's sessions, not all of them. Null for a plain subscription.
     */
    private String sharedSubscriptionName() {
        if (!spec.isTopic()) {
            return null;
        }
        boolean shared = Boolean.TRUE.equals(spec.getShareSubscriptions()) || spec.getMaxSession() > 1;
        if (!shared) {
            return null;
        }
        return blank(spec.getSubscriptionName())
                ? "mdb-" + endpointFactory.getActivationName() + "-" + UUID.randomUUID()
                : spec.getSubscriptionName();
    }

    private MessageConsumer createConsumer(HazelcastXASession session, HazelcastDestination destination,
                                           String sharedName) throws JMSException {
        String selector = spec.getMessageSelector();
        if (!spec.isTopic()) {
            return session.createConsumer(destination, selector);
        }
        Topic topic = (Topic) destination;
        if (spec.isDurable()) {
            return sharedName != null
                    ? session.createSharedDurableConsumer(topic, sharedName, selector)
                    : session.createDurableConsumer(topic, spec.getSubscriptionName(), selector, false);
        }
        return sharedName != null
                ? session.createSharedConsumer(topic, sharedName, selector)
                : session.createConsumer(topic, selector);
    }

    private HazelcastDestination resolveDestination() throws ResourceException {
        if (!blank(spec.getDestinationLookup())) {
            try {
                Object found = new InitialContext().lookup(spec.getDestinationLookup());
                return HazelcastDestination.of((Destination) found);
            } catch (NamingException | JMSException | ClassCastException e) {
                throw new ResourceException(AdapterError.DESTINATION_LOOKUP_FAILED.text(spec.getDestinationLookup(),
                        e.getMessage()), e);
            }
        }
        return spec.isTopic() ? new HazelcastTopic(spec.getDestination()) : new HazelcastQueue(spec.getDestination());
    }

    /**
     * The per-destination settings the bean gives become its destination's policy, cluster-wide (DESIGN.md,
     * "An MDB may set its destination's policy"): only those it gives, the rest stay. Never silent: creating the
     * destination is logged, and changing the policy of an existing one is a warning that names each change. Done as
     * the bean's user: with security on it needs the manage permission on the destination.
     */
    private void applyDestinationPolicy(HazelcastDestination destination) throws JMSException {
        DestinationPolicy policy = spec.destinationPolicy();
        if (policy.isEmpty()) {
            return;
        }
        DestinationPolicy.Update update = ((HazelcastConnection) connection).applyPolicy(destination, policy);
        String bean = endpointFactory.getActivationName();
        if (update.created()) {
            LOG.info(AdapterError.POLICY_CREATED.text(bean, destination, policy));
        } else if (!update.changes().isEmpty()) {
            LOG.warning(AdapterError.POLICY_CHANGED.text(bean, destination, String.join(", ", update.changes())));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Stops delivery, waits (bounded) for running deliveries, and returns unacknowledged messages. */
    public void stop() {
        handlers.forEach(MessageHandler::release);
        for (MessageHandler handler : handlers) {
            if (!handler.awaitFinished(30_000)) {
                LOG.warning(AdapterError.DELIVERY_NOT_FINISHED.text(endpointFactory.getActivationName()));
            }
        }
        handlers.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException e) {
                LOG.log(Level.FINE, AdapterError.ACTIVATION_CLOSE_FAILED.text(), e);
            }
        }
    }
}
