package io.hazeljms.store.processor;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.ClaimDecision;
import io.hazeljms.store.ClaimResult;
import io.hazeljms.store.DestinationSettings;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.LeaseOwner;
import io.hazeljms.store.StoreSerializers;
import io.hazeljms.store.selector.Selector;
import io.hazeljms.store.selector.SelectorSyntaxException;

import java.io.IOException;
import java.util.Map;

/**
 * Takes the best eligible message for one consumer, on the partition that owns the destination: the selector
 * is evaluated here, next to the messages. The decision (which message, which expired or dead ones to move)
 * is replayed on backups by {@link ClaimBackupProcessor}.
 */
public final class ClaimProcessor extends DestinationProcessor<ClaimResult> {

    private String subscription;
    private String selector;
    private LeaseOwner owner;
    private DestinationSettings defaults;

    private transient EntryProcessor<String, DestinationState, ClaimResult> backup;

    public ClaimProcessor() {
    }

    public ClaimProcessor(String subscription, String selector, LeaseOwner owner, DestinationSettings defaults) {
        this.subscription = subscription;
        this.selector = selector;
        this.owner = owner;
        this.defaults = defaults;
    }

    @Override
    public ClaimResult process(Map.Entry<String, DestinationState> entry) {
        boolean created = entry.getValue() == null;
        DestinationState state = stateOrCreate(entry, defaults);
        DestinationState queue = state.queueFor(subscription);
        if (queue == null) {
            return ClaimResult.none(); // the subscription is gone (unsubscribed, or its consumers left)
        }
        ClaimDecision decision = queue.decideClaim(parsedSelector(), System.currentTimeMillis());
        ClaimResult result = queue.applyClaim(decision, owner);
        if (created || decision.changesState()) {
            if (created || state.isTopic()) {
                entry.setValue(state);
            }
            backup = new ClaimBackupProcessor(subscription, decision, owner, defaults);
        }
        return result;
    }

    private Selector parsedSelector() {
        try {
            return Selector.cached(selector);
        } catch (SelectorSyntaxException e) {
            // consumers validate their selector when created, so this is a programming error
            throw new IllegalArgumentException("HJMS-STORE-020 invalid selector reached the store: " + selector, e);
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
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        subscription = in.readString();
        selector = in.readString();
        owner = LeaseOwner.read(in);
        defaults = in.readObject();
    }
}
