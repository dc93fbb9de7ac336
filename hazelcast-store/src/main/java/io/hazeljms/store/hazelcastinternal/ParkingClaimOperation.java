package io.hazeljms.store.hazelcastinternal;

import com.hazelcast.internal.util.Clock;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.BlockingOperation;
import com.hazelcast.spi.impl.operationservice.WaitNotifyKey;
import io.hazeljms.store.ClaimDecision;
import io.hazeljms.store.ClaimResult;
import io.hazeljms.store.Claimer;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.LeaseOwner;
import io.hazeljms.store.MessageGroups;
import io.hazeljms.store.StoredMessage;
import io.hazeljms.store.StoreError;
import io.hazeljms.store.processor.ClaimProcessor;
import io.hazeljms.store.selector.Selector;
import io.hazeljms.store.selector.SelectorSyntaxException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A claim on a queue (with or without selector) that, when nothing can be taken, parks on the partition until a
 * message arrives, as an {@code IQueue} poll does: the enqueue that adds the message runs it right after itself
 * on the same partition thread, so a consumer that keeps up costs one operation per batch and no entry event.
 * Claims park on a wait key per selector, and an enqueue wakes only the selectors one of its messages matches
 * ({@link ParkedClaims}), so competing consumers with disjoint selectors do not all run for every message.
 *
 * <p>It claims and acknowledges through {@link ClaimProcessor}, so its decision and its backup are the entry
 * processor's. Acknowledgements it carries are applied when it parks and replicated when it runs; an expired
 * wait runs it once more for that (Hazelcast sends no backup for an expiry). It answers
 * null for a destination that does not exist or is a topic; the caller then takes the entry-processor path.
 *
 * <p>Waking: an enqueue or release that adds a deliverable message notifies the wait keys of the queue's parked
 * selectors it could concern, and the claims parked on each run in arrival order until one still finds nothing. A cancelled waiter ({@link CancelWaitOperation})
 * changes the queue's wake generation ({@link ParkedClaims}), so every parked claim runs, the cancelled one answering empty and the
 * others asking again. A claim waiting for a delayed message parks only until it is due.
 */
public final class ParkingClaimOperation extends ReplicatedDestinationOperation implements BlockingOperation {

    private LeaseOwner owner;
    /** The consumer's selector; "" for none. */
    private String selector = "";
    private int max;
    private List<String> acks = List.of();
    private String waiterId;
    private long claimId;
    private boolean again;

    private transient long deadline;
    private transient long parkedUntil;
    private transient long generation;
    private transient boolean cancelled;
    private transient boolean expired;
    /** The acks were applied when this claim parked; its run (or expiry) replicates them. */
    private transient boolean acknowledged;
    private transient ClaimResult result;

    public ParkingClaimOperation() {
    }

    /** @param waitMillis -1 waits without limit, 0 does not wait */
    ParkingClaimOperation(String key, String selector, LeaseOwner owner, int max, List<String> acks,
                          long waitMillis, String waiterId) {
        super(key);
        this.selector = selector == null || selector.isBlank() ? "" : selector;
        this.owner = owner;
        this.max = max;
        this.acks = acks;
        this.waiterId = waiterId;
        setWaitTimeout(waitMillis);
    }

    /** Names the call; made {@code again}, it returns at once what an earlier attempt took, if anything. */
    ParkingClaimOperation claimId(long id, boolean again) {
        this.claimId = id;
        this.again = again;
        return this;
    }

    @Override
    public WaitNotifyKey getWaitKey() {
        return waitKey(selector);
    }

    @Override
    public boolean shouldWait() {
        if (cancelled || expired) {
            return false;
        }
        DestinationState state = state();
        if (state == null || state.isTopic()) {
            return false;
        }
        ParkedClaims parked = ParkedClaims.of(getNodeEngine());
        if (parked.takeCancelled(getPartitionId(), keyData(), waiterId)) {
            cancelled = true;
            return false;
        }
        if (getWaitTimeout() == 0 || (again && !state.claimedBy(claimId, owner).messages().isEmpty())) {
            return false;
        }
        long now = Clock.currentTimeMillis();
        if (deadline == 0) {
            deadline = getWaitTimeout() < 0 ? Long.MAX_VALUE : now + getWaitTimeout();
        }
        if (parkedUntil != 0 && parked.wakeGeneration(getPartitionId(), keyData()) != generation) {
            return false; // woken for another waiter's cancellation: run, take what there is, the caller asks again
        }
        long until = Math.min(deadline,
                state.nothingToClaimUntil(now, parsedSelector(), new Claimer(owner, waiterId)));
        if (until <= now || (parkedUntil != 0 && until < parkedUntil)) {
            return false; // something to take, or a delayed message due before this park would end
        }
        if (parkedUntil == 0) {
            parkedUntil = until;
            generation = parked.wakeGeneration(getPartitionId(), keyData());
            setWaitTimeout(until == Long.MAX_VALUE ? -1 : until - now);
        }
        if (!acknowledged && !acks.isEmpty()) {
            // acknowledge now, so a consumer waiting for its next message holds none it has consumed; the
            // backups learn it when this claim runs or expires, both of which go through run()
            state.acknowledge(acks, owner);
            acknowledged = true;
        }
        parked.markParked(getPartitionId(), keyData(), selector, waiterId);
        return true;
    }

    @Override
    public void run() {
        leftPark();
        var entry = entry();
        if (entry == null || entry.getValue().isTopic()) {
            result = null;
            return;
        }
        // a cancelled waiter only acknowledges; one woken for another's cancellation takes what there is
        ClaimProcessor claim = new ClaimProcessor(null, selector.isEmpty() ? null : selector, owner, null,
                cancelled || expired ? 0 : max, acks, false).claimId(claimId, again).consumer(waiterId);
        if (acknowledged) {
            claim.acknowledgedAlready();
        }
        result = claim.process(entry);
        if (result != null && hasGroups(entry.getValue(), result)) {
            result.waitByEvents(true); // parked claims wake in order and stop at the first with nothing to take
        }
        backupProcessor = claim.getBackupProcessor();
    }

    private static boolean hasGroups(DestinationState state, ClaimResult result) {
        if (!state.groups().isEmpty()) {
            return true;
        }
        for (StoredMessage m : result.messages()) {
            if (MessageGroups.groupOf(m) != null) {
                return true;
            }
        }
        return false;
    }

    private void leftPark() {
        if (parkedUntil != 0) {
            ParkedClaims.of(getNodeEngine()).leftPark(getPartitionId(), keyData(), selector, waiterId);
        }
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
    public Object getResponse() {
        return result;
    }

    @Override
    public void onWaitExpire() {
        leftPark();
        if (acknowledged) {
            // run once more (on this partition thread) so the acknowledgements reach the backups
            expired = true;
            getNodeEngine().getOperationService().run(this);
        } else {
            sendResponse(ClaimResult.none());
        }
    }

    @Override
    public int getClassId() {
        return MemberOperationSerializers.PARKING_CLAIM;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        LeaseOwner.write(out, owner);
        out.writeString(selector);
        out.writeInt(max);
        ClaimDecision.writeIds(out, acks);
        out.writeString(waiterId);
        out.writeLong(claimId);
        out.writeBoolean(again);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        owner = LeaseOwner.read(in);
        selector = in.readString();
        max = in.readInt();
        List<String> ids = new ArrayList<>();
        ClaimDecision.readIds(in, ids);
        acks = ids;
        waiterId = in.readString();
        claimId = in.readLong();
        again = in.readBoolean();
    }
}
