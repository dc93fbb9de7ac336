package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;
import java.util.Objects;

/**
 * Who holds a claimed message: the cluster node (member or client) the connection runs on, the connection and
 * the session. Leases are released by session (rollback, recover, close), by connection (close) or by node
 * (the member or client left the cluster).
 */
public record LeaseOwner(String nodeId, String connectionId, String sessionId) {

    public LeaseOwner {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    /**
     * Session ids of XA sessions start with this: their leases follow the transaction manager's timeout (which
     * rolls the branch back), not the destination's lease timeout, as do prepared branches (node {@code xa}).
     */
    public static final String TRANSACTION_TIMED_PREFIX = "xa-";

    /** Whether a lease of this owner ends only by the owner's transaction (or session, node), never by a timeout. */
    public boolean isTransactionTimed() {
        return sessionId.startsWith(TRANSACTION_TIMED_PREFIX) || "xa".equals(nodeId);
    }

    /** What part of the owner a release matches on. */
    public enum Scope { SESSION, CONNECTION, NODE }

    public boolean matches(LeaseOwner other, Scope scope) {
        switch (scope) {
            case SESSION: return equals(other);
            case CONNECTION: return connectionId.equals(other.connectionId);
            default: return nodeId.equals(other.nodeId);
        }
    }

    public static void write(java.io.DataOutput out, LeaseOwner owner) throws IOException {
        Fields.writeString(out, owner.nodeId);
        Fields.writeString(out, owner.connectionId);
        Fields.writeString(out, owner.sessionId);
    }

    public static LeaseOwner read(java.io.DataInput in) throws IOException {
        return new LeaseOwner(Fields.readString(in), Fields.readString(in), Fields.readString(in));
    }
}
