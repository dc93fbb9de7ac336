package io.hazeljms.store.processor;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.hazeljms.store.DeliverableNotifier;
import io.hazeljms.store.DestinationSettings;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.MemoryGuard;
import io.hazeljms.store.StoreSerializers;

import java.util.Map;

/**
 * Base of the store's entry processors: each runs on the partition thread that owns one destination, so a
 * mutation is atomic without locks. A processor that changed nothing offers no backup processor, so no
 * backup traffic.
 *
 * <p>The in-memory format is OBJECT: processors mutate the live state in place. {@code entry.setValue} is
 * called only where the change must be announced — it fires the entry event that wakes waiting consumers
 * (enqueue, release) or blocked publishers (room in a topic subscription). Claims and acks on a queue add no
 * deliverable message, so they skip it: no event, no record update (measured: fewer wake-ups and ~10% less
 * partition-thread time per message). Backups are driven by the backup processor, not by setValue.
 */
abstract class DestinationProcessor<R> implements EntryProcessor<String, DestinationState, R>,
        IdentifiedDataSerializable, HazelcastInstanceAware {

    /** The member this processor runs on (injected by Hazelcast), to wake claims parked on its partitions. */
    private transient HazelcastInstance hazelcast;

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.hazelcast = hazelcastInstance;
    }

    /**
     * After a change that made a message of the destination deliverable: tells the member's
     * {@link DeliverableNotifier}, if any (claims parked on the partition run right after this processor).
     */
    final void wakeParkedClaims(String key) {
        if (hazelcast != null) {
            DeliverableNotifier.deliverableOn(hazelcast, key);
        }
    }

    /** The guard of the member this runs on; null where no member is known (never on a real member). */
    final MemoryGuard memoryGuard() {
        return hazelcast == null ? null : MemoryGuard.of(hazelcast);
    }

    /** The entry's state, created with the given settings when the destination does not exist yet. */
    static DestinationState stateOrCreate(Map.Entry<String, DestinationState> entry, DestinationSettings defaults) {
        DestinationState state = entry.getValue();
        return state != null ? state : new DestinationState(entry.getKey(), defaults);
    }

    @Override
    public int getFactoryId() {
        return StoreSerializers.FACTORY_ID;
    }
}
