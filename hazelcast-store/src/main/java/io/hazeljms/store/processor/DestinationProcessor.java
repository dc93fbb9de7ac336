package io.hazeljms.store.processor;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.hazeljms.store.DestinationSettings;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreSerializers;

import java.util.Map;

/**
 * Base of the store's entry processors: each runs on the partition thread that owns one destination, so a
 * mutation is atomic without locks. A processor that changed nothing offers no backup processor, so no
 * backup traffic and no update event (which would wake waiting consumers for nothing).
 */
abstract class DestinationProcessor<R> implements EntryProcessor<String, DestinationState, R>,
        IdentifiedDataSerializable {

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
