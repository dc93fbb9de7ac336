package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What the primary decided a claim takes: replayed as-is on backups (clock and selector stay on the primary). */
public final class ClaimDecision {

    /** In delivery order: a claim may take several messages at once (a consumer's prefetch). */
    final List<String> claimed = new ArrayList<>();
    final List<String> expired = new ArrayList<>();
    final List<String> dead = new ArrayList<>();
    /** Leases that timed out, released before the claim (in-flight ids, in lease order). */
    final List<String> timedOut = new ArrayList<>();
    long nextAvailableAt;
    /** The primary's clock when it decided: lease expiry and redelivery times are computed from it on backups too. */
    long decidedAt;
    /** When the leases this claim takes time out (0: never), before the owner's own rule. */
    long leaseExpiresAt;
    /** Names the claim call, so the same call made again finds what it took (see {@link Lease}). */
    long claimId;

    public ClaimDecision claimId(long id) {
        claimId = id;
        return this;
    }

    /** Carries the leases the primary released, as timed out, right before deciding. */
    public ClaimDecision timedOut(List<String> ids) {
        timedOut.addAll(ids);
        return this;
    }

    public boolean changesState() {
        return !claimed.isEmpty() || !expired.isEmpty() || !dead.isEmpty() || !timedOut.isEmpty();
    }

    public void writeTo(ObjectDataOutput out) throws IOException {
        writeIds(out, claimed);
        writeIds(out, expired);
        writeIds(out, dead);
        out.writeLong(nextAvailableAt);
        out.writeLong(claimId);
        writeIds(out, timedOut);
        out.writeLong(decidedAt);
        out.writeLong(leaseExpiresAt);
    }

    public static ClaimDecision readFrom(ObjectDataInput in) throws IOException {
        ClaimDecision d = new ClaimDecision();
        readIds(in, d.claimed);
        readIds(in, d.expired);
        readIds(in, d.dead);
        d.nextAvailableAt = in.readLong();
        d.claimId = in.readLong();
        readIds(in, d.timedOut);
        d.decidedAt = in.readLong();
        d.leaseExpiresAt = in.readLong();
        return d;
    }

    public static void writeIds(java.io.DataOutput out, List<String> ids) throws IOException {
        out.writeInt(ids.size());
        for (String id : ids) {
            Fields.writeString(out, id);
        }
    }

    public static void readIds(java.io.DataInput in, List<String> into) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            into.add(Fields.readString(in));
        }
    }
}
