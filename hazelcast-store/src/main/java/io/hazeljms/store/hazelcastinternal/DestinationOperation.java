package io.hazeljms.store.hazelcastinternal;

import com.hazelcast.internal.nio.IOUtil;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.services.ObjectNamespace;
import com.hazelcast.internal.services.ServiceNamespaceAware;
import com.hazelcast.map.impl.MapService;
import com.hazelcast.map.impl.record.Record;
import com.hazelcast.map.impl.recordstore.RecordStore;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.spi.impl.operationservice.PartitionAwareOperation;
import com.hazelcast.spi.impl.operationservice.WaitNotifyKey;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreConfig;
import io.hazeljms.store.StoreSerializers;

import java.io.IOException;
import java.util.Map;

/**
 * Base of the store's own partition operations: they work on the same live {@link DestinationState} the entry
 * processors see (the destinations map keeps OBJECT values), on the partition thread that owns it, but skip
 * the entry-processor machinery, and can park (a claim waiting for a message) the way an {@code IQueue} poll
 * does. They run only for a destination that exists; creating one stays with the entry processors.
 *
 * <p>They belong to the map's service namespace, so their backups count in the map's replica versions and a
 * missed backup is repaired by the map's own anti-entropy.
 */
abstract class DestinationOperation extends Operation
        implements IdentifiedDataSerializable, PartitionAwareOperation, ServiceNamespaceAware {

    /** The destination's key; after deserialization decoded only when asked for ({@link #key()}). */
    private String key;
    /**
     * The key as Hazelcast data, which is what travels: the owner looks the record up by it, so sending it
     * spares serializing the key again on every member an operation runs on.
     */
    private Data keyData;

    DestinationOperation() {
    }

    DestinationOperation(String key) {
        this.key = key;
    }

    /** The live state on this replica, or null when the destination does not exist (here). */
    final DestinationState state() {
        Record<?> record = record();
        return record == null ? null : (DestinationState) record.getValue();
    }

    /** The state as a map entry, so entry processors (backup processors in particular) can run on it directly. */
    final Map.Entry<String, DestinationState> entry() {
        Record<?> record = record();
        return record == null ? null : new LiveEntry(this, record);
    }

    /** What claims parked on this destination without selector wait on, and what changes to it notify. */
    final WaitNotifyKey waitKey() {
        return waitKey("");
    }

    /** What claims parked on this destination with {@code selector} ("" for none) wait on. */
    final WaitNotifyKey waitKey(String selector) {
        return new DestinationWaitKey(key(), selector);
    }

    final String key() {
        if (key == null) {
            key = getNodeEngine().toObject(keyData);
        }
        return key;
    }

    final Data keyData() {
        if (keyData == null) {
            keyData = getNodeEngine().toData(key);
        }
        return keyData;
    }

    final DestinationOperation keyData(Data data) {
        keyData = data;
        return this;
    }

    private Record<?> record() {
        MapService mapService = getNodeEngine().getService(MapService.SERVICE_NAME);
        RecordStore<?> store = mapService.getMapServiceContext()
                .getExistingRecordStore(getPartitionId(), StoreConfig.DESTINATIONS_MAP);
        return store == null ? null : store.getRecord(keyData());
    }

    @Override
    public String getServiceName() {
        return MapService.SERVICE_NAME;
    }

    @Override
    public ObjectNamespace getServiceNamespace() {
        return MapService.getObjectNamespace(StoreConfig.DESTINATIONS_MAP);
    }

    @Override
    public int getFactoryId() {
        return StoreSerializers.MEMBER_OPERATIONS_FACTORY_ID;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        IOUtil.writeData(out, keyData());
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        keyData = IOUtil.readData(in);
    }

    /** A record seen as a map entry; setValue replaces the record's value (OBJECT format: the object itself). */
    private record LiveEntry(DestinationOperation op, Record<?> record) implements Map.Entry<String, DestinationState> {

        @Override
        public String getKey() {
            return op.key();
        }

        @Override
        public DestinationState getValue() {
            return (DestinationState) record.getValue();
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public DestinationState setValue(DestinationState value) {
            DestinationState old = getValue();
            if (value != old && value != null) {
                ((Record) record).setValue(value);
            }
            return old;
        }
    }
}
