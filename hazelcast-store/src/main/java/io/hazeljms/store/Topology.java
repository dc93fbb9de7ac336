package io.hazeljms.store;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Changes of the cluster seen from this node: a member joined or left, a client (re)connected. Store calls that
 * failed because an owner was lost wait on it before asking again, and every waiting consumer is woken by it,
 * since events of a lost owner may never come (a client's listener registrations, a primary's awaited mark).
 */
final class Topology implements MembershipListener {

    private final ChangeCounter changes = new ChangeCounter();
    private final CopyOnWriteArrayList<Runnable> onChange = new CopyOnWriteArrayList<>();

    void listenTo(HazelcastInstance hz) {
        hz.getCluster().addMembershipListener(this);
        hz.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.CLIENT_CONNECTED) {
                fire();
            }
        });
    }

    /** Runs {@code action} after every change (on the notifying thread: keep it short). */
    void onChange(Runnable action) {
        onChange.add(action);
    }

    long version() {
        return changes.version();
    }

    void fire() {
        changes.fire();
        onChange.forEach(Runnable::run);
    }

    /** Waits until the cluster changes after {@code seen}, at most {@code timeoutMillis}. */
    void awaitChange(long seen, long timeoutMillis) {
        try {
            changes.awaitChange(seen, timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        fire();
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        fire();
    }
}
