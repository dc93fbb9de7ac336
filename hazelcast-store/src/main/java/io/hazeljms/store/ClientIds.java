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

    ClientIds(HazelcastInstance hz) {
        this.hz = hz;
        this.holders = hz.getMap(StoreConfig.CLIENT_IDS_MAP);
    }

    /** Reserves a JMS client ID cluster-wide for one connection; false when another connection has it. */
    public boolean reserve(String clientId, LeaseOwner connection) {
        String holder = holder(connection);
        String previous = holders.putIfAbsent(clientId, holder);
        if (previous == null || previous.equals(holder)) {
            return true;
        }
        // a member that left the cluster holds nothing, even before departure handling has run
        return isDepartedMember(previous.substring(0, previous.indexOf('/')))
                && holders.replace(clientId, previous, holder);
    }

    public void release(String clientId, LeaseOwner connection) {
        holders.remove(clientId, holder(connection));
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
