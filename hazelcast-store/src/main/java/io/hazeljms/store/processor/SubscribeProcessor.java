package io.hazeljms.store.processor;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationSettings;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.LeaseOwner;
import io.hazeljms.store.StoreError;
import io.hazeljms.store.StoreSerializers;
import io.hazeljms.store.SubscribeOutcome;
import io.hazeljms.store.SubscriptionSpec;

import java.io.IOException;
import java.util.Map;

/** Attaches a consumer to a topic subscription (creating the topic on first use). Deterministic: its own backup. */
public final class SubscribeProcessor extends DestinationProcessor<SubscribeOutcome> {

    private String subscription;
    private SubscriptionSpec spec;
    private String consumerId;
    private LeaseOwner owner;
    private DestinationSettings defaults;
    private transient boolean changed;

    public SubscribeProcessor() {
    }

    public SubscribeProcessor(String subscription, SubscriptionSpec spec, String consumerId, LeaseOwner owner,
                              DestinationSettings defaults) {
        this.subscription = subscription;
        this.spec = spec;
        this.consumerId = consumerId;
        this.owner = owner;
        this.defaults = defaults;
    }

    @Override
    public SubscribeOutcome process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = stateOrCreate(entry, defaults);
        if (!state.isTopic()) {
            throw new IllegalArgumentException(StoreError.NOT_A_TOPIC.text(entry.getKey()));
        }
        SubscribeOutcome outcome = state.subscribe(subscription, spec, consumerId, owner);
        changed = outcome == SubscribeOutcome.CREATED || outcome == SubscribeOutcome.JOINED
                || outcome == SubscribeOutcome.REPLACED;
        if (changed) {
            entry.setValue(state);
        }
        return outcome;
    }

    @Override
    public EntryProcessor<String, DestinationState, SubscribeOutcome> getBackupProcessor() {
        return changed ? this : null;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.SUBSCRIBE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(subscription);
        SubscriptionSpec.write(out, spec);
        out.writeString(consumerId);
        LeaseOwner.write(out, owner);
        out.writeObject(defaults);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        subscription = in.readString();
        spec = SubscriptionSpec.read(in);
        consumerId = in.readString();
        owner = LeaseOwner.read(in);
        defaults = in.readObject();
    }
}
