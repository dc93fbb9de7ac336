package io.hazeljms.store;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.hazeljms.store.processor.AckProcessor;
import io.hazeljms.store.processor.BrowseProcessor;
import io.hazeljms.store.processor.ClaimBackupProcessor;
import io.hazeljms.store.processor.ClaimProcessor;
import io.hazeljms.store.processor.CreateDestinationProcessor;
import io.hazeljms.store.processor.ActiveSubscriptionProcessor;
import io.hazeljms.store.processor.DetachProcessor;
import io.hazeljms.store.processor.SubscribeProcessor;
import io.hazeljms.store.processor.UnsubscribeProcessor;
import io.hazeljms.store.processor.EnqueueProcessor;
import io.hazeljms.store.processor.PurgeProcessor;
import io.hazeljms.store.processor.ReassignLeaseProcessor;
import io.hazeljms.store.processor.ReleaseOwnerProcessor;
import io.hazeljms.store.processor.ReleaseProcessor;
import io.hazeljms.store.processor.RestoreProcessor;
import io.hazeljms.store.processor.DurableReceiversProcessor;
import io.hazeljms.store.processor.RememberedSendIdsProcessor;
import io.hazeljms.store.processor.UnheldRowsProcessor;
import io.hazeljms.store.processor.RoomProcessor;
import io.hazeljms.store.processor.SettingsProcessor;
import io.hazeljms.store.processor.StatsProcessor;
import io.hazeljms.store.processor.MoveInProcessor;
import io.hazeljms.store.processor.SubscriptionsProcessor;
import io.hazeljms.store.processor.UnbindGroupsProcessor;
import io.hazeljms.store.processor.MatchingSelectorsProcessor;
import io.hazeljms.store.processor.AwaitedBackupProcessor;

import java.util.function.Supplier;

/**
 * Every serialization id of the store, in one place. Registered on members and clients by {@link StoreConfig}.
 * The member operations have a factory of their own ({@link #MEMBER_OPERATIONS_FACTORY_ID}), registered on
 * members only, so a client never loads them.
 */
public final class StoreSerializers implements DataSerializableFactory {

    public static final int FACTORY_ID = 0x484A4D53; // "HJMS"
    /** The factory of the member operations ({@code io.hazeljms.store.hazelcastinternal}). */
    public static final int MEMBER_OPERATIONS_FACTORY_ID = 0x484A4D4F; // "HJMO"

    public static final int STORED_MESSAGE = 1;
    public static final int DESTINATION_STATE = 2;
    public static final int DESTINATION_SETTINGS = 3;
    public static final int LEASE = 4;
    public static final int CLAIM_RESULT = 5;
    public static final int ENQUEUE = 10;
    public static final int CLAIM = 11;
    public static final int CLAIM_BACKUP = 12;
    public static final int ACK = 13;
    public static final int RELEASE = 14;
    public static final int RELEASE_OWNER = 15;
    public static final int BROWSE = 16;
    public static final int PURGE = 17;
    public static final int STATS = 18;
    public static final int CREATE_DESTINATION = 19;
    public static final int RELEASE_RESULT = 20;
    public static final int DESTINATION_STATS = 21;
    public static final int SUBSCRIPTION = 22;
    public static final int SUBSCRIBE = 23;
    public static final int DETACH = 24;
    public static final int UNSUBSCRIBE = 25;
    public static final int PREPARED_TRANSACTION = 26;
    public static final int REASSIGN_LEASE = 27;
    // 28-32 were the member operations; their ids are now MEMBER_OPERATIONS_FACTORY_ID's
    public static final int COMMIT_RECORD = 33;
    public static final int ROOM = 34;
    public static final int NODE_COMMITS = 35;
    public static final int NODE_COMMITS_PROCESSOR = 36;
    public static final int SETTINGS = 37;
    public static final int RESTORE = 38;
    public static final int DURABLE_RECEIVERS = 39;
    public static final int ACTIVE_SUBSCRIPTION = 40;
    public static final int MOVE_IN = 41;
    public static final int SUBSCRIPTIONS = 42;
    public static final int SUBSCRIPTION_STATS = 43;
    public static final int UNBIND_GROUPS = 44;
    public static final int UNHELD_ROWS = 45;
    public static final int REMEMBERED_SEND_IDS = 46;
    public static final int MATCHING_SELECTORS = 47;
    public static final int AWAITED_BACKUP = 48;

    private static final int MAX_ID = 48;
    @SuppressWarnings("unchecked")
    private static final Supplier<IdentifiedDataSerializable>[] CONSTRUCTORS = new Supplier[MAX_ID + 1];

    static {
        CONSTRUCTORS[STORED_MESSAGE] = StoredMessage::new;
        CONSTRUCTORS[DESTINATION_STATE] = DestinationState::new;
        CONSTRUCTORS[DESTINATION_SETTINGS] = DestinationSettings::new;
        CONSTRUCTORS[LEASE] = Lease::new;
        CONSTRUCTORS[CLAIM_RESULT] = ClaimResult::new;
        CONSTRUCTORS[ENQUEUE] = EnqueueProcessor::new;
        CONSTRUCTORS[RESTORE] = RestoreProcessor::new;
        CONSTRUCTORS[DURABLE_RECEIVERS] = DurableReceiversProcessor::new;
        CONSTRUCTORS[CLAIM] = ClaimProcessor::new;
        CONSTRUCTORS[CLAIM_BACKUP] = ClaimBackupProcessor::new;
        CONSTRUCTORS[ACK] = AckProcessor::new;
        CONSTRUCTORS[RELEASE] = ReleaseProcessor::new;
        CONSTRUCTORS[RELEASE_OWNER] = ReleaseOwnerProcessor::new;
        CONSTRUCTORS[BROWSE] = BrowseProcessor::new;
        CONSTRUCTORS[PURGE] = PurgeProcessor::new;
        CONSTRUCTORS[STATS] = StatsProcessor::new;
        CONSTRUCTORS[CREATE_DESTINATION] = CreateDestinationProcessor::new;
        CONSTRUCTORS[RELEASE_RESULT] = ReleaseResult::new;
        CONSTRUCTORS[DESTINATION_STATS] = DestinationStats::new;
        CONSTRUCTORS[SUBSCRIPTION] = Subscription::new;
        CONSTRUCTORS[SUBSCRIBE] = SubscribeProcessor::new;
        CONSTRUCTORS[DETACH] = DetachProcessor::new;
        CONSTRUCTORS[ACTIVE_SUBSCRIPTION] = ActiveSubscriptionProcessor::new;
        CONSTRUCTORS[UNSUBSCRIBE] = UnsubscribeProcessor::new;
        CONSTRUCTORS[PREPARED_TRANSACTION] = PreparedTransaction::new;
        CONSTRUCTORS[REASSIGN_LEASE] = ReassignLeaseProcessor::new;
        CONSTRUCTORS[COMMIT_RECORD] = CommitRecord::new;
        CONSTRUCTORS[ROOM] = RoomProcessor::new;
        CONSTRUCTORS[NODE_COMMITS] = NodeCommits::new;
        CONSTRUCTORS[NODE_COMMITS_PROCESSOR] = NodeCommitsProcessor::new;
        CONSTRUCTORS[SETTINGS] = SettingsProcessor::new;
        CONSTRUCTORS[MOVE_IN] = MoveInProcessor::new;
        CONSTRUCTORS[SUBSCRIPTIONS] = SubscriptionsProcessor::new;
        CONSTRUCTORS[SUBSCRIPTION_STATS] = SubscriptionStats::new;
        CONSTRUCTORS[UNBIND_GROUPS] = UnbindGroupsProcessor::new;
        CONSTRUCTORS[UNHELD_ROWS] = UnheldRowsProcessor::new;
        CONSTRUCTORS[REMEMBERED_SEND_IDS] = RememberedSendIdsProcessor::new;
        CONSTRUCTORS[MATCHING_SELECTORS] = MatchingSelectorsProcessor::new;
        CONSTRUCTORS[AWAITED_BACKUP] = AwaitedBackupProcessor::new;
    }

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        if (typeId <= 0 || typeId > MAX_ID || CONSTRUCTORS[typeId] == null) {
            throw new IllegalArgumentException(StoreError.UNKNOWN_TYPE_ID.text(typeId));
        }
        return CONSTRUCTORS[typeId].get();
    }
}
