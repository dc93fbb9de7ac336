package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.store.Broker;
import io.hazeljms.store.PreparedTransaction;
import jakarta.jms.JMSException;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The XA face of one session. Branches are shared by every resource of the node (a transaction manager may
 * end a branch on one resource and commit it on another of the same resource manager); prepared branches are
 * kept in the cluster ({@link Broker#recordPrepared}) so that {@link #recover} lists them after a restart.
 *
 * <p>States: start → ACTIVE; end → IDLE (or ROLLBACK_ONLY with TMFAIL); prepare → PREPARED (or read-only when
 * the branch did nothing); commit/rollback → gone. One-phase commit applies the work directly.
 */
public final class HazelcastXAResource implements XAResource {

    private static final String BRANCHES_KEY = "hazeljms.xa-branches";

    private final HazelcastSession session;
    private final Map<String, XaBranch> branches;
    private XaBranch current;
    private int timeoutSeconds;

    HazelcastXAResource(HazelcastSession session) {
        this.session = session;
        this.branches = branchesOf(session.connection().broker());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, XaBranch> branchesOf(Broker broker) {
        ConcurrentMap<String, Object> context = broker.hazelcast().getUserContext();
        return (Map<String, XaBranch>) context.computeIfAbsent(BRANCHES_KEY, k -> new ConcurrentHashMap<String, XaBranch>());
    }

    private Broker broker() {
        return session.connection().broker();
    }

    /** Whether a transaction branch is active on this resource now (its session's work belongs to it). */
    public synchronized boolean isInTransaction() {
        return current != null;
    }

    @Override
    public synchronized void start(Xid xid, int flags) throws XAException {
        String key = XidCodec.encode(xid);
        if (current != null) {
            throw error(XAException.XAER_PROTO, ProviderError.XA_ALREADY_IN_BRANCH.text(key, current.xid));
        }
        XaBranch branch;
        if (flags == TMNOFLAGS) {
            branch = new XaBranch(key);
            if (branches.putIfAbsent(key, branch) != null) {
                throw error(XAException.XAER_DUPID, ProviderError.XA_BRANCH_EXISTS.text(key));
            }
        } else if (flags == TMJOIN || flags == TMRESUME) {
            branch = known("start", key);
            synchronized (branch) {
                // joining is allowed while other resources of this RM are active in the branch (XA 3.3)
                if (branch.state == XaBranch.State.PREPARED || (flags == TMRESUME && branch.state != XaBranch.State.IDLE)) {
                    throw error(XAException.XAER_PROTO, ProviderError.XA_JOIN_REFUSED.text(key, branch.state));
                }
                if (branch.state == XaBranch.State.IDLE) {
                    branch.state = XaBranch.State.ACTIVE;
                }
            }
        } else {
            throw error(XAException.XAER_INVAL, ProviderError.XA_START_FLAGS_INVALID.text(key));
        }
        branch.associated.add(this);
        current = branch;
    }

    @Override
    public synchronized void end(Xid xid, int flags) throws XAException {
        String key = XidCodec.encode(xid);
        XaBranch branch = known("end", key);
        if (branch != current) {
            throw error(XAException.XAER_PROTO, ProviderError.XA_END_NOT_ACTIVE.text(key));
        }
        synchronized (branch) {
            branch.work.add(session.takeTransactionWork());
            branch.associated.remove(this);
            current = null;
            if (flags == TMFAIL) {
                branch.state = XaBranch.State.ROLLBACK_ONLY;
            } else if (branch.associated.isEmpty() && branch.state == XaBranch.State.ACTIVE) {
                branch.state = XaBranch.State.IDLE;
            }
        }
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        String key = XidCodec.encode(xid);
        XaBranch branch = known("prepare", key);
        synchronized (branch) {
            if (branch.state == XaBranch.State.ROLLBACK_ONLY) {
                discard(branch);
                throw error(XAException.XA_RBROLLBACK, ProviderError.XA_ROLLBACK_ONLY.text("prepare " + key));
            }
            if (branch.state != XaBranch.State.IDLE) {
                throw error(XAException.XAER_PROTO, ProviderError.XA_PREPARE_NOT_ENDED.text(key, branch.state));
            }
            if (branch.isEmpty()) {
                branches.remove(key);
                return XA_RDONLY;
            }
            try {
                // a prepared branch must commit: it votes no now if a destination has no room for its sends
                MessageStoring.awaitRoom(broker(), session.connection().backlogPolicy(),
                        TransactionWork.sendsByDestination(branch.work));
            } catch (JMSException e) {
                discard(branch);
                throw error(XAException.XA_RBOTHER, ProviderError.XA_PREPARE_REFUSED.text(key, e.getMessage()), e);
            }
            try {
                // recorded first: a node that dies before handing its leases over leaves a branch that recover()
                // lists and the transaction manager rolls back, never messages leased to a branch nobody knows
                broker().recordPrepared(new PreparedTransaction(key, TransactionWork.sendsOf(branch.work),
                        TransactionWork.acknowledgementsOf(branch.work, key)));
                branch.work.forEach(w -> w.handOverLeases(broker(), key));
            } catch (RuntimeException e) {
                throw error(XAException.XAER_RMFAIL, ProviderError.STORE_CALL_FAILED.text("prepare " + key, e), e);
            }
            branch.state = XaBranch.State.PREPARED;
            return XA_OK;
        }
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        String key = XidCodec.encode(xid);
        XaBranch branch = branches.get(key);
        if (onePhase) {
            if (branch == null) {
                throw error(XAException.XAER_NOTA, ProviderError.XA_UNKNOWN_BRANCH.text("commit " + key));
            }
            synchronized (branch) {
                if (branch.state == XaBranch.State.ROLLBACK_ONLY) {
                    discard(branch);
                    throw error(XAException.XA_RBROLLBACK, ProviderError.XA_ROLLBACK_ONLY.text("commit " + key));
                }
                if (branch.state != XaBranch.State.IDLE) {
                    throw error(XAException.XAER_PROTO, ProviderError.XA_ONE_PHASE_NOT_ENDED.text(key, branch.state));
                }
                try {
                    TransactionWork.commitAll(broker(), session.connection().backlogPolicy(), branch.work);
                } catch (CommitInDoubtException e) {
                    branches.remove(key); // recorded: it takes effect whole, nothing to roll back
                    throw error(XAException.XAER_RMFAIL, ProviderError.XA_COMMIT_IN_DOUBT.text(key, e.getMessage()), e);
                } catch (JMSException | RuntimeException e) {
                    discard(branch);
                    throw error(XAException.XA_RBOTHER, ProviderError.XA_COMMIT_ROLLED_BACK.text(key, e), e);
                }
                branches.remove(key);
            }
            return;
        }
        if (branch != null && branch.state != XaBranch.State.PREPARED) {
            throw error(XAException.XAER_PROTO, ProviderError.XA_TWO_PHASE_NOT_PREPARED.text(key, branch.state));
        }
        try {
            if (!broker().commitPrepared(key)) {
                throw error(XAException.XAER_NOTA, ProviderError.XA_NOT_PREPARED_IN_CLUSTER.text(key));
            }
        } catch (RuntimeException e) {
            throw error(XAException.XAER_RMFAIL, ProviderError.STORE_CALL_FAILED.text("commit " + key, e), e);
        }
        branches.remove(key);
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        String key = XidCodec.encode(xid);
        XaBranch branch = branches.get(key);
        try {
            if (branch == null || branch.state == XaBranch.State.PREPARED) {
                if (!broker().rollbackPrepared(key) && branch == null) {
                    throw error(XAException.XAER_NOTA, ProviderError.XA_UNKNOWN_BRANCH.text("rollback " + key));
                }
                branches.remove(key);
                return;
            }
            synchronized (this) {
                if (branch == current) { // rolled back while still active: take its work first
                    branch.work.add(session.takeTransactionWork());
                    current = null;
                }
            }
            discard(branch);
        } catch (RuntimeException e) {
            throw error(XAException.XAER_RMFAIL, ProviderError.STORE_CALL_FAILED.text("rollback " + key, e), e);
        }
    }

    private void discard(XaBranch branch) {
        branch.work.forEach(w -> w.rollback(broker()));
        branches.remove(branch.xid);
    }

    @Override
    public void forget(Xid xid) throws XAException {
        String key = XidCodec.encode(xid);
        if (branches.remove(key) == null && !broker().preparedXids().contains(key)) {
            throw error(XAException.XAER_NOTA, ProviderError.XA_UNKNOWN_BRANCH.text("forget " + key));
        }
        // no heuristic decisions are ever taken, so there is nothing else to forget
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        if ((flag & ~(TMSTARTRSCAN | TMENDRSCAN)) != 0) {
            throw error(XAException.XAER_INVAL, ProviderError.XA_RECOVER_FLAGS_INVALID.text());
        }
        if ((flag & TMSTARTRSCAN) == 0) {
            return new Xid[0]; // everything was returned by the scan's start
        }
        try {
            return broker().preparedXids().stream().map(XidCodec::decode).toArray(Xid[]::new);
        } catch (RuntimeException e) {
            throw error(XAException.XAER_RMFAIL, ProviderError.STORE_CALL_FAILED.text("recover", e), e);
        }
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return other instanceof HazelcastXAResource o && o.broker().clusterId().equals(broker().clusterId());
    }

    @Override
    public int getTransactionTimeout() {
        return timeoutSeconds;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        timeoutSeconds = seconds;
        return true;
    }

    private XaBranch known(String operation, String key) throws XAException {
        XaBranch branch = branches.get(key);
        if (branch == null) {
            throw error(XAException.XAER_NOTA, ProviderError.XA_UNKNOWN_BRANCH.text(operation + " " + key));
        }
        return branch;
    }

    private static XAException error(int code, String message) {
        XAException e = new XAException(message);
        e.errorCode = code;
        return e;
    }

    private static XAException error(int code, String message, Throwable cause) {
        XAException e = error(code, message);
        e.initCause(cause);
        return e;
    }
}
