package io.hazeljms.store.processor;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.ClaimDecision;
import io.hazeljms.store.Claimer;
import io.hazeljms.store.ClaimResult;
import io.hazeljms.store.DestinationSettings;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.LeaseOwner;
import io.hazeljms.store.StoreError;
import io.hazeljms.store.StoreSerializers;
import io.hazeljms.store.selector.Selector;
import io.hazeljms.store.selector.SelectorSyntaxException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Takes the best eligible messages (up to {@code max}, a consumer's prefetch) for one consumer, on the partition
 * that owns the destination: the selector is evaluated here, next to the messages. It first acknowledges what
 * the consumer hands in ({@code acks}: auto-acknowledged messages not yet sent), so a consumer that keeps up
 * needs one store call per batch instead of one per message. The decision (which messages, which expired or
 * dead ones to move) and the acknowledgements are replayed on backups by {@link ClaimBackupProcessor}.
 */
public final class ClaimProcessor extends DestinationProcessor<ClaimResult> {

    private String subscription;
    private String selector;
    private LeaseOwner owner;
    private DestinationSettings defaults;
    private int max = 1;
    private List<String> acks = List.of();
    /** The caller waits for an event when this claim leaves nothing it could take. */
    private boolean awaitIfEmpty;
    /** Names this claim call (0: unnamed); {@code again}: an earlier attempt's outcome was in doubt. */
    private long claimId;
    private boolean again;
    /** The consumer claiming (its watch's id; empty: none), which message groups bind to. */
    private String consumerId = "";

    private transient EntryProcessor<String, DestinationState, ClaimResult> backup;
    /** The acks were applied on this primary already (by a parked claim): only the backups still need them. */
    private transient boolean acknowledgedAlready;

    public ClaimProcessor() {
    }

    public ClaimProcessor(String subscription, String selector, LeaseOwner owner, DestinationSettings defaults,
                          int max, List<String> acks, boolean awaitIfEmpty) {
        this.subscription = subscription;
        this.selector = selector;
        this.owner = owner;
        this.defaults = defaults;
        this.max = max;
        this.acks = acks;
        this.awaitIfEmpty = awaitIfEmpty;
    }

    @Override
    public ClaimResult process(Map.Entry<String, DestinationState> entry) {
        boolean created = entry.getValue() == null;
        DestinationState state = stateOrCreate(entry, defaults);
        DestinationState queue = state.queueFor(subscription);
        if (queue == null) {
            return ClaimResult.none(); // the subscription is gone (unsubscribed, or its consumers left)
        }
        if (again && claimId != 0) {
            ClaimResult taken = queue.claimedBy(claimId, owner);
            if (!taken.messages().isEmpty()) {
                return taken; // the first attempt took them and its answer was lost: nothing changes now
            }
        }
        boolean acknowledged = acknowledgedAlready ? !acks.isEmpty()
                : !acks.isEmpty() && queue.acknowledge(acks, owner) > 0;
        long now = System.currentTimeMillis();
        List<String> timedOut = queue.expireDueLeases(now);
        Claimer claimer = new Claimer(owner, consumerId);
        ClaimDecision decision = queue.decideClaim(parsedSelector(), now, max, claimer).claimId(claimId)
                .timedOut(timedOut);
        ClaimResult result = queue.applyClaim(decision, claimer);
        if (!timedOut.isEmpty()) {
            wakeParkedClaims(entry.getKey()); // released for whoever takes them, perhaps not this claimer
        }
        // fewer than asked for: nothing else this consumer could take is left, so it will wait next
        boolean drained = result.messages().size() < max;
        result.drained(drained && result.nextAvailableAt() == 0);
        // topics announce every publish anyway; a queue announces enqueues only to consumers that wait
        boolean awaited = awaitIfEmpty && drained && !state.isTopic() && queue.markAwaited();
        if (created || acknowledged || awaited || decision.changesState()) {
            if (created || state.isTopic()) {
                entry.setValue(state); // in a topic, claims and acks make room for blocked publishers
            }
            backup = new ClaimBackupProcessor(subscription, acknowledged ? acks : List.of(), decision, awaited,
                    claimer, defaults);
        }
        return result;
    }

    /** Names the call; made {@code again}, it returns what an earlier attempt took instead of taking more. */
    public ClaimProcessor claimId(long id, boolean again) {
        this.claimId = id;
        this.again = again;
        return this;
    }

    /** The consumer this claim is for (message groups bind to it); null or empty: the session as a whole. */
    public ClaimProcessor consumer(String id) {
        this.consumerId = id == null ? "" : id;
        return this;
    }

    /** The acknowledgements were applied on the primary before this claim ran; replay them on backups only. */
    public ClaimProcessor acknowledgedAlready() {
        acknowledgedAlready = true;
        return this;
    }

    private Selector parsedSelector() {
        try {
            return Selector.cached(selector);
        } catch (SelectorSyntaxException e) {
            // consumers validate their selector when created, so this is a programming error
            throw new IllegalArgumentException(StoreError.SELECTOR_INVALID.text(selector), e);
        }
    }

    @Override
    public EntryProcessor<String, DestinationState, ClaimResult> getBackupProcessor() {
        return backup;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.CLAIM;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(subscription);
        out.writeString(selector);
        LeaseOwner.write(out, owner);
        out.writeObject(defaults);
        out.writeInt(max);
        ClaimDecision.writeIds(out, acks);
        out.writeBoolean(awaitIfEmpty);
        out.writeLong(claimId);
        out.writeBoolean(again);
        out.writeString(consumerId);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        subscription = in.readString();
        selector = in.readString();
        owner = LeaseOwner.read(in);
        defaults = in.readObject();
        max = in.readInt();
        List<String> ids = new ArrayList<>();
        ClaimDecision.readIds(in, ids);
        acks = ids;
        awaitIfEmpty = in.readBoolean();
        claimId = in.readLong();
        again = in.readBoolean();
        consumerId = in.readString();
    }
}
