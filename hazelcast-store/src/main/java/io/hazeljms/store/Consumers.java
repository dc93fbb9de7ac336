package io.hazeljms.store;

import com.hazelcast.map.IMap;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How many consumers each queue or subscription has, cluster-wide, for management. Each node counts its own and
 * publishes them as one entry of {@link StoreConfig#CONSUMERS_MAP} (node id to address key to count), rewritten
 * when a consumer of this node opens or closes; the entry goes with the node (its {@link Broker#close}, or the
 * departure handling of a node that died). Reading sums the entries: one call, bounded by the number of nodes.
 * Only consumers count (their watches are opened with {@link Messages#consumerWatch}), not producers waiting for
 * room. Counting never fails a consumer: a write that fails is logged and corrected by the next one.
 */
final class Consumers {

    private static final Logger LOG = Logger.getLogger(Consumers.class.getName());

    private final IMap<String, HashMap<String, Integer>> map;
    private final String nodeId;
    private final HashMap<String, Integer> mine = new HashMap<>();

    Consumers(IMap<String, HashMap<String, Integer>> map, String nodeId) {
        this.map = map;
        this.nodeId = nodeId;
    }

    synchronized void opened(Address address) {
        mine.merge(address.toString(), 1, Integer::sum);
        publish();
    }

    synchronized void closed(Address address) {
        mine.computeIfPresent(address.toString(), (k, n) -> n <= 1 ? null : n - 1);
        publish();
    }

    private void publish() {
        try {
            if (mine.isEmpty()) {
                map.delete(nodeId);
            } else {
                map.set(nodeId, new HashMap<>(mine));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "consumer counts of node " + nodeId + " not published", e);
        }
    }

    /** Consumers per address ({@link Address#toString}: `queue:orders`, `topic:prices#sub`), summed over every node. */
    Map<String, Integer> all() {
        Map<String, Integer> sums = new HashMap<>();
        for (HashMap<String, Integer> counts : map.values()) {
            counts.forEach((k, n) -> sums.merge(k, n, Integer::sum));
        }
        return sums;
    }

    /** This node stops: its consumers are gone. */
    synchronized void forget() {
        mine.clear();
        try {
            map.delete(nodeId);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "consumer counts of node " + nodeId + " not deleted", e);
        }
    }
}
