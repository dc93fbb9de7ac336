package io.hazeljms.store.processor;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreSerializers;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Read-only, after the destination refused a send: which of its send ids (as hashes) the destination remembers.
 * A refused send adds none, so a remembered one came from another send, whose durable id row must stay.
 */
public final class RememberedSendIdsProcessor extends DestinationProcessor<long[]> implements ReadOnly {

    private long[] hashes;

    public RememberedSendIdsProcessor() {
    }

    public RememberedSendIdsProcessor(long[] hashes) {
        this.hashes = hashes;
    }

    @Override
    public long[] process(Map.Entry<String, DestinationState> entry) {
        DestinationState state = entry.getValue();
        if (state == null) {
            return new long[0];
        }
        long[] remembered = new long[hashes.length];
        int n = 0;
        for (long h : hashes) {
            if (state.remembersSendId(h)) {
                remembered[n++] = h;
            }
        }
        return Arrays.copyOf(remembered, n);
    }

    @Override
    public EntryProcessor<String, DestinationState, long[]> getBackupProcessor() {
        return null;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.REMEMBERED_SEND_IDS;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLongArray(hashes);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        hashes = in.readLongArray();
    }
}
