package io.hazeljms.store;

import java.io.IOException;
import java.util.Objects;

/**
 * Who a claim is made for: the session that will hold the leases and the consumer inside it (its watch's
 * {@link Waiter#id}; empty for a claim made outside a consumer). A message group is bound to one claimer
 * ({@link MessageGroups}), so two consumers of one session on one queue get groups of their own.
 */
public record Claimer(LeaseOwner owner, String consumerId) {

    public Claimer {
        Objects.requireNonNull(owner, "owner");
        consumerId = consumerId == null ? "" : consumerId;
    }

    public static void write(java.io.DataOutput out, Claimer claimer) throws IOException {
        LeaseOwner.write(out, claimer.owner);
        Fields.writeString(out, claimer.consumerId);
    }

    public static Claimer read(java.io.DataInput in) throws IOException {
        return new Claimer(LeaseOwner.read(in), Fields.readString(in));
    }
}
