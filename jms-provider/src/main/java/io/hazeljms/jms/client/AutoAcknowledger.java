package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.store.Address;
import io.hazeljms.store.Broker;
import io.hazeljms.store.LeaseOwner;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The acknowledgements of one session on one queue or subscription in AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE
 * mode, sent without making the consumer wait (as Artemis does by default). They ride on the consumer's next
 * claim, or go in a call of their own when no claim came for a moment; at most one such call is outstanding,
 * messages consumed meanwhile go with the next. So a busy consumer needs no store call for acknowledging at all,
 * and an idle one acknowledges within {@link #LINGER_MILLIS}.
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
    /**
     * How long a consumed message waits for a claim to carry its acknowledgement: long against the gap between
     * two receives of a busy consumer, short against anything a person or a test would notice.
     */
    static final long LINGER_MILLIS = 20;
    /**
     * Runs {@link #lingerEnded} on the JDK's delay-scheduler thread itself: it only hands ids to an asynchronous
     * call. (Without an executor, CompletableFuture starts a new thread per task on a machine of two cores or less.)
     */
    private static final Executor LINGER =
            CompletableFuture.delayedExecutor(LINGER_MILLIS, TimeUnit.MILLISECONDS, Runnable::run);

    private List<String> waiting = new ArrayList<>();
    private boolean lingering;
    private CompletableFuture<Integer> inFlight = CompletableFuture.completedFuture(0);

    AutoAcknowledger(Broker broker, Address address, LeaseOwner owner) {
        this.broker = broker;
        this.address = address;
        this.owner = owner;
    }

    /**
     * The application has consumed this message. It waits a moment for the consumer's next claim to carry it
     * (a receive loop claims again at once, and a parked claim acknowledges as it parks), and is sent on its
     * own only if no claim came within {@link #LINGER_MILLIS}.
     */
    synchronized void consumed(String messageId) {
        waiting.add(messageId);
        if (!lingering) {
            lingering = true;
            CompletableFuture.runAsync(this::lingerEnded, LINGER);
        }
    }

    private synchronized void lingerEnded() {
        lingering = false;
        if (waiting.isEmpty()) {
            return;
        }
        if (inFlight.isDone()) {
            sendWaiting();
        } else {
            lingering = true; // one call at a time: look again after another moment
            CompletableFuture.runAsync(this::lingerEnded, LINGER);
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
        inFlight = broker.messages().acknowledgeAsync(address, ids, owner).toCompletableFuture();
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
                    ProviderError.ACKNOWLEDGE_UNCONFIRMED.text(FLUSH_TIMEOUT_SECONDS)));
        }
    }
}
