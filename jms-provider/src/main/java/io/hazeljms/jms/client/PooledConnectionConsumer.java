package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.store.StoredMessage;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.ServerSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;



/**
 * The application-server facility (spec 8.2): takes a server session from the pool, claims up to
 * {@code maxMessages} messages for that session (its lease), loads them and starts the server session, which
 * runs {@link HazelcastSession#run()} to deliver them to the session's listener.
 */
final class PooledConnectionConsumer implements ConnectionConsumer {

    private final HazelcastConnection connection;
    private final ServerSessionPool pool;
    private final int maxMessages;
    /** Receives on the dispatcher's behalf; messages are claimed under each server session's own lease. */
    private final HazelcastSession dispatchSession;
    private final HazelcastMessageConsumer consumer;
    private final Thread dispatcher;
    private volatile boolean closed;

    PooledConnectionConsumer(HazelcastConnection connection, HazelcastDestination destination,
                             Subscriptions.Subscription subscription, String selector, ServerSessionPool pool,
                             int maxMessages) throws JMSException {
        if (pool == null) {
            throw new JMSException(ProviderError.SERVER_SESSION_POOL_NULL.text());
        }
        if (maxMessages < 1) {
            throw new JMSException(ProviderError.MAX_MESSAGES_TOO_LOW.text(maxMessages));
        }
        this.connection = connection;
        this.pool = pool;
        this.maxMessages = maxMessages;
        this.dispatchSession = (HazelcastSession) connection.createSession(Session.AUTO_ACKNOWLEDGE);
        this.consumer = new HazelcastMessageConsumer(dispatchSession, destination, selector, false,
                subscription != null ? subscription : destination.isQueue() ? null : Subscriptions.nonDurable());
        this.dispatcher = new Thread(this::dispatch, "hazeljms-connection-consumer-" + destination.getName());
        this.dispatcher.setDaemon(true);
        this.dispatcher.start();
    }

    private void dispatch() {
        while (!closed && !connection.isClosed()) {
            try {
                if (!connection.awaitStarted(Long.MAX_VALUE)) {
                    return;
                }
                ServerSession serverSession = pool.getServerSession();
                if (!(serverSession.getSession() instanceof HazelcastSession target)) {
                    throw new IllegalStateException(ProviderError.FOREIGN_SERVER_SESSION.text());
                }
                int loaded = 0;
                long timeout = 0; // wait for the first message, take what is already there for the rest
                while (loaded < maxMessages && !closed) {
                    StoredMessage stored = connection.broker().messages().receive(consumer.watch(),
                            consumer.claimSelector(), target.owner(), timeout, () -> closed || !connection.isStarted());
                    if (stored == null) {
                        break;
                    }
                    target.load(consumer, stored);
                    loaded++;
                    timeout = -1;
                }
                if (loaded > 0) {
                    serverSession.start();
                }
            } catch (InterruptedException e) {
                return;
            } catch (JMSException | RuntimeException e) {
                if (closed || connection.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public ServerSessionPool getServerSessionPool() throws JMSException {
        if (closed) {
            throw JmsExceptions.closed("connection consumer");
        }
        return pool;
    }

    @Override
    public void close() throws JMSException {
        closed = true;
        consumer.wakeUp();
        consumer.close();
        dispatchSession.close();
    }

}
