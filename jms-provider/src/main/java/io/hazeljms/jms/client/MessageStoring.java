package io.hazeljms.jms.client;

import io.hazeljms.jms.config.BacklogPolicy;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.store.Broker;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoredMessage;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.ResourceAllocationException;

import java.util.List;

/**
 * Stores messages on a destination the way every send path needs it: a deleted temporary destination is an
 * {@link InvalidDestinationException}, a full topic subscription is handled by the {@link BacklogPolicy}.
 */
final class MessageStoring {

    private MessageStoring() {
    }

    static void store(Broker broker, BacklogPolicy policy, HazelcastDestination destination,
                      List<StoredMessage> messages) throws JMSException {
        try {
            int result = attempt(broker, destination, messages);
            if (result == DestinationState.BACKLOG_FULL) {
                result = storeWhenRoom(broker, policy, destination, messages);
            }
            if (result < 0) {
                throw new InvalidDestinationException("HJMS-SESSION-004 temporary destination "
                        + destination.getName() + " was deleted");
            }
        } catch (InterruptedException e) {
            throw JmsExceptions.interrupted("send to " + destination);
        } catch (RuntimeException e) {
            throw JmsExceptions.wrap("send to " + destination, e);
        }
    }

    /** One store call; a publish refused as full stored nothing, so the same messages can be retried. */
    private static int attempt(Broker broker, HazelcastDestination destination, List<StoredMessage> messages) {
        return destination.isTemporary()
                ? broker.sendToExisting(destination.encode(), messages)
                : broker.send(destination.encode(), messages);
    }

    /** A topic subscription is full: wait for room as the policy allows, or fail without publishing. */
    private static int storeWhenRoom(Broker broker, BacklogPolicy policy, HazelcastDestination destination,
                                     List<StoredMessage> messages) throws JMSException, InterruptedException {
        long deadline = System.currentTimeMillis() + policy.blockMillis();
        if (policy.mode() == BacklogPolicy.Mode.BLOCK) {
            try (Broker.Watch watch = broker.watch(destination.encode())) {
                while (System.currentTimeMillis() < deadline) {
                    long seen = watch.version();
                    int result = attempt(broker, destination, messages);
                    if (result != DestinationState.BACKLOG_FULL) {
                        return result;
                    }
                    watch.awaitChange(seen, Math.max(1, deadline - System.currentTimeMillis()));
                }
            }
        }
        throw new ResourceAllocationException("HJMS-SESSION-012 a subscription of " + destination
                + " holds its maximum backlog (maxBacklog); nothing was published"
                + (policy.mode() == BacklogPolicy.Mode.BLOCK ? " after waiting " + policy.blockMillis() + " ms" : "")
                + ": speed up or add consumers, or raise maxBacklog");
    }
}
