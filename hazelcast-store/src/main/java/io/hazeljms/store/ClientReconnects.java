package io.hazeljms.store;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.core.LifecycleListener;
import io.hazeljms.store.durable.DurableStore;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Hazelcast client's broker that lost its cluster and reconnected, perhaps to a cluster restarted meanwhile (the
 * client cannot tell through the public API): that cluster may know nothing of the store this broker checked and
 * loaded at its start, or may have declared the client departed and deleted its node mark. So the broker does
 * what a starting broker does: the one-store check ({@link StoreIdentityCheck}), then, with a store, the recovery
 * ({@link Recovery}: nothing if the cluster's store is loaded; this node loads it if no broker of a restarted
 * cluster has) and its node mark. From the disconnection until that ends, sends wait at the {@link RestartGate}; a
 * refused check refuses them for good.
 */
final class ClientReconnects implements LifecycleListener {

    private static final Logger LOG = Logger.getLogger(ClientReconnects.class.getName());

    private final Broker broker;
    private final DurableStore store;
    private final StoreCalls calls;
    private final RestartGate gate;
    /** The check the gate waits for, from the disconnection on; null while connected. */
    private CompletableFuture<Void> check;

    private ClientReconnects(Broker broker, DurableStore store, StoreCalls calls, RestartGate gate) {
        this.broker = broker;
        this.store = store;
        this.calls = calls;
        this.gate = gate;
    }

    /** Watches a client's lifecycle; null on a member, which does not outlive its cluster. */
    static UUID watch(Broker broker, DurableStore store, StoreCalls calls, RestartGate gate) {
        HazelcastInstance hz = broker.hazelcast();
        if (hz.getLocalEndpoint() instanceof Member) {
            return null;
        }
        return hz.getLifecycleService().addLifecycleListener(new ClientReconnects(broker, store, calls, gate));
    }

    @Override
    public void stateChanged(LifecycleEvent event) {
        if (event.getState() == LifecycleState.CLIENT_DISCONNECTED) {
            pending();
        } else if (event.getState() == LifecycleState.CLIENT_CONNECTED) {
            CompletableFuture<Void> reconnected = pending();
            synchronized (this) {
                check = null;
            }
            // the recovery may wait minutes for another loader: not on the client's own thread
            Thread checking = new Thread(() -> recheck(reconnected), "hazeljms-client-reconnected");
            checking.setDaemon(true);
            checking.start();
        } else if (event.getState() == LifecycleState.SHUTTING_DOWN) {
            CompletableFuture<Void> last;
            synchronized (this) {
                last = check;
                check = null;
            }
            if (last != null) {
                last.complete(null); // sends fail on the client being shut down
            }
        }
    }

    private synchronized CompletableFuture<Void> pending() {
        if (check == null) {
            check = gate.close();
        }
        return check;
    }

    private void recheck(CompletableFuture<Void> reconnected) {
        try {
            StoreIdentityCheck.verify(broker.hazelcast(), store, calls,
                    StoreError.CLIENT_STORE_NOT_THE_RESTARTED_CLUSTERS);
            if (store != null) {
                Recovery.ensure(broker, store);
                store.nodeStarted(broker.nodeId());
            }
            LOG.info(StoreError.CLIENT_RECONNECTED.text(broker.nodeId(),
                    store == null ? "off (memory only)" : store.description()));
            reconnected.complete(null);
        } catch (DurableStoreMismatchException e) {
            LOG.severe(e.getMessage());
            reconnected.completeExceptionally(e);
        } catch (RuntimeException e) {
            // lost again, or shutting down: the next connection checks again; sends go on meanwhile
            LOG.log(Level.WARNING, StoreError.CLIENT_RECHECK_FAILED.text(e), e);
            reconnected.complete(null);
        }
    }
}
