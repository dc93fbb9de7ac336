package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Messages a release could not return to the queue because they ran out of attempts: to move to the DLQ. */
public final class ReleaseResult implements IdentifiedDataSerializable {

    private List<StoredMessage> moves = new ArrayList<>();

    public ReleaseResult() {
    }

    public ReleaseResult(List<StoredMessage> moves) {
        this.moves = moves;
    }

    public List<StoredMessage> moves() {
        return moves;
    }

    @Override
    public int getFactoryId() {
        return StoreSerializers.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.RELEASE_RESULT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        MessageLists.write(out, moves);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        moves = MessageLists.read(in);
    }
}
