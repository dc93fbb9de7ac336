package io.hazeljms.ra.inbound;

import io.hazeljms.jms.client.HazelcastXASession;
import io.hazeljms.ra.AdapterError;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One session of an activation, run as container work: receive (blocking on store events), then deliver to the
 * bean. Transacted delivery: the message is received first, then the container's transaction starts on the
 * session's XA resource in {@code beforeDelivery}, so the receive belongs to it — the message is consumed iff
 * the transaction commits. Otherwise a local transaction: acknowledged when onMessage returns, redelivered
 * when it throws.
 */
final class MessageHandler implements Work {

    private static final Logger LOG = Logger.getLogger(MessageHandler.class.getName());

    private final MessageEndpointFactory endpointFactory;
    private final HazelcastXASession session;
    private final MessageConsumer consumer;
    private final boolean transacted;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean released;

    MessageHandler(MessageEndpointFactory endpointFactory, HazelcastXASession session, MessageConsumer consumer,
                   boolean transacted) {
        this.endpointFactory = endpointFactory;
        this.session = session;
        this.consumer = consumer;
        this.transacted = transacted;
    }

    @Override
    public void run() {
        MessageEndpoint endpoint = null;
        try {
            endpoint = endpointFactory.createEndpoint(transacted ? session.getXAResource() : null);
            while (!released) {
                Message message = consumer.receive(); // woken by a message, or by close() in release()
                if (message == null) {
                    continue;
                }
                deliver(endpoint, message);
            }
        } catch (UnavailableException e) {
            LOG.log(Level.WARNING, AdapterError.ENDPOINT_UNAVAILABLE.text(), e);
        } catch (JMSException | RuntimeException e) {
            if (!released) {
                LOG.log(Level.WARNING, AdapterError.DELIVERY_STOPPED.text(), e);
            }
        } finally {
            if (endpoint != null) {
                endpoint.release();
            }
            finished.countDown();
        }
    }

    private void deliver(MessageEndpoint endpoint, Message message) throws JMSException {
        if (transacted) {
            try {
                endpoint.beforeDelivery(HazelJmsActivation.ON_MESSAGE);
                try {
                    ((MessageListener) endpoint).onMessage(message);
                } finally {
                    endpoint.afterDelivery(); // the container commits, or rolls back (redelivery)
                }
            } catch (ResourceException | RuntimeException e) {
                LOG.log(Level.FINE, AdapterError.DELIVERY_ROLLED_BACK.text(), e);
                rollbackLeftovers();
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        try {
            ((MessageListener) endpoint).onMessage(message);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, AdapterError.ON_MESSAGE_FAILED.text(), e);
            session.rollbackLocal();
            return;
        }
        try {
            session.commitLocal();
        } catch (JMSException e) {
            // rolled back (or in doubt): the message comes again; one failed commit must not stop delivery
            LOG.log(Level.WARNING, AdapterError.DELIVERY_COMMIT_FAILED.text(e.getMessage()), e);
        }
    }

    /** If the container never enlisted the session (it failed before), the receive is still the session's. */
    private void rollbackLeftovers() throws JMSException {
        if (!session.xaResource().isInTransaction()) {
            session.rollbackLocal();
        }
    }

    @Override
    public void release() {
        released = true;
        try {
            consumer.close();
        } catch (JMSException e) {
            // the connection is closed right after
        }
    }

    boolean awaitFinished(long millis) {
        try {
            return finished.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
