package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.store.SendOutcome;
import io.hazeljms.store.StoredMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A session's asynchronous sends: each is stored in the background and its CompletionListener called on the
 * session's own callback thread, in the order of the sends (spec 7.3.7), never on a Hazelcast thread.
 */
final class AsyncSends {

    private final HazelcastSession session;
    private final ExecutorService callbacks;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    AsyncSends(HazelcastSession session) {
        this.session = session;
        this.callbacks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hazeljms-completion");
            t.setDaemon(true);
            return t;
        });
    }

    synchronized void send(HazelcastDestination target, StoredMessage stored, Message message,
                           CompletionListener listener) {
        CompletionStage<SendOutcome> storing;
        try {
            storing = session.connection().broker()
                    .messages().sendAsync(target.key(), List.of(stored), !target.isTemporary());
        } catch (RuntimeException e) {
            storing = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<SendOutcome> stored1 = storing.toCompletableFuture();
        tail = tail.thenCompose(v -> stored1.handle((added, failure) -> new Outcome(added, failure)))
                .thenAcceptAsync(outcome -> callback(target, message, listener, outcome), callbacks);
    }

    /** For transacted sessions: the send is complete once buffered. */
    synchronized void completed(Message message, CompletionListener listener) {
        tail = tail.thenRunAsync(() -> callback(null, message, listener, new Outcome(null, null)), callbacks);
    }

    private record Outcome(SendOutcome stored, Throwable failure) {
    }

    private void callback(HazelcastDestination target, Message message, CompletionListener listener,
                          Outcome outcome) {
        CompletionThreads.enter(session);
        try {
            if (outcome.failure() != null) {
                JMSException e = new JMSException(ProviderError.ASYNC_SEND_FAILED.text(outcome.failure()));
                e.initCause(outcome.failure());
                listener.onException(message, e);
            } else if (outcome.stored() != null && outcome.stored().isRefused()) {
                // an asynchronous send never blocks its producer: the refusal goes to the listener at once
                listener.onException(message, MessageStoring.refused(session.connection().broker(), null, target,
                        outcome.stored().refusal()));
            } else if (outcome.stored() != null && outcome.stored().missing()) {
                listener.onException(message, new InvalidDestinationException(
                        ProviderError.TEMPORARY_DELETED.text(target.getName())));
            } else {
                listener.onCompletion(message);
            }
        } catch (RuntimeException e) {
            // a failing listener must not stop the callbacks of later sends
        } finally {
            CompletionThreads.exit();
        }
    }

    /** Waits until every send so far has completed and its listener has been called. */
    void awaitAll() {
        CompletableFuture<Void> current;
        synchronized (this) {
            current = tail;
        }
        if (!CompletionThreads.isCompletingFor(session)) {
            current.join();
        }
    }

    void shutdown() {
        callbacks.shutdown();
    }
}
