package io.hazeljms.store.operation;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.impl.MapContainer;
import com.hazelcast.map.impl.MapService;
import com.hazelcast.spi.impl.operationservice.BackupAwareOperation;
import com.hazelcast.spi.impl.operationservice.Operation;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreConfig;

/**
 * A primary operation whose change is replayed on the map's backups, synchronously or not as the map is
 * configured, by the backup processor it leaves behind (none: nothing changed, no backup traffic).
 */
abstract class ReplicatedDestinationOperation extends DestinationOperation implements BackupAwareOperation {

    /** Set by {@code run}: what the backups must replay. */
    protected transient EntryProcessor<String, DestinationState, ?> backupProcessor;

    ReplicatedDestinationOperation() {
    }

    ReplicatedDestinationOperation(String key) {
        super(key);
    }

    @Override
    public boolean shouldBackup() {
        return backupProcessor != null;
    }

    @Override
    public int getSyncBackupCount() {
        return mapContainer().getBackupCount();
    }

    @Override
    public int getAsyncBackupCount() {
        return mapContainer().getAsyncBackupCount();
    }

    @Override
    public Operation getBackupOperation() {
        return new ReplayOnBackupOperation(keyData(), backupProcessor);
    }

    private MapContainer mapContainer() {
        MapService mapService = getNodeEngine().getService(MapService.SERVICE_NAME);
        return mapService.getMapServiceContext().getMapContainer(StoreConfig.DESTINATIONS_MAP);
    }
}
