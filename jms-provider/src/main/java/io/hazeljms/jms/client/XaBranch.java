package io.hazeljms.jms.client;

import java.util.ArrayList;
import java.util.List;

/** One transaction branch on this node: its state and the work sessions did in it. */
final class XaBranch {

    enum State { ACTIVE, IDLE, ROLLBACK_ONLY, PREPARED }

    final String xid;
    State state = State.ACTIVE;
    /** Resources whose sessions are doing the branch's work now; TMJOIN adds one (ACTIVE while any is). */
    final java.util.Set<HazelcastXAResource> associated = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final List<TransactionWork> work = new ArrayList<>();

    XaBranch(String xid) {
        this.xid = xid;
    }

    boolean isEmpty() {
        return work.stream().allMatch(TransactionWork::isEmpty);
    }
}
