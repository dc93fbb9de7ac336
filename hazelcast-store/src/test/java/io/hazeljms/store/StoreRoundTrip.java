package io.hazeljms.store;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;

import java.util.UUID;
import java.util.function.Function;

/**
 * One send and one receive through a {@link Broker}, on a client of the named cluster or on a member of a cluster
 * of its own (input {@code "member"}). Answers the received message's id. {@link MemberOperationsLoadingTest}
 * runs it inside a class loader that records which of our classes it loads.
 */
public final class StoreRoundTrip implements Function<String, String> {

    @Override
    public String apply(String clusterName) {
        if (clusterName.equals("member")) {
            try (TestCluster cluster = TestCluster.start(1)) {
                return roundTrip(new Broker(cluster.member(0), DestinationSettings.defaults(), MemberOperations.AUTO));
            }
        }
        ClientConfig config = new ClientConfig();
        config.setClusterName(clusterName);
        config.setClassLoader(StoreRoundTrip.class.getClassLoader());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setAddresses(TestCluster.memberList());
        HazelcastInstance client = HazelcastClient.newHazelcastClient(StoreConfig.applyTo(config));
        try {
            return roundTrip(new Broker(client, DestinationSettings.defaults(), MemberOperations.AUTO));
        } finally {
            client.shutdown();
        }
    }

    private static String roundTrip(Broker broker) {
        DestinationKey queue = DestinationKey.queue("round-trip-" + UUID.randomUUID());
        broker.messages().send(queue, BrokerTest.message("m", 4));
        LeaseOwner owner = new LeaseOwner(broker.nodeId(), "conn", "session");
        try (Messages.Watch watch = broker.messages().watch(queue)) {
            StoredMessage m = broker.messages().receive(watch, null, owner, 10_000, () -> false);
            return m == null ? "(none)" : m.messageId();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
