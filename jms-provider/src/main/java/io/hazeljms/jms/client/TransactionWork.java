package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.config.BacklogPolicy;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.store.Address;
import io.hazeljms.store.Broker;
import io.hazeljms.store.LeaseOwner;
import io.hazeljms.store.PreparedTransaction;
import io.hazeljms.store.StoredMessage;
import io.hazeljms.store.CommitInDoubt;
import io.hazeljms.store.CommitRecord;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one session did inside a transaction branch: messages to send and messages received under its lease.
 * Taken out of the session when the branch ends, so the session is free for other work; applied, prepared or
 * discarded later by the branch.
 */
record TransactionWork(List<HazelcastSession.PendingSend> sends, List<Delivery> deliveries, LeaseOwner owner) {

    boolean isEmpty() {
        return sends.isEmpty() && deliveries.isEmpty();
    }

    /** Commit: the sends are stored (per destination, in order) and the receives acknowledged, all or nothing. */
    void commit(Broker broker, BacklogPolicy policy) throws JMSException {
        commitAll(broker, policy, List.of(this));
    }

    /**
     * Commits the work of one or more sessions (an XA branch that several resources joined) all or nothing.
     * Sends to one destination with nothing received are one store call, under the destination's limits and
     * the backlog policy. Anything wider is the broker's recorded commit: a survivor finishes it if this node
     * dies midway, and no limit refuses it half-way.
     *
     * @throws CommitInDoubtException when the commit was recorded but could not be applied yet; it is completed
     *         later, so the work must not be rolled back
     */
    static void commitAll(Broker broker, BacklogPolicy policy, List<TransactionWork> works) throws JMSException {
        Map<HazelcastDestination, List<StoredMessage>> byDestination = sendsByDestination(works);
        List<CommitRecord.Acknowledgement> acks = new ArrayList<>();
        for (TransactionWork w : works) {
            Delivery.byAddress(w.deliveries()).forEach((address, ids) ->
                    acks.add(new CommitRecord.Acknowledgement(address, ids, w.owner())));
        }
        if (acks.isEmpty() && byDestination.size() <= 1) {
            for (Map.Entry<HazelcastDestination, List<StoredMessage>> e : byDestination.entrySet()) {
                MessageStoring.store(broker, policy, e.getKey(), e.getValue());
            }
            return;
        }
        MessageStoring.awaitRoom(broker, policy, byDestination); // refused before anything is recorded
        for (HazelcastDestination d : byDestination.keySet()) {
            if (d.isTemporary() && !broker.administration().exists(d.key())) {
                throw new InvalidDestinationException(ProviderError.TEMPORARY_DELETED.text(d.getName()));
            }
        }
        try {
            broker.transactions().commit(sendsOf(works), acks);
        } catch (CommitInDoubt e) {
            throw new CommitInDoubtException(e);
        } catch (RuntimeException e) {
            throw JmsExceptions.wrap("commit", e);
        }
    }

    /** Rollback: the sends vanish, the receives are redelivered. */
    void rollback(Broker broker) {
        Delivery.byAddress(deliveries).forEach((address, ids) -> broker.messages().release(address, ids, owner, true));
    }

    /** Prepare: the receives become leased to the branch, so no departure can release them. */
    void handOverLeases(Broker broker, String xid) {
        LeaseOwner branchOwner = PreparedTransaction.owner(xid);
        Delivery.byAddress(deliveries).forEach((address, ids) -> broker.transactions().reassignLeases(address, ids, owner, branchOwner));
    }

    /** The sends of several sessions' work, per destination in send order (what a prepare must find room for). */
    static Map<HazelcastDestination, List<StoredMessage>> sendsByDestination(List<TransactionWork> works) {
        Map<HazelcastDestination, List<StoredMessage>> byDestination = new LinkedHashMap<>();
        for (TransactionWork w : works) {
            for (HazelcastSession.PendingSend s : w.sends()) {
                byDestination.computeIfAbsent(s.destination(), d -> new ArrayList<>()).add(s.message());
            }
        }
        return byDestination;
    }

    static List<StoredMessage> sendsOf(List<TransactionWork> works) {
        List<StoredMessage> all = new ArrayList<>();
        for (TransactionWork w : works) {
            for (HazelcastSession.PendingSend s : w.sends()) {
                all.add(s.message().destination(s.destination().encode()));
            }
        }
        return all;
    }

    /** The receives of several sessions' work, each leased to the prepared branch {@code xid}. */
    static List<CommitRecord.Acknowledgement> acknowledgementsOf(List<TransactionWork> works, String xid) {
        LeaseOwner branchOwner = PreparedTransaction.owner(xid);
        List<CommitRecord.Acknowledgement> all = new ArrayList<>();
        for (TransactionWork w : works) {
            for (Map.Entry<Address, List<String>> e : Delivery.byAddress(w.deliveries()).entrySet()) {
                all.add(new CommitRecord.Acknowledgement(e.getKey(), e.getValue(), branchOwner));
            }
        }
        return all;
    }
}
