package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;

/** What a consumer asks for when it attaches to a subscription. */
public record SubscriptionSpec(boolean durable, boolean shared, String selector, boolean noLocal) {

    public static void write(ObjectDataOutput out, SubscriptionSpec spec) throws IOException {
        out.writeBoolean(spec.durable);
        out.writeBoolean(spec.shared);
        out.writeString(spec.selector);
        out.writeBoolean(spec.noLocal);
    }

    public static SubscriptionSpec read(ObjectDataInput in) throws IOException {
        return new SubscriptionSpec(in.readBoolean(), in.readBoolean(), in.readString(), in.readBoolean());
    }
}
