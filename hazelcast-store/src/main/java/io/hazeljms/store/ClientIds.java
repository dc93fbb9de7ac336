package io.hazeljms.store;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/**
 * The client-ID part of the store ({@link Broker#clientIds()}): a JMS client ID is held by one connection in
 * the whole cluster ({@link StoreConfig#CLIENT_IDS_MAP}, client ID to {@code node/connection}).
 */
public final class ClientIds {

    private final HazelcastInstance hz;
    private final IMap<String, String> holders;
    private final StoreCalls calls;

    /** @param calls carry each call over a member lost meanwhile: each is idempotent for the same holder */
    ClientIds(HazelcastInstance hz, StoreCalls calls) {
        this.hz = hz;
        this.holders = hz.getMap(StoreConfig.CLIENT_IDS_MAP);
        this.calls = calls;
    }

    /** Reserves a JMS client ID cluster-wide for one connection; false when another connection has it. */
    public boolean reserve(String clientId, LeaseOwner connection) {
        String holder = holder(connection);
        String previous = calls.callBlocking("reserve client ID", clientId,
                () -> holders.putIfAbsent(clientId, holder));
        if (previous == null || previous.equals(holder)) {
            return true;
        }
        // a member that left the cluster holds nothing, even before departure handling has run
        if (!isDepartedMember(previous.substring(0, previous.indexOf('/')))) {
            return false;
        }
        // a retried replace finds this holder's own value where the first one took effect
        return calls.callBlocking("take over client ID", clientId,
                () -> holders.replace(clientId, previous, holder) || holder.equals(holders.get(clientId)));
    }

    public void release(String clientId, LeaseOwner connection) {
        String holder = holder(connection);
        calls.callBlocking("release client ID", clientId, () -> holders.remove(clientId, holder));
    }

    private static String holder(LeaseOwner connection) {
        return connection.nodeId() + "/" + connection.connectionId();
    }

    private boolean isDepartedMember(String nodeId) {
        if (!(hz.getLocalEndpoint() instanceof Member)) {
            return false; // a client cannot tell; departure handling on the members frees it
        }
        boolean member = hz.getCluster().getMembers().stream().anyMatch(m -> m.getUuid().toString().equals(nodeId));
        boolean client = hz.getClientService().getConnectedClients().stream()
                .anyMatch(c -> c.getUuid().toString().equals(nodeId));
        return !member && !client;
    }
}
