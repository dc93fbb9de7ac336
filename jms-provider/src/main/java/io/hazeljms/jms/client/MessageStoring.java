package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.config.BacklogPolicy;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.store.Broker;
import io.hazeljms.store.DestinationKey;
import io.hazeljms.store.DestinationStats;
import io.hazeljms.store.Messages;
import io.hazeljms.store.Refusal;
import io.hazeljms.store.SendOutcome;
import io.hazeljms.store.StoredMessage;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.ResourceAllocationException;

import java.util.List;
import java.util.Map;

/**
 * Stores messages on a destination the way every send path needs it: a deleted temporary destination is an
 * {@link InvalidDestinationException}; a destination without room (its limits, or its member low on memory)
 * is handled by the {@link BacklogPolicy}: BLOCK asks again until there is room or its time is up, FAIL gives
 * up at once, and both end in a {@link ResourceAllocationException} that says what was full. A refused store
 * stored nothing, so the same messages can be retried.
 */
final class MessageStoring {

    /**
     * How long a blocked sender waits at most before it asks again. Claims and acknowledgements on a queue fire
     * no event (a topic's do, and wake it sooner), and a member's memory recovers without one.
     */
    static final long RETRY_MILLIS = 200;

    private MessageStoring() {
    }

    static void store(Broker broker, BacklogPolicy policy, HazelcastDestination destination,
                      List<StoredMessage> messages) throws JMSException {
        try {
            SendOutcome result = attempt(broker, destination, messages);
            if (result.isRefused()) {
                result = storeWhenRoom(broker, policy, destination, messages, result.refusal());
            }
            if (result.missing()) {
                throw deleted(destination);
            }
        } catch (InterruptedException e) {
            throw JmsExceptions.interrupted("send to " + destination);
        } catch (RuntimeException e) {
            throw JmsExceptions.wrap("send to " + destination, e);
        }
    }


    /** Returns once every destination has room for its part; else a ResourceAllocationException as the policy says. */
    static void awaitRoom(Broker broker, BacklogPolicy policy, Map<HazelcastDestination, List<StoredMessage>> parts)
            throws JMSException {
        long deadline = System.currentTimeMillis() + policy.blockMillis();
        try {
            for (Map.Entry<HazelcastDestination, List<StoredMessage>> part : parts.entrySet()) {
                HazelcastDestination destination = part.getKey();
                DestinationKey key = destination.key();
                List<StoredMessage> messages = part.getValue();
                long bytes = 0;
                for (StoredMessage m : messages) {
                    bytes += m.estimatedSize();
                }
                Refusal verdict = broker.messages().room(key, messages.size(), bytes);
                if (verdict == null) {
                    continue;
                }
                if (policy.mode() == BacklogPolicy.Mode.BLOCK) {
                    try (Messages.Watch watch = broker.messages().watch(key)) {
                        while (verdict != null && System.currentTimeMillis() < deadline) {
                            long seen = watch.version();
                            watch.awaitChange(seen, waitMillis(deadline));
                            verdict = broker.messages().room(key, messages.size(), bytes);
                        }
                    }
                }
                if (verdict != null) {
                    throw refused(broker, policy, destination, verdict);
                }
            }
        } catch (InterruptedException e) {
            throw JmsExceptions.interrupted("commit to " + parts.keySet());
        } catch (RuntimeException e) {
            throw JmsExceptions.wrap("commit to " + parts.keySet(), e);
        }
    }

    /** One store call; a refused one stored nothing, so the same messages can be retried. */
    private static SendOutcome attempt(Broker broker, HazelcastDestination destination, List<StoredMessage> messages) {
        return destination.isTemporary()
                ? broker.messages().sendToExisting(destination.key(), messages)
                : broker.messages().send(destination.key(), messages);
    }

    /** The destination has no room: wait for it as the policy allows, or fail without storing anything. */
    private static SendOutcome storeWhenRoom(Broker broker, BacklogPolicy policy,
                                             HazelcastDestination destination, List<StoredMessage> messages,
                                             Refusal refusal)
            throws JMSException, InterruptedException {
        long deadline = System.currentTimeMillis() + policy.blockMillis();
        Refusal last = refusal;
        if (policy.mode() == BacklogPolicy.Mode.BLOCK) {
            try (Messages.Watch watch = broker.messages().watch(destination.key())) {
                while (System.currentTimeMillis() < deadline) {
                    long seen = watch.version();
                    SendOutcome result = attempt(broker, destination, messages);
                    if (!result.isRefused()) {
                        return result;
                    }
                    last = result.refusal();
                    watch.awaitChange(seen, waitMillis(deadline));
                }
            }
        }
        throw refused(broker, policy, destination, last);
    }

    /** Up to the next retry, never past the deadline; at least 1 ms (0 would wait without bound). */
    private static long waitMillis(long deadline) {
        return Math.max(1, Math.min(RETRY_MILLIS, deadline - System.currentTimeMillis()));
    }

    private static InvalidDestinationException deleted(HazelcastDestination destination) {
        return new InvalidDestinationException(ProviderError.TEMPORARY_DELETED.text(destination.getName()));
    }

    /**
     * What was full, with its limit and what to do; {@code policy} null for a send that did not wait (an
     * asynchronous one).
     */
    static ResourceAllocationException refused(Broker broker, BacklogPolicy policy, HazelcastDestination destination,
                                               Refusal refusal) {
        String waited = policy != null && policy.mode() == BacklogPolicy.Mode.BLOCK
                ? " after waiting " + policy.blockMillis() + " ms (backlogPolicy BLOCK)" : "";
        if (refusal == Refusal.LOW_MEMORY) {
            return new ResourceAllocationException(ProviderError.MEMBER_LOW_ON_MEMORY.text(destination, waited),
                    ProviderError.MEMBER_LOW_ON_MEMORY.id());
        }
        DestinationStats stats = stats(broker, destination);
        String what = !destination.isQueue() ? "a subscription of " + destination : destination.toString();
        String limit;
        if (refusal == Refusal.FULL_BYTES) {
            limit = "its byte limit maxQueueBytes=" + (stats == null ? "?" : stats.maxBytes())
                    + (stats == null ? "" : " (it holds about " + stats.bytes() + " bytes)");
        } else {
            limit = "its message limit maxQueueMessages=" + (stats == null ? "?" : stats.maxMessages())
                    + (stats == null || what.startsWith("a subscription") ? ""
                    : " (it holds " + stats.depth() + " messages)");
        }
        String setting = refusal == Refusal.FULL_BYTES ? "maxQueueBytes" : "maxQueueMessages";
        return new ResourceAllocationException(ProviderError.DESTINATION_FULL.text(what, limit, waited, setting),
                ProviderError.DESTINATION_FULL.id());
    }

    private static DestinationStats stats(Broker broker, HazelcastDestination destination) {
        try {
            return broker.administration().stats(destination.key());
        } catch (RuntimeException e) {
            return null; // the message is still right without the figures
        }
    }
}
