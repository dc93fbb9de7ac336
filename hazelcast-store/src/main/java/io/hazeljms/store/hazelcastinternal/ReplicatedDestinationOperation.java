package io.hazeljms.store.hazelcastinternal;

import com.hazelcast.config.MapConfig;
import com.hazelcast.map.EntryProcessor;
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
        return backupCounts()[0];
    }

    @Override
    public int getAsyncBackupCount() {
        return backupCounts()[1];
    }

    @Override
    public Operation getBackupOperation() {
        return new ReplayOnBackupOperation(keyData(), backupProcessor);
    }

    /**
     * The destinations map's sync and async backup counts, read from its public configuration once per member
     * (Hazelcast's map container changed from a class to an interface in 5.7, which a build against 5.3 cannot
     * call).
     */
    private int[] backupCounts() {
        return (int[]) getNodeEngine().getHazelcastInstance().getUserContext().computeIfAbsent(BACKUP_COUNTS_KEY,
                k -> {
                    MapConfig config = getNodeEngine().getConfig().findMapConfig(StoreConfig.DESTINATIONS_MAP);
                    return new int[] {config.getBackupCount(), config.getAsyncBackupCount()};
                });
    }

    private static final String BACKUP_COUNTS_KEY = "hazeljms.destination-backup-counts";
}
