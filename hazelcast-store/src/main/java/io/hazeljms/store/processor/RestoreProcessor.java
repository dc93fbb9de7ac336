package io.hazeljms.store.processor;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.ClaimDecision;
import io.hazeljms.store.DestinationSettings;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.Fields;
import io.hazeljms.store.LeaseOwner;
import io.hazeljms.store.MessageLists;
import io.hazeljms.store.StoreSerializers;
import io.hazeljms.store.StoredMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recovery from the durable store: puts stored messages back on a queue or durable subscription in the order
 * given (a message it holds already is skipped), creating the queue if needed, and leases messages a prepared
 * XA branch received to that branch, and gives a destination back the send ids it remembered. Never refused by limits: these messages were accepted before. Its own
 * backup, as it decides nothing.
 */
public final class RestoreProcessor extends DestinationProcessor<Integer> {

    private String subscription;
    private List<StoredMessage> messages;
    private List<String> leaseIds;
    private LeaseOwner leaseOwner;
    private DestinationSettings defaults;
    private long[] sendIds = new long[0];

    public RestoreProcessor() {
    }

    /** Messages to put back; {@code subscription} null for a queue. */
    public static RestoreProcessor messages(String subscription, List<StoredMessage> messages,
                                            DestinationSettings defaults) {
        RestoreProcessor p = new RestoreProcessor();
        p.subscription = subscription;
        p.messages = messages;
        p.leaseIds = List.of();
        p.defaults = defaults;
        return p;
    }

    /**
     * Send ids a destination remembered ({@link StoredMessage#sendIdHash}), oldest first; {@code defaults} to
     * create it with, or null when it must exist (a topic).
     */
    public static RestoreProcessor sendIds(long[] hashes, DestinationSettings defaults) {
        RestoreProcessor p = new RestoreProcessor();
        p.messages = List.of();
        p.leaseIds = List.of();
        p.sendIds = hashes;
        p.defaults = defaults;
        return p;
    }

    /** Messages already put back that a prepared branch holds. */
    public static RestoreProcessor lease(String subscription, List<String> ids, LeaseOwner owner) {
        RestoreProcessor p = new RestoreProcessor();
        p.subscription = subscription;
        p.messages = List.of();
        p.leaseIds = ids;
        p.leaseOwner = owner;
        return p;
    }

    /** @return messages put back or leased; -1 if the subscription does not exist (its messages are dropped) */
    @Override
    public Integer process(Map.Entry<String, DestinationState> entry) {
        if (entry.getValue() == null && (defaults == null || subscription != null)) {
            return -1;
        }
        DestinationState state = stateOrCreate(entry, defaults);
        DestinationState queue = subscription == null ? state : state.queueFor(subscription);
        if (queue == null) {
            return -1;
        }
        state.restoreSendIds(sendIds);
        int n = sendIds.length;
        for (StoredMessage m : messages) {
            if (queue.restore(m.copy())) {
                n++;
            }
        }
        if (!leaseIds.isEmpty()) {
            n += queue.lease(leaseIds, leaseOwner);
        }
        entry.setValue(state);
        if (!messages.isEmpty()) {
            wakeParkedClaims(entry.getKey());
        }
        return n;
    }

    @Override
    public EntryProcessor<String, DestinationState, Integer> getBackupProcessor() {
        return this;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.RESTORE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        Fields.writeString(out, subscription);
        MessageLists.write(out, messages);
        ClaimDecision.writeIds(out, leaseIds);
        out.writeBoolean(leaseOwner != null);
        if (leaseOwner != null) {
            LeaseOwner.write(out, leaseOwner);
        }
        out.writeObject(defaults);
        out.writeLongArray(sendIds);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        subscription = Fields.readString(in);
        messages = MessageLists.read(in);
        leaseIds = new ArrayList<>();
        ClaimDecision.readIds(in, leaseIds);
        leaseOwner = in.readBoolean() ? LeaseOwner.read(in) : null;
        defaults = in.readObject();
        sendIds = in.readLongArray();
    }
}
