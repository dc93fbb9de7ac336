package io.hazeljms.store;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The calls every message makes, behind one seam: store it, claim it (waiting when there is none), end a wait.
 * Two implementations, chosen once per {@link Broker} ({@link HotPaths}): entry processors and entry events
 * only (public API, {@link PublicApiHotPath}), and the store's own partition operations on a member
 * ({@code io.hazeljms.store.hazelcastinternal}). The owner's side of the seam, "a message became deliverable",
 * is {@link DeliverableNotifier}. Results follow the entry processors' conventions on both.
 */
public interface HotPath {

    /**
     * Stores messages; returns how many were added, -1 when the destination is missing and {@code createWith}
     * is null, or why they were refused ({@link DestinationState#isRefused}).
     *
     * @param createWith the settings to create a missing destination with; null: it must exist
     */
    int enqueue(String key, List<StoredMessage> messages, DestinationSettings createWith);

    /** As {@link #enqueue}, completing when stored. */
    CompletionStage<Integer> enqueueAsync(String key, List<StoredMessage> messages, DestinationSettings createWith);

    /**
     * Acknowledges {@code acks}, then claims up to {@code max} messages for {@code waiter}'s destination; when
     * there is none, waits up to {@code waitMillis} (0: not at all) for one. An empty result means the wait
     * ended (a message may have come, the waiter was woken, or time ran out): the caller asks again or gives up.
     * The result's {@link ClaimResult#moves} are for the caller to move.
     */
    ClaimResult claim(Waiter waiter, String selector, LeaseOwner owner, int max, List<String> acks, long waitMillis)
            throws InterruptedException;

    /** Ends {@code waiter}'s wait now, if it waits (its consumer stops); its claim then answers empty. */
    void cancelWait(Waiter waiter);

    /** The destination was deleted: drop what this node remembers of it. */
    void forget(String key);

    /** Names one claim call across its attempts, so a retry returns what the first took; never 0 (unnamed). */
    static long newClaimId() {
        return ThreadLocalRandom.current().nextLong() | 1;
    }
}
