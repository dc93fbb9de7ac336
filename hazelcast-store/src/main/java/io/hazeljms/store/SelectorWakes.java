package io.hazeljms.store;

import com.hazelcast.map.IMap;
import io.hazeljms.store.processor.MatchingSelectorsProcessor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The consumers of one queue on this node that wait with a selector, on the public-API path: each selector
 * waits on a change counter of its own, so a change of the queue wakes only the selectors a claim would find
 * something for. An entry event does not wake them: it asks the queue's owner once
 * ({@link MatchingSelectorsProcessor}, with every distinct selector waiting here) and wakes the selectors it
 * answers for. One question is in flight per queue and node; events that arrive meanwhile ask once more after
 * it. A question that fails or takes longer than {@link #ASK_TIMEOUT_MILLIS} wakes them all, as does every
 * other reason to wake ({@link #fireAll}): a wake too many costs a claim, one too few a hang.
 *
 * <p>Why no wake is lost (DESIGN.md, "Selector consumers on the public-API path"): a consumer reads its
 * selector's version, claims, and waits for the version to move. Its claim (finding nothing) left the queue
 * awaited, so the first enqueue after it fires an event; that event's question runs on the partition after that
 * enqueue, and either sees the message the consumer waits for (and wakes it) or finds nothing for it and marks
 * the queue awaited again, so the next enqueue fires another event and another question.
 */
final class SelectorWakes {

    private static final Logger LOG = Logger.getLogger(SelectorWakes.class.getName());
    /** Longest a question may take before every selector is woken instead (the claims then find out). */
    static final long ASK_TIMEOUT_MILLIS = 5_000;

    /**
     * Starts the next question: never on the thread that completed the call (a partition or response thread, where
     * no call should start), nor in the common pool (where durable-store work may block). One thread at most,
     * gone when idle.
     */
    private static final Executor ANSWERS = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "hazeljms-selector-wakes");
                t.setDaemon(true);
                return t;
            });

    private final String key;
    private final IMap<String, DestinationState> destinations;
    /** Selector to its counter and how many waiters of this node use it; guarded by this. */
    private final Map<String, Counter> bySelector = new HashMap<>();
    private boolean asking;
    private boolean askAgain;
    /** Selectors woken by answers (or by a failed question), counted over the node's queues: for tests. */
    private final LongAdder wakes;

    /** Whether this node owns a key's partition now. */
    private final Predicate<String> ownedHere;

    SelectorWakes(String key, IMap<String, DestinationState> destinations, LongAdder wakes,
                  Predicate<String> ownedHere) {
        this.key = key;
        this.destinations = destinations;
        this.wakes = wakes;
        this.ownedHere = ownedHere;
    }

    /** A waiter of this node waits with {@code selector} (non-empty); pair with {@link #leave}. */
    synchronized ChangeCounter join(String selector) {
        Counter c = bySelector.computeIfAbsent(selector, s -> new Counter());
        c.waiters++;
        return c;
    }

    synchronized void leave(String selector) {
        Counter c = bySelector.get(selector);
        if (c != null && --c.waiters == 0) {
            bySelector.remove(selector);
        }
    }

    /** Wakes every selector's waiters (cancellation, the cluster changed, a question failed). */
    void fireAll() {
        List<Counter> all;
        synchronized (this) {
            all = new ArrayList<>(bySelector.values());
        }
        all.forEach(ChangeCounter::fire);
    }

    /**
     * The queue changed (an entry event, on a Hazelcast event thread): ask which selectors to wake. On the member
     * that owns the queue, wake them all instead: there a claim is a local call, cheaper than the question's
     * extra step before the consumer wakes (measured: DESIGN.md).
     */
    void changed() {
        if (ownedHere.test(key)) {
            fireAll(); // waking all is always safe; a claim that finds nothing marks the queue awaited again
            return;
        }
        synchronized (this) {
            if (bySelector.isEmpty()) {
                return;
            }
            if (asking) {
                askAgain = true;
                return;
            }
            asking = true;
        }
        ask();
    }

    private void ask() {
        List<String> selectors;
        synchronized (this) {
            selectors = new ArrayList<>(bySelector.keySet());
        }
        if (selectors.isEmpty()) {
            answered();
            return;
        }
        CompletableFuture<boolean[]> answer = new CompletableFuture<>();
        // waking is a counter's signal, cheap on whatever thread completes the call; the next question is not
        answer.orTimeout(ASK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).whenComplete((wake, failure) -> {
            if (failure != null || wake == null || wake.length != selectors.size()) {
                LOG.fine(() -> "waking every selector consumer of " + key + ": " + failure);
                wakes.add(selectors.size());
                fireAll();
            } else {
                for (int i = 0; i < wake.length; i++) {
                    if (wake[i]) {
                        wakes.increment();
                        fire(selectors.get(i));
                    }
                }
            }
            ANSWERS.execute(this::answered);
        });
        try {
            destinations.submitToKey(key, new MatchingSelectorsProcessor(selectors))
                    .whenComplete((wake, failure) -> {
                        if (failure != null) {
                            answer.completeExceptionally(failure);
                        } else {
                            answer.complete(wake);
                        }
                    });
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }

    /** The question in flight is answered: ask once more if the queue changed meanwhile. */
    private void answered() {
        synchronized (this) {
            if (!askAgain) {
                asking = false;
                return;
            }
            askAgain = false;
        }
        ask();
    }

    private void fire(String selector) {
        Counter c;
        synchronized (this) {
            c = bySelector.get(selector);
        }
        if (c != null) {
            c.fire();
        }
    }

    /** The wake counter of one selector's waiters. */
    private static final class Counter extends ChangeCounter {
        private int waiters;
    }
}
