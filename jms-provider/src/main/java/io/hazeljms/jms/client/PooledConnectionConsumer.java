package io.hazeljms.jms.client;

import io.hazeljms.jms.destination.HazelcastDestination;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.ServerSessionPool;

/** Placeholder. */
final class PooledConnectionConsumer implements ConnectionConsumer {
    PooledConnectionConsumer(HazelcastConnection c, HazelcastDestination d, Subscriptions.Subscription s,
                             String selector, ServerSessionPool pool, int max) throws JMSException {
        throw new JMSException("HJMS-ASF-000 connection consumers are not implemented yet");
    }

    @Override
    public ServerSessionPool getServerSessionPool() {
        return null;
    }

    @Override
    public void close() {
    }
}
