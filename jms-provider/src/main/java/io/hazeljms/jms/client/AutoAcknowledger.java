package io.hazeljms.jms.client;

import io.hazeljms.store.Address;
import io.hazeljms.store.Broker;
import io.hazeljms.store.LeaseOwner;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The acknowledgements of one session on one queue or subscription in AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE
 * mode, sent without making the consumer wait (as Artemis does by default). At most one acknowledgement call
 * is outstanding: messages consumed meanwhile go with the next call, or ride on the consumer's next claim. So
 * a busy consumer acknowledges many messages per store call, an idle one each message at once.
 *
 * <p>The price is the one the spec allows these modes (Jakarta Messaging 3.1, 6.2.10): if the member holding
 * the session fails before an acknowledgement reached the store, its message is delivered again, with
 * {@code JMSRedelivered} set. No message is lost.
 */
final class AutoAcknowledger {

    /** Bound on waiting for outstanding acknowledgements at close; Hazelcast fails calls well before. */
    private static final long FLUSH_TIMEOUT_SECONDS = 120;

    private final Broker broker;
    private final Address address;
    private final LeaseOwner owner;
    private List<String> waiting = new ArrayList<>();
    private CompletableFuture<Integer> inFlight = CompletableFuture.completedFuture(0);

    AutoAcknowledger(Broker broker, Address address, LeaseOwner owner) {
        this.broker = broker;
        this.address = address;
        this.owner = owner;
    }

    /** The application has consumed this message: acknowledge it now, or with the next call. */
    synchronized void consumed(String messageId) {
        waiting.add(messageId);
        if (inFlight.isDone()) {
            sendWaiting();
        }
    }

    /** Hands the consumed, unsent messages to a claim, which acknowledges them in the same store call. */
    synchronized List<String> takeWaiting() {
        if (waiting.isEmpty()) {
            return List.of();
        }
        List<String> ids = waiting;
        waiting = new ArrayList<>();
        return ids;
    }

    /** Sends what waits and waits (bounded) until the store has every acknowledgement: at close and recover. */
    void flush() throws JMSException {
        CompletableFuture<Integer> previous;
        CompletableFuture<Integer> last;
        synchronized (this) {
            previous = inFlight;
            if (!waiting.isEmpty()) {
                sendWaiting();
            }
            last = inFlight;
        }
        await(previous);
        await(last);
    }

    private void sendWaiting() {
        List<String> ids = waiting;
        waiting = new ArrayList<>();
        inFlight = broker.acknowledgeAsync(address, ids, owner).toCompletableFuture();
    }

    private static void await(CompletableFuture<Integer> call) throws JMSException {
        try {
            call.get(FLUSH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JmsExceptions.interrupted("acknowledge");
        } catch (ExecutionException e) {
            throw JmsExceptions.wrap("acknowledge", e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException(e.getCause()));
        } catch (TimeoutException e) {
            throw JmsExceptions.wrap("acknowledge", new IllegalStateException(
                    "HJMS-ACK-001 the cluster did not confirm an acknowledgement within " + FLUSH_TIMEOUT_SECONDS + " s"));
        }
    }
}
