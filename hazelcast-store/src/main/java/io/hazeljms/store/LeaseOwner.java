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

    /** What part of the owner a release matches on. */
    public enum Scope { SESSION, CONNECTION, NODE }

    public boolean matches(LeaseOwner other, Scope scope) {
        switch (scope) {
            case SESSION: return equals(other);
            case CONNECTION: return connectionId.equals(other.connectionId);
            default: return nodeId.equals(other.nodeId);
        }
    }

    public static void write(ObjectDataOutput out, LeaseOwner owner) throws IOException {
        out.writeString(owner.nodeId);
        out.writeString(owner.connectionId);
        out.writeString(owner.sessionId);
    }

    public static LeaseOwner read(ObjectDataInput in) throws IOException {
        return new LeaseOwner(in.readString(), in.readString(), in.readString());
    }
}
