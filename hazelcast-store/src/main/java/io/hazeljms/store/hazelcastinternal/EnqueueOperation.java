package io.hazeljms.store.hazelcastinternal;

import com.hazelcast.core.EntryEventType;
import com.hazelcast.map.impl.MapService;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.Notifier;
import com.hazelcast.spi.impl.operationservice.WaitNotifyKey;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.MemoryGuard;
import io.hazeljms.store.MessageLists;
import io.hazeljms.store.StoreConfig;
import io.hazeljms.store.StoredMessage;
import io.hazeljms.store.processor.EnqueueProcessor;

import java.io.IOException;
import java.util.List;

/**
 * Appends messages to an existing queue and hands them to claims parked on it whose selector (if any) matches
 * one of them, which run right after it on the same partition thread. Consumers that wait for entry events
 * instead (clients, {@code memberOperations=off}) get one when they marked the queue awaited, exactly as with
 * {@link EnqueueProcessor}, which also replays this on backups.
 * Answers null for a destination that does not exist or is a topic: the caller then uses the entry processor.
 * The primary first decides whether the messages fit, as the processor does; a refusal stores nothing and
 * sends no backup, and the backup replays what was accepted without deciding again.
 */
public final class EnqueueOperation extends ReplicatedDestinationOperation implements Notifier {

    private List<StoredMessage> messages;

    private transient Integer added;
    /** The selector ("" for none) whose parked claims this operation wakes itself; null: none. */
    private transient String wakeSelector;

    public EnqueueOperation() {
    }

    EnqueueOperation(String key, List<StoredMessage> messages) {
        super(key);
        this.messages = messages;
    }

    @Override
    public void run() {
        DestinationState state = state();
        if (state == null || state.isTopic()) {
            added = null;
            return;
        }
        int verdict = EnqueueProcessor.admit(state, messages, MemoryGuard.of(getNodeEngine().getHazelcastInstance()));
        if (verdict != 0) {
            added = verdict;
            return;
        }
        int n = 0;
        for (StoredMessage m : messages) {
            if (state.enqueue(m)) {
                n++;
            }
        }
        added = n;
        if (n > 0) {
            backupProcessor = new EnqueueProcessor(messages, null, true);
            if (state.takeAwaited()) {
                announce(state);
            }
            // only the claims that could take one of these messages wake: the first selector's right after this
            // operation, the others' by operations of their own on this partition thread
            ParkedClaims parked = ParkedClaims.of(getNodeEngine());
            List<String> woken = parked.takeParked(getPartitionId(), keyData(), messages);
            if (!woken.isEmpty()) {
                wakeSelector = woken.get(0);
                parked.notifyLater(getPartitionId(), keyData(), woken.subList(1, woken.size()));
            }
        }
    }

    /** The entry event that consumers waiting on events (not parked) wake on. */
    private void announce(DestinationState state) {
        MapService mapService = getNodeEngine().getService(MapService.SERVICE_NAME);
        mapService.getMapServiceContext().getMapEventPublisher().publishEvent(getCallerAddress(),
                StoreConfig.DESTINATIONS_MAP, EntryEventType.UPDATED, keyData(), null, state);
    }

    @Override
    public Object getResponse() {
        return added;
    }

    @Override
    public boolean shouldNotify() {
        return wakeSelector != null;
    }

    @Override
    public WaitNotifyKey getNotifiedKey() {
        return waitKey(wakeSelector == null ? "" : wakeSelector);
    }

    @Override
    public int getClassId() {
        return MemberOperationSerializers.ENQUEUE;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        MessageLists.write(out, messages);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        messages = MessageLists.read(in);
    }
}
