package io.hazeljms.store;

import com.hazelcast.map.IMap;
import io.hazeljms.store.processor.ClaimProcessor;
import io.hazeljms.store.processor.EnqueueProcessor;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * The hot path on Hazelcast's public API, which works on members and clients alike: every call is an entry
 * processor on the destination's partition, and a waiting consumer waits for the destination's entry event.
 * A claim that drains a queue marks it awaited, so only then does the next enqueue fire an event.
 */
final class PublicApiHotPath implements HotPath {

    private final IMap<String, DestinationState> destinations;
    private final StoreCalls calls;
    private final DestinationSettings defaults;
    /** Claims made by receivers ({@link #claim}): what waking fewer of them saves shows here (tests, figures). */
    private final LongAdder waitingClaims = new LongAdder();

    PublicApiHotPath(IMap<String, DestinationState> destinations, StoreCalls calls, DestinationSettings defaults) {
        this.destinations = destinations;
        this.calls = calls;
        this.defaults = defaults;
    }

    @Override
    public int enqueue(String key, List<StoredMessage> messages, DestinationSettings createWith) {
        EnqueueProcessor processor = new EnqueueProcessor(messages, createWith);
        return calls.call(processor, key, () -> destinations.submitToKey(key, processor));
    }

    @Override
    public CompletionStage<Integer> enqueueAsync(String key, List<StoredMessage> messages,
                                                 DestinationSettings createWith) {
        EnqueueProcessor processor = new EnqueueProcessor(messages, createWith);
        return calls.callAsync(processor, key, () -> destinations.submitToKey(key, processor));
    }

    @Override
    public ClaimResult claim(Waiter waiter, String selector, LeaseOwner owner, int max, List<String> acks,
                             long waitMillis) throws InterruptedException {
        // a selector's waiters wake only for what it matches; a claim that will not wait joins nothing (on the
        // member path it is a one-off: its queue did not exist yet)
        ChangeCounter wakes = waitMillis > 0 ? waiter.wakesFor(selector) : waiter.signal;
        long seen = wakes.version();
        if (waitMillis > 0 && acks.isEmpty() && waiter.drainedAt == seen) {
            // our last claim left nothing and marked the queue awaited: the next enqueue's event will say so, so
            // wait for it instead of asking. A claim without wait always asks: a send that has returned may not
            // have reached us as an event yet, but its message is in the store.
            wakes.awaitChange(seen, waitMillis);
            waiter.drainedAt = -1; // woken, or waited long enough: ask the store next, whatever the events said
            return ClaimResult.none();
        }
        waitingClaims.increment();
        ClaimResult result = claimOnce(waiter.address(), waiter.id(), selector, owner, max, acks, waitMillis > 0);
        waiter.drainedAt = result.drained() && waitMillis > 0 ? seen : -1;
        if (!result.messages().isEmpty() || waitMillis <= 0) {
            return result;
        }
        long now = System.currentTimeMillis();
        long wakeAt = now + waitMillis;
        if (result.nextAvailableAt() > 0) {
            wakeAt = Math.min(wakeAt, result.nextAvailableAt()); // a delayed message falls due first
        }
        wakes.awaitChange(seen, Math.max(1, wakeAt - now));
        return result;
    }

    /**
     * One claim, without waiting.
     *
     * @param consumerId the consumer claiming (message groups bind to it); empty: none
     * @param awaitIfEmpty the caller will wait for an event if nothing is claimed: the next enqueue fires one
     */
    ClaimResult claimOnce(Address from, String consumerId, String selector, LeaseOwner owner, int max,
                          List<String> acks, boolean awaitIfEmpty) {
        ClaimProcessor processor = new ClaimProcessor(from.subscription(), selector, owner, defaults, max, acks,
                awaitIfEmpty).consumer(consumerId);
        long claimId = HotPath.newClaimId();
        int[] attempts = {0};
        return calls.call(processor, from.key(), () -> destinations.submitToKey(from.key(),
                processor.claimId(claimId, attempts[0]++ > 0)));
    }

    long waitingClaims() {
        return waitingClaims.sum();
    }

    @Override
    public void cancelWait(Waiter waiter) {
        // the watch fires the waiter's signal, which ends an event wait
    }

    @Override
    public void forget(String key) {
        // nothing remembered per destination
    }
}
