package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.config.BacklogPolicy;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.store.SendOutcome;
import io.hazeljms.store.StoredMessage;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.ResourceAllocationException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The NON_PERSISTENT sends of one non-transacted session that have no CompletionListener, stored in the
 * background (as Artemis does by default, {@code blockOnNonDurableSend=false}): {@code send} returns once the
 * message is handed over. Modelled on {@link AutoAcknowledger}: at most one store call is outstanding; messages
 * sent meanwhile wait here, and the call's completion starts the next one with the longest run of waiting
 * messages to one destination. Runs are taken in send order, so the store sees the session's messages in the
 * order they were sent, and a busy sender to one destination stores many messages per call.
 *
 * <p>The price is the one the spec allows this delivery mode (at most once, never twice): a
 * member failure, or a store that fails (cluster gone, temporary destination deleted, topic subscription still
 * full when the {@link BacklogPolicy} gives up), loses the message; the failure goes to the connection's
 * ExceptionListener as {@link ProviderError#NON_PERSISTENT_LOST}, naming what was lost. A batch refused by a full topic
 * subscription is stored one message at a time as synchronous sends would be ({@link #storeOneByOne}): under the
 * BLOCK policy that batch, and the sender once the bound is reached, wait for room instead of losing messages.
 *
 * <p>The session is used by one thread at a time, but {@link #flush} also comes from other threads (connection
 * close or stop) and completions arrive on Hazelcast's: every field is guarded by this object's monitor, and
 * store calls are made outside it.
 */
final class NonPersistentSends {

    /**
     * Bound on what waits behind the call in flight: 1,000 messages or 1 MiB of bodies, whichever comes first;
     * a send beyond it waits for the store. Why these: a store call costs about 25 µs whatever it carries, so a
     * sender that outpaces the store needs batches of tens to hundreds of messages to stop paying it per
     * message, and 1,000 leaves room for bursts; one enqueue of 1,000 small messages still keeps the partition
     * thread (shared with every other destination on it) well under a millisecond. 1 MiB caps what a session
     * holds when bodies are large or the cluster stalls: with the call in flight, about 2 MiB of bodies per
     * session at worst. One message larger than that still goes, alone.
     */
    static final int MAX_WAITING_MESSAGES = 1_000;
    static final long MAX_WAITING_BYTES = 1L << 20;
    /** Bound on waiting for the store (beyond any backlog wait); Hazelcast fails a call well before. */
    private static final long TIMEOUT_SECONDS = 120;
    /** How many lost message ids a report lists. */
    private static final int IDS_LISTED = 5;
    private static final String CODE = ProviderError.NON_PERSISTENT_LOST.id();

    private final HazelcastConnection connection;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private long waitingBytes;
    /** A run is being stored: whoever set it starts the next call; false only when nothing waits. */
    private boolean busy;
    /** Store calls completed: waiting gives up only when this stands still for too long. */
    private long progress;
    private final AtomicLong storeCalls = new AtomicLong();

    NonPersistentSends(HazelcastConnection connection) {
        this.connection = connection;
    }

    private record Pending(HazelcastDestination target, StoredMessage message, int bytes) {
    }

    private record Run(HazelcastDestination target, List<StoredMessage> messages) {
    }

    /** Hands a message over to be stored; waits (bounded, interruptibly) only while too much waits already. */
    void send(HazelcastDestination target, StoredMessage message) throws JMSException {
        int bytes = message.body() == null ? 0 : message.body().length;
        synchronized (this) {
            awaitRoom(bytes);
            waiting.addLast(new Pending(target, message, bytes));
            waitingBytes += bytes;
            if (busy) {
                return; // goes with a later call, started by the completion of the current one
            }
            busy = true;
        }
        storeWaiting();
    }

    private void awaitRoom(int bytes) throws JMSException {
        Deadline deadline = new Deadline();
        while (!waiting.isEmpty()
                && (waiting.size() >= MAX_WAITING_MESSAGES || waitingBytes + bytes > MAX_WAITING_BYTES)) {
            deadline.await("send");
        }
    }

    /** Waits (bounded) until every message handed over so far is stored, or reported lost. */
    synchronized void flush() throws JMSException {
        Deadline deadline = new Deadline();
        while (busy) {
            deadline.await("flush");
        }
    }

    /** Gives up after {@link #timeoutSeconds()} without progress: a long backlog that moves is waited for. */
    private final class Deadline {
        private long seen = progress;
        private long at = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds());

        /** Holding the monitor: waits for the next change, unless the store has not moved for too long. */
        void await(String what) throws JMSException {
            if (progress != seen) {
                seen = progress;
                at = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds());
            }
            long left = at - System.nanoTime();
            if (left <= 0) {
                throw new JMSException(
                        ProviderError.NON_PERSISTENT_STALLED.text(timeoutSeconds(), waiting.size(), what));
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(NonPersistentSends.this, left);
            } catch (InterruptedException e) {
                throw JmsExceptions.interrupted("NON_PERSISTENT " + what + " waiting for the store");
            }
        }
    }

    /** A full topic under the BLOCK policy may hold one message that long before it is stored. */
    private long timeoutSeconds() {
        return TIMEOUT_SECONDS + TimeUnit.MILLISECONDS.toSeconds(connection.backlogPolicy().blockMillis());
    }

    /**
     * Stores the waiting runs one call at a time; the caller set {@link #busy}. Returns when a call is outstanding
     * (its completion continues here, on whichever thread completes it: nothing below blocks) or nothing waits.
     */
    private void storeWaiting() {
        while (true) {
            Run run;
            synchronized (this) {
                run = takeRun();
                progress++;
                notifyAll(); // room for waiting senders; a flush re-checks
                if (run == null) {
                    busy = false;
                    return;
                }
            }
            CompletableFuture<Void> stored = store(run);
            if (!stored.isDone()) {
                stored.whenComplete((v, e) -> storeWaiting());
                return;
            }
        }
    }

    /** Holding the monitor: the waiting messages from the oldest up to the first one for another destination. */
    private Run takeRun() {
        Pending first = waiting.peekFirst();
        if (first == null) {
            return null;
        }
        List<StoredMessage> messages = new ArrayList<>();
        while (!waiting.isEmpty() && waiting.peekFirst().target().equals(first.target())) {
            Pending next = waiting.pollFirst();
            messages.add(next.message());
            waitingBytes -= next.bytes();
        }
        return new Run(first.target(), messages);
    }

    /**
     * One store call for a run; completes when its messages are stored or reported lost, never exceptionally,
     * on the thread that learnt it (Hazelcast completes the call on its default executor, not a partition thread).
     */
    private CompletableFuture<Void> store(Run run) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        try {
            storeCalls.incrementAndGet();
            connection.broker().messages().sendAsync(run.target().key(), run.messages(), !run.target().isTemporary())
                    .whenComplete((sent, failure) -> outcome(run, sent, failure)
                            .whenComplete((v, e) -> stored.complete(null)));
        } catch (RuntimeException e) {
            return outcome(run, null, e);
        }
        return stored;
    }

    private CompletableFuture<Void> outcome(Run run, SendOutcome sent, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            lost(run.target(), run.messages(), Loss.FAILED, "the store call failed: " + cause, cause);
        } else if (sent != null && sent.isRefused()) {
            return storeOneByOne(run);
        } else if (sent != null && sent.missing()) {
            lost(run.target(), run.messages(), Loss.DELETED, "the temporary destination was deleted", null);
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * The destination has no room (a full queue or topic subscription, or its member low on memory). A store is
     * refused as a whole, so a batch may not fit where single messages would: store the run one message at a time, as synchronous sends would have been, each handled
     * by the {@link BacklogPolicy} (BLOCK waits for room up to its time, FAIL refuses at once); the first one
     * refused is reported lost with the rest of the run. On a thread of its own, since that waits and
     * Hazelcast's threads must not. Later runs wait behind it, so per-destination order holds, and once the
     * bound is reached so does the sender: under BLOCK the publisher is slowed down, as the policy asks,
     * instead of losing messages.
     */
    private CompletableFuture<Void> storeOneByOne(Run run) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            List<StoredMessage> messages = run.messages();
            for (int i = 0; i < messages.size(); i++) {
                try {
                    storeCalls.incrementAndGet();
                    MessageStoring.store(connection.broker(), connection.backlogPolicy(), run.target(),
                            List.of(messages.get(i)));
                    synchronized (NonPersistentSends.this) {
                        progress++;
                    }
                } catch (InvalidDestinationException e) {
                    lost(run.target(), messages.subList(i, messages.size()), Loss.DELETED, e.getMessage(), null);
                    break;
                } catch (ResourceAllocationException e) {
                    lost(run.target(), messages.subList(i, messages.size()), Loss.FULL, e.getMessage(), null);
                    break;
                } catch (JMSException | RuntimeException e) {
                    lost(run.target(), messages.subList(i, messages.size()), Loss.FAILED, e.getMessage(), e);
                    break;
                }
            }
            done.complete(null);
        }, "hazeljms-backlog-wait");
        waiter.setDaemon(true);
        waiter.start();
        return done;
    }

    private enum Loss { DELETED, FULL, FAILED }

    /** Tells the connection's ExceptionListener which messages are lost, why and what to do. */
    private void lost(HazelcastDestination target, List<StoredMessage> messages, Loss loss, String why,
                      Throwable cause) {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < Math.min(IDS_LISTED, messages.size()); i++) {
            ids.append(i == 0 ? "" : ", ").append(messages.get(i).messageId());
        }
        if (messages.size() > IDS_LISTED) {
            ids.append(", …");
        }
        String text = ProviderError.NON_PERSISTENT_LOST.text(messages.size(), target, ids, why);
        JMSException report = switch (loss) {
            case DELETED -> new InvalidDestinationException(text, CODE);
            case FULL -> new ResourceAllocationException(text, CODE);
            case FAILED -> new JMSException(text, CODE);
        };
        if (cause != null) {
            report.setLinkedException(cause instanceof Exception e ? e : new RuntimeException(cause));
            report.initCause(cause);
        }
        connection.report(report);
    }

    /** Store calls made so far (a batch per call: fewer than sends when the sender outpaces the store). */
    long storeCalls() {
        return storeCalls.get();
    }
}
