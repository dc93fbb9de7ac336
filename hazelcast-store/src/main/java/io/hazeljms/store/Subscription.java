package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.hazeljms.store.selector.Selector;
import io.hazeljms.store.selector.SelectorSyntaxException;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One subscription of a topic: its own queue of messages (filled at publish time, selector and noLocal
 * applied there), what kind it is, and the consumers attached to it across the cluster.
 */
public final class Subscription implements IdentifiedDataSerializable {

    private String name;
    private boolean durable;
    private boolean shared;
    private String selector;
    private boolean noLocal;
    /** The connection whose own publications a noLocal subscription skips. */
    private String localConnection;
    private DestinationState queue;
    private Map<String, LeaseOwner> consumers = new LinkedHashMap<>();

    public Subscription() {
    }

    Subscription(String name, SubscriptionSpec spec, String topicKey, DestinationSettings settings) {
        this.name = name;
        this.durable = spec.durable();
        this.shared = spec.shared();
        this.selector = spec.selector();
        this.noLocal = spec.noLocal();
        this.queue = new DestinationState(topicKey + "#" + name, settings);
    }

    public String name() { return name; }
    public boolean durable() { return durable; }
    public boolean shared() { return shared; }
    public String selector() { return selector; }
    public boolean noLocal() { return noLocal; }
    public DestinationState queue() { return queue; }
    public Map<String, LeaseOwner> consumers() { return consumers; }

    /** Same selector and noLocal: a consumer may join without replacing the subscription. */
    boolean sameFilter(SubscriptionSpec spec) {
        return Objects.equals(blankToNull(selector), blankToNull(spec.selector())) && noLocal == spec.noLocal();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    void attach(String consumerId, LeaseOwner owner) {
        consumers.put(consumerId, owner);
        if (noLocal) {
            localConnection = owner.connectionId();
        }
    }

    /** Whether a published message goes to this subscription: noLocal and selector, evaluated in the store. */
    boolean accepts(StoredMessage m) {
        if (noLocal && localConnection != null && localConnection.equals(m.originConnectionId())) {
            return false;
        }
        try {
            return Selector.cached(selector).matches(m::selectorValue);
        } catch (SelectorSyntaxException e) {
            return false; // validated when the subscription was created
        }
    }

    @Override
    public int getFactoryId() {
        return StoreSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.SUBSCRIPTION;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(name);
        out.writeBoolean(durable);
        out.writeBoolean(shared);
        out.writeString(selector);
        out.writeBoolean(noLocal);
        out.writeString(localConnection);
        out.writeObject(queue);
        out.writeInt(consumers.size());
        for (Map.Entry<String, LeaseOwner> e : consumers.entrySet()) {
            out.writeString(e.getKey());
            LeaseOwner.write(out, e.getValue());
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        name = in.readString();
        durable = in.readBoolean();
        shared = in.readBoolean();
        selector = in.readString();
        noLocal = in.readBoolean();
        localConnection = in.readString();
        queue = in.readObject();
        int n = in.readInt();
        consumers = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            consumers.put(in.readString(), LeaseOwner.read(in));
        }
    }
}
