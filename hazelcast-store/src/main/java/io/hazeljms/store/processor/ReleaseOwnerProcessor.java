package io.hazeljms.store.processor;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.LeaseOwner;
import io.hazeljms.store.StoreSerializers;

import java.io.IOException;
import java.util.Map;

/**
 * Releases every lease of a session, connection or node, and deletes the temporary destinations of a
 * closed connection or departed node. Run on one destination, or on all of them when a node leaves.
 */
public final class ReleaseOwnerProcessor extends DestinationProcessor<Integer> {

    private LeaseOwner owner;
    private LeaseOwner.Scope scope;
    private long now;

    public ReleaseOwnerProcessor() {
    }

    public ReleaseOwnerProcessor(LeaseOwner owner, LeaseOwner.Scope scope) {
        this.owner = owner;
        this.scope = scope;
    }

    @Override
    public Integer process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        if (state == null) {
            return 0;
        }
        if (now == 0) {
            now = System.currentTimeMillis();
        }
        if (scope != LeaseOwner.Scope.SESSION && state.isOwnedBy(owner, scope)) {
            entry.setValue(null);
            return 0;
        }
        int n = state.releaseOwner(owner, scope, now);
        if (n > 0) {
            entry.setValue(state);
            wakeParkedClaims(entry.getKey());
        }
        return n;
    }

    @Override
    public EntryProcessor<String, DestinationState, Integer> getBackupProcessor() {
        return this; // deterministic with the primary's clock; a no-op where nothing matched
    }

    @Override
    public int getClassId() {
        return StoreSerializers.RELEASE_OWNER;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        LeaseOwner.write(out, owner);
        out.writeByte(scope.ordinal());
        out.writeLong(now);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        owner = LeaseOwner.read(in);
        scope = LeaseOwner.Scope.values()[in.readByte()];
        now = in.readLong();
    }
}
