package io.hazeljms.store.hazelcastinternal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.Notifier;
import com.hazelcast.spi.impl.operationservice.WaitNotifyKey;

import java.io.IOException;
import java.util.List;

/**
 * Ends the parked claim of one waiter (its consumer closes or its connection stops): every claim parked on the
 * queue wakes (whatever its selector), that one answers empty, the others ask again. If the claim has not
 * arrived yet, it answers empty when it does. Not replicated: after a failover the claim is retried and the
 * closing consumer cancels again.
 */
public final class CancelWaitOperation extends DestinationOperation implements Notifier {

    private String waiterId;
    private transient boolean known;

    public CancelWaitOperation() {
    }

    CancelWaitOperation(String key, String waiterId) {
        super(key);
        this.waiterId = waiterId;
    }

    @Override
    public void run() {
        known = state() != null;
        if (known) {
            ParkedClaims parked = ParkedClaims.of(getNodeEngine());
            List<String> selectors = parked.cancel(getPartitionId(), keyData(), waiterId);
            selectors.remove(""); // this operation notifies the claims without selector itself
            parked.notifyLater(getPartitionId(), keyData(), selectors);
        }
    }

    @Override
    public boolean shouldNotify() {
        return known;
    }

    @Override
    public WaitNotifyKey getNotifiedKey() {
        return waitKey();
    }

    @Override
    public int getClassId() {
        return MemberOperationSerializers.CANCEL_WAIT;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeString(waiterId);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        waiterId = in.readString();
    }
}
