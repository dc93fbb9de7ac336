package io.hazeljms.store.hazelcastinternal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.Notifier;
import com.hazelcast.spi.impl.operationservice.WaitNotifyKey;

import java.io.IOException;

/**
 * Wakes the claims parked on a queue with one selector ("" for none) after an entry processor (a release, an
 * enqueue that created or reached the queue through the processor path) made a message deliverable, or after an
 * enqueue or cancellation that wakes several selectors' claims. Executed locally, right after that operation on
 * the same partition thread; it never crosses the network.
 */
public final class NotifyParkedOperation extends DestinationOperation implements Notifier {

    private String selector = "";

    public NotifyParkedOperation() {
    }

    NotifyParkedOperation(String selector) {
        this.selector = selector;
    }

    @Override
    public void run() {
        // the work is the notification that follows
    }

    @Override
    public boolean returnsResponse() {
        return false;
    }

    @Override
    public boolean shouldNotify() {
        return true;
    }

    @Override
    public WaitNotifyKey getNotifiedKey() {
        return waitKey(selector);
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeString(selector);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        selector = in.readString();
    }

    @Override
    public int getClassId() {
        return MemberOperationSerializers.NOTIFY_PARKED;
    }
}
