package io.hazeljms.store;

import com.hazelcast.cluster.Address;
import com.hazelcast.config.TcpIpConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Spares a member that is alone the TCP/IP join's wait. With peers listed, Hazelcast's first join round asks
 * them who leads and then waits a fixed second for an answer, even when every listed port refused the
 * connection at once; only in the next round does the member see them all refused and lead a cluster of its
 * own. This listener runs when the member is {@code STARTING}: its port is bound, its join not yet begun. If
 * every listed address is on this machine and none but its own accepts a connection, the member joins with
 * itself as the only listed member (no round, no wait); the full list is put back once it has {@code STARTED},
 * for Hazelcast's later searches for other clusters.
 * <p>
 * Peers are not missed: each member binds its port before it probes, so of two members starting at the same
 * instant at least one finds the other's port open and joins through the full list. A list that names another
 * host, or an entry without a port, keeps Hazelcast's own join (a remote host cannot be told apart from a slow
 * one in a short probe). The member list is read from the configuration when the join begins (Hazelcast 5.3
 * and 5.7); were it read earlier, the member would simply join as before. One configuration object shared by
 * members that start at once shares this listener too: each then finds a bound port (its own or the other's) and
 * joins as before.
 */
final class LoneMemberStart implements LifecycleListener, HazelcastInstanceAware {

    private static final Logger LOG = Logger.getLogger(LoneMemberStart.class.getName());
    /** Per local address: a closed local port refuses at once, so this only bounds a machine that stalls. */
    private static final int PROBE_TIMEOUT_MILLIS = 200;

    private final TcpIpConfig tcpIp;
    /** The configured list while it is replaced; null otherwise. */
    private List<String> listed;
    private HazelcastInstance hz;

    LoneMemberStart(TcpIpConfig tcpIp) {
        this.tcpIp = tcpIp;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.hz = instance;
    }

    @Override
    public void stateChanged(LifecycleEvent event) {
        if (event.getState() == LifecycleEvent.LifecycleState.STARTING && hz != null) {
            Address self = hz.getCluster().getLocalMember().getAddress();
            List<String> members = List.copyOf(tcpIp.getMembers());
            if (aloneAmongLocal(members, self)) {
                LOG.fine(() -> "no listed peer of " + self + " answers: joining without the TCP/IP join round");
                listed = members;
                tcpIp.setMembers(List.of(self.getHost() + ":" + self.getPort()));
            }
        } else if (event.getState() == LifecycleEvent.LifecycleState.STARTED && listed != null) {
            tcpIp.setMembers(new ArrayList<>(listed));
            listed = null;
        }
    }

    /** True if every listed address other than this member's is a port on this machine that refuses. */
    private static boolean aloneAmongLocal(List<String> members, Address self) {
        try {
            for (String entry : members) {
                Optional<InetSocketAddress> address = localAddress(entry);
                if (address.isEmpty()) {
                    return false;
                }
                InetSocketAddress peer = address.get();
                boolean own = peer.getPort() == self.getPort() && peer.getAddress().equals(self.getInetAddress());
                if (!own && answers(peer)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "member list probe failed; joining through the list", e);
            return false;
        }
    }

    /** "ip:port" (or "[ipv6]:port") naming an address of this machine; empty for anything else. */
    static Optional<InetSocketAddress> localAddress(String entry) throws SocketException {
        String value = entry.trim();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || value.indexOf(':') != colon && !value.startsWith("[")) {
            return Optional.empty();
        }
        String host = value.substring(0, colon).replace("[", "").replace("]", "");
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (!isIpLiteral(host)) {
            return Optional.empty(); // a host name would need a lookup, which may hang
        }
        InetAddress ip;
        try {
            ip = InetAddress.getByName(host);
        } catch (IOException e) {
            return Optional.empty();
        }
        boolean local = ip.isLoopbackAddress() || NetworkInterface.getByInetAddress(ip) != null;
        return local ? Optional.of(new InetSocketAddress(ip, port)) : Optional.empty();
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":") && host.matches("[0-9a-fA-F:.%\\w]+");
    }

    /** A refusal is the only "no": a local port that lets the probe time out may be a member that is busy. */
    private static boolean answers(InetSocketAddress peer) {
        try (Socket socket = new Socket()) {
            socket.connect(peer, PROBE_TIMEOUT_MILLIS);
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException other) {
            return true;
        }
    }
}
