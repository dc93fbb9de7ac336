package io.hazeljms.store.hazelcastinternal;

import com.hazelcast.spi.impl.operationservice.Notifier;
import com.hazelcast.spi.impl.operationservice.WaitNotifyKey;

/**
 * Wakes the claims parked on a queue after an entry processor (a release, an enqueue that created or reached
 * the queue through the processor path) made a message deliverable. Executed locally, right after that
 * processor on the same partition thread; it never crosses the network.
 */
public final class NotifyParkedOperation extends DestinationOperation implements Notifier {

    public NotifyParkedOperation() {
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
        return waitKey();
    }

    @Override
    public int getClassId() {
        return MemberOperationSerializers.NOTIFY_PARKED;
    }
}
