package io.hazeljms.store;

import com.hazelcast.map.IMap;
import io.hazeljms.store.durable.MessageRow;
import io.hazeljms.store.processor.AckProcessor;
import io.hazeljms.store.processor.ReleaseOwnerProcessor;
import io.hazeljms.store.processor.ReleaseProcessor;
import io.hazeljms.store.processor.RoomProcessor;
import io.hazeljms.store.processor.UnbindGroupsProcessor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The message part of the store ({@link Broker#messages()}): send, claim, receive (waiting), acknowledge and
 * release the messages of queues and subscriptions. Send and receive go through the {@link HotPath} chosen
 * when the broker was built; the rest are entry processors on the destination's partition.
 */
public final class Messages {

    private static final Logger LOG = Logger.getLogger(Messages.class.getName());
    /**
     * Longest a consumer waits for an event before it asks the store again: events of an owner that was lost
     * may never come, so no wait may depend on them alone.
     */
    static final long RECHECK_MILLIS = 1_000;

    private final Broker broker;
    private final IMap<String, DestinationState> destinations;
    private final DestinationSignals signals;
    private final PublicApiHotPath publicApi;
    private final HotPath hotPath;
    private final StoreCalls calls;
    private final DestinationSettings defaults;
    private final Durability durability;
    private final MoveLog moveLog = new MoveLog();

    Messages(Broker broker, IMap<String, DestinationState> destinations, DestinationSignals signals,
             PublicApiHotPath publicApi, HotPath hotPath, StoreCalls calls) {
        this.broker = broker;
        this.destinations = destinations;
        this.signals = signals;
        this.publicApi = publicApi;
        this.hotPath = hotPath;
        this.calls = calls;
        this.defaults = broker.defaults();
        this.durability = broker.durability();
    }

    // --- send ------------------------------------------------------------------------------------------------

    /**
     * Stores messages on a destination, creating it on first use; returns once they are on the primary and
     * its synchronous backups. A destination without room for them all stores none and answers why
     * ({@link SendOutcome#refusal}: its limits, or its member low on memory).
     */
    public SendOutcome send(DestinationKey destination, List<StoredMessage> messages) {
        return durably(destination, messages, defaults);
    }

    /**
     * With a durable store, PERSISTENT messages are written to it first and deleted again if the destination
     * refuses them; a send whose outcome is in doubt keeps its rows, as it may have been stored.
     */
    private SendOutcome durably(DestinationKey destination, List<StoredMessage> messages,
                                DestinationSettings createWith) {
        List<MessageRow> rows = durability.rowsFor(destination, messages);
        durability.store(rows);
        SendOutcome outcome = SendOutcome.ofCode(hotPath.enqueue(destination.encode(), messages, createWith));
        if (outcome.isRefused() || outcome.missing()) {
            durability.unstore(destination.encode(), rows);
        } else if (!rows.isEmpty()) {
            durability.forgetDuplicates(destination.encode(), messages, true);
        }
        return outcome;
    }

    /**
     * As {@link #send(String, List)} to a destination that must exist (a temporary one).
     *
     * @return {@link SendOutcome#missing} if it does not exist
     */
    public SendOutcome sendToExisting(DestinationKey destination, List<StoredMessage> messages) {
        return durably(destination, messages, null);
    }

    /**
     * Whether {@code messages} messages of {@code bytes} bytes in all ({@link StoredMessage#estimatedSize}) would
     * fit in a destination now, changing nothing: null if so, else why not.
     */
    public Refusal room(DestinationKey destination, int messages, long bytes) {
        int verdict = broker.onKey(destination.encode(), new RoomProcessor(messages, bytes));
        return Refusal.ofCode(verdict);
    }

    public SendOutcome send(DestinationKey destination, StoredMessage message) {
        return send(destination, List.of(message));
    }

    /** As {@link #send(String, List)}, completing when stored (missing if a required destination is). */
    public CompletionStage<SendOutcome> sendAsync(DestinationKey destination, List<StoredMessage> messages,
                                                  boolean createIfMissing) {
        List<MessageRow> rows;
        try {
            rows = durability.rowsFor(destination, messages);
            durability.store(rows); // before the store call, so the session's sends keep their order
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return hotPath.enqueueAsync(destination.encode(), messages, createIfMissing ? defaults : null)
                .thenCompose(code -> {
                    SendOutcome outcome = SendOutcome.ofCode(code);
                    if (!rows.isEmpty() && (outcome.isRefused() || outcome.missing())) {
                        // asks the destination which ids it remembers (a store call: not on a Hazelcast thread) and
                        // queues the deletes before the sender hears of the refusal; they are not waited for
                        return CompletableFuture.runAsync(() -> durability.forgetRefused(destination.encode(), rows))
                                .thenApply(queued -> outcome);
                    } else if (!rows.isEmpty()) { // a store call of its own: not on a Hazelcast thread
                        CompletableFuture.runAsync(
                                () -> durability.forgetDuplicates(destination.encode(), messages, false));
                    }
                    return CompletableFuture.completedFuture(outcome);
                });
    }

    // --- receive ---------------------------------------------------------------------------------------------

    /** Claims the best eligible message now, or returns a result without one. Moves dead and expired messages. */
    public ClaimResult claim(Address from, String selector, LeaseOwner owner) {
        return claim(from, selector, owner, 1, List.of());
    }

    /**
     * Claims up to {@code max} messages in one call, after acknowledging {@code acks} (messages this owner
     * consumed and has not acknowledged yet) in the same call.
     */
    public ClaimResult claim(Address from, String selector, LeaseOwner owner, int max, List<String> acks) {
        return claim(from, selector, owner, max, acks, false);
    }

    /** @param awaitIfEmpty the caller will wait for an event if nothing is claimed: the next enqueue fires one */
    ClaimResult claim(Address from, String selector, LeaseOwner owner, int max, List<String> acks,
                      boolean awaitIfEmpty) {
        ClaimResult result = publicApi.claimOnce(from, "", selector, owner, max, acks, awaitIfEmpty);
        durability.acknowledged(from, acks);
        durability.claimed(from, result.messages());
        move(from, result.moves(), owner);
        return result;
    }

    public ClaimResult claim(DestinationKey queue, String selector, LeaseOwner owner) {
        return claim(Address.queue(queue), selector, owner);
    }

    /**
     * Claims a message, waiting for one up to {@code timeoutMillis} (0 = forever, negative = do not wait).
     * Waits on change events of the destination and on the time the next delayed message is due; returns
     * null on timeout or when {@code cancelled} turns true (callers poke the watch to make it check).
     */
    public StoredMessage receive(Watch watch, String selector, LeaseOwner owner, long timeoutMillis,
                                 BooleanSupplier cancelled) throws InterruptedException {
        List<StoredMessage> messages = receive(watch, selector, owner, timeoutMillis, cancelled, 1, List.of());
        return messages.isEmpty() ? null : messages.get(0);
    }

    /**
     * As {@link #receive(Watch, String, LeaseOwner, long, BooleanSupplier)}, claiming up to {@code max} messages
     * at once; {@code acks} are acknowledged by the first claim (so even when it finds nothing), then the
     * receiver waits. Returns the messages in delivery order, empty on timeout or cancellation.
     */
    public List<StoredMessage> receive(Watch watch, String selector, LeaseOwner owner, long timeoutMillis,
                                       BooleanSupplier cancelled, int max, List<String> acks)
            throws InterruptedException {
        long deadline = timeoutMillis == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + Math.max(0, timeoutMillis);
        List<String> toAcknowledge = acks;
        while (!cancelled.getAsBoolean() || !toAcknowledge.isEmpty()) {
            boolean stopping = cancelled.getAsBoolean();
            // waits at most RECHECK_MILLIS: the events or the parked claim of an owner that is lost may never come
            long wait = stopping || timeoutMillis < 0 ? 0
                    : Math.min(RECHECK_MILLIS, Math.max(0, deadline - System.currentTimeMillis()));
            ClaimResult result = hotPath.claim(watch.waiter, selector, owner, stopping ? 0 : max, toAcknowledge, wait);
            durability.acknowledged(watch.address(), toAcknowledge);
            durability.claimed(watch.address(), result.messages());
            move(watch.address(), result.moves(), owner);
            toAcknowledge = List.of();
            if (!result.messages().isEmpty()) {
                watch.claimed(result.messages(), owner);
                return result.messages();
            }
            if (timeoutMillis < 0 || System.currentTimeMillis() >= deadline) {
                return List.of();
            }
            // else the wait ended (a change, a cancellation, a delayed message due, the recheck): ask again
        }
        return List.of();
    }

    /** Claims the public-API path made for receivers of this node so far (tests count wake-ups with it). */
    long publicApiWaitingClaims() {
        return publicApi.waitingClaims();
    }

    /**
     * One claim of the hot path that, finding nothing, waits up to {@code waitMillis} for a wake: unlike
     * {@link #receive}, it does not ask again every {@link #RECHECK_MILLIS}, so a test sees a lost wake-up.
     */
    ClaimResult claimOrWait(Watch watch, String selector, LeaseOwner owner, long waitMillis)
            throws InterruptedException {
        return hotPath.claim(watch.waiter, selector, owner, 1, List.of(), waitMillis);
    }

    /** Selector consumers' wake-ups by entry events on the public-API path so far ({@link SelectorWakes}). */
    long selectorWakes() {
        return signals.selectorWakes();
    }

    /** Starts watching a queue or subscription for changes; close the watch when its consumer closes. */
    public Watch watch(Address address) {
        return new Watch(new Waiter(address, signals.watch(address.key())));
    }

    /**
     * As {@link #watch(Address)} for a consumer: it counts as one of the address's consumers
     * ({@link Administration#consumers}) until the watch is closed.
     */
    public Watch consumerWatch(Address address) {
        Watch watch = watch(address);
        watch.counted = true;
        broker.consumers().opened(address);
        return watch;
    }

    public Watch watch(DestinationKey queue) {
        return watch(Address.queue(queue));
    }

    /** A consumer's wait on the queue or subscription it consumes from (its change events, its parked claims). */
    public final class Watch implements AutoCloseable {
        private final Waiter waiter;
        private boolean closed;
        private boolean counted;
        /** The session of this consumer once it received a message of a group: its groups are freed on close. */
        private LeaseOwner groupedFor;

        private Watch(Waiter waiter) {
            this.waiter = waiter;
        }

        public Address address() {
            return waiter.address();
        }

        /** Waits (bounded) for the next change of the watched entry, e.g. room in a full topic. */
        public void awaitChange(long seen, long timeoutMillis) throws InterruptedException {
            waiter.signal.awaitChange(seen, timeoutMillis);
        }

        public long version() {
            return waiter.signal.version();
        }

        /** Wakes every local waiter of this destination so they re-check their cancellation. */
        public void wakeUp() {
            waiter.signal.fire();
            hotPath.cancelWait(waiter);
        }

        /**
         * After a claim: remembers that the consumer may hold message groups. A claim that raced with
         * {@link #close} frees them itself, as the close could not know of them.
         */
        private synchronized void claimed(List<StoredMessage> messages, LeaseOwner owner) {
            if (groupedFor != null) {
                return;
            }
            for (StoredMessage m : messages) {
                if (MessageGroups.groupOf(m) != null) {
                    groupedFor = owner;
                    if (closed) {
                        unbindGroups();
                    }
                    return;
                }
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                waiter.leaveSelector();
                signals.unwatch(waiter.signal);
                if (counted) {
                    broker.consumers().closed(waiter.address());
                }
                if (groupedFor != null) {
                    unbindGroups();
                }
            }
        }

        /** The consumer closed: its message groups go to the other consumers. */
        private void unbindGroups() {
            Address address = waiter.address();
            try {
                broker.onKey(address.key(), new UnbindGroupsProcessor(address.subscription(),
                        new Claimer(groupedFor, waiter.id())));
            } catch (RuntimeException e) {
                // the cluster is gone or going: the departure of this node frees the groups
                LOG.fine(() -> "message groups of a consumer of " + address + " not freed at close: " + e);
            }
        }
    }

    // --- acknowledge and release -----------------------------------------------------------------------------

    /** Acknowledges messages claimed by this owner's session. Returns how many were still held. */
    public int acknowledge(Address from, List<String> messageIds, LeaseOwner owner) {
        if (messageIds.isEmpty()) {
            return 0;
        }
        int held = broker.onKey(from.key(), new AckProcessor(from.subscription(), messageIds, owner));
        acknowledgedDurably(from, messageIds, held);
        return held;
    }

    /**
     * An application's acknowledgement (CLIENT_ACKNOWLEDGE): as {@link #acknowledge(Address, List, LeaseOwner)}, but
     * all or none, and refused when a lease it names timed out (the destination's lease timeout).
     *
     * @throws LeaseExpiredException when refused: nothing was acknowledged, the timed-out messages are (or were)
     *         released for redelivery and the others stay leased to the owner
     */
    public int acknowledgeLeased(Address from, List<String> messageIds, LeaseOwner owner) {
        if (messageIds.isEmpty()) {
            return 0;
        }
        int held = broker.onKey(from.key(), new AckProcessor(from.subscription(), messageIds, owner, true));
        if (held < 0) {
            throw new LeaseExpiredException(StoreError.LEASES_EXPIRED.text(-held, messageIds.size(), from));
        }
        acknowledgedDurably(from, messageIds, held);
        return held;
    }

    /** Deletes the rows of what was acknowledged; when some were not held, keeps them all (see Durability). */
    private void acknowledgedDurably(Address from, List<String> messageIds, int held) {
        if (held == messageIds.size()) {
            durability.acknowledged(from, messageIds);
        } else {
            durability.acknowledgedInPart(from, messageIds);
        }
    }

    /**
     * As {@link #acknowledge(Address, List, LeaseOwner)} without waiting: completes with the count when done
     * (on the primary and its backups).
     */
    public CompletionStage<Integer> acknowledgeAsync(Address from, List<String> messageIds, LeaseOwner owner) {
        AckProcessor processor = new AckProcessor(from.subscription(), messageIds, owner);
        return calls.callAsync(processor, from.key(), () -> destinations.submitToKey(from.key(), processor))
                .thenApply(held -> {
                    acknowledgedDurably(from, messageIds, held);
                    return held;
                });
    }

    public int acknowledge(DestinationKey queue, List<String> messageIds, LeaseOwner owner) {
        return acknowledge(Address.queue(queue), messageIds, owner);
    }

    /**
     * Returns messages claimed by this owner's session for redelivery; those out of attempts go to the
     * dead-letter queue.
     *
     * @param delivered false for messages that never reached the application (their delivery is not counted)
     */
    public void release(Address from, List<String> messageIds, LeaseOwner owner, boolean delivered) {
        if (messageIds.isEmpty()) {
            return;
        }
        ReleaseResult result = broker.onKey(from.key(),
                new ReleaseProcessor(from.subscription(), messageIds, owner, delivered));
        durability.released(from, messageIds, delivered);
        move(from, result.moves(), owner);
    }

    public void release(DestinationKey queue, List<String> messageIds, LeaseOwner owner, boolean delivered) {
        release(Address.queue(queue), messageIds, owner, delivered);
    }

    /** Releases every lease a session, connection or node holds on one destination. */
    public void releaseOwner(DestinationKey destination, LeaseOwner owner, LeaseOwner.Scope scope) {
        broker.onKey(destination.encode(), new ReleaseOwnerProcessor(owner, scope));
    }

    /** Releases every lease of a connection or node on all destinations, and deletes its temporary ones. */
    public void releaseEverywhere(LeaseOwner owner, LeaseOwner.Scope scope) {
        ReleaseOwnerProcessor processor = new ReleaseOwnerProcessor(owner, scope);
        calls.call(processor, "every destination", () -> CompletableFuture.supplyAsync(
                () -> destinations.executeOnEntries(processor), Runnable::run));
    }

    /**
     * Moves messages to their dead-letter or expiry queue: stored on the target first (idempotent by
     * message id), then removed from the source, so a crash between the two duplicates, never loses. A target
     * without room refuses them: they stay where they are, leased to {@code owner}, and are moved when that
     * lease ends and a claim meets them again.
     */
    private void move(Address source, List<StoredMessage> moves, LeaseOwner owner) {
        if (moves.isEmpty()) {
            return;
        }
        Map<String, List<StoredMessage>> byTarget = new LinkedHashMap<>();
        for (StoredMessage m : moves) {
            byTarget.computeIfAbsent(m.destination(), t -> new ArrayList<>()).add(m);
        }
        List<String> ids = new ArrayList<>();
        Map<String, List<StoredMessage>> moved = new LinkedHashMap<>();
        byTarget.forEach((target, messages) -> {
            SendOutcome stored = send(DestinationKey.parse(target), messages);
            if (stored.isRefused()) {
                LOG.warning(StoreError.MOVE_TARGET_FULL.text(target, messages.size(), source.key(), stored.refusal()));
                return;
            }
            messages.forEach(m -> ids.add(m.messageId()));
            moved.put(target, messages);
        });
        acknowledge(source, ids, owner);
        moved.forEach((target, messages) -> moveLog.moved(source.toString(), target, messages));
    }
}
