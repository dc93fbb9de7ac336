package io.hazeljms.jms.client;

import io.hazeljms.jms.config.BacklogPolicy;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.store.Address;
import io.hazeljms.store.Broker;
import io.hazeljms.store.LeaseOwner;
import io.hazeljms.store.PreparedTransaction;
import io.hazeljms.store.StoredMessage;
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

    /** Commit: store the sends (per destination, in order), then acknowledge the receives. */
    void commit(Broker broker, BacklogPolicy policy) throws JMSException {
        Map<HazelcastDestination, List<StoredMessage>> byDestination = new LinkedHashMap<>();
        for (HazelcastSession.PendingSend s : sends) {
            byDestination.computeIfAbsent(s.destination(), d -> new ArrayList<>()).add(s.message());
        }
        MessageStoring.storeAll(broker, policy, byDestination); // room for every part first, so all or none
        Delivery.byAddress(deliveries).forEach((address, ids) -> broker.acknowledge(address, ids, owner));
    }

    /** Rollback: the sends vanish, the receives are redelivered. */
    void rollback(Broker broker) {
        Delivery.byAddress(deliveries).forEach((address, ids) -> broker.release(address, ids, owner, true));
    }

    /** Prepare: the receives become leased to the branch, so no departure can release them. */
    void handOverLeases(Broker broker, String xid) {
        LeaseOwner branchOwner = PreparedTransaction.owner(xid);
        Delivery.byAddress(deliveries).forEach((address, ids) -> broker.reassignLeases(address, ids, owner, branchOwner));
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

    static List<PreparedTransaction.Acknowledgement> acknowledgementsOf(List<TransactionWork> works) {
        List<PreparedTransaction.Acknowledgement> all = new ArrayList<>();
        for (TransactionWork w : works) {
            for (Map.Entry<Address, List<String>> e : Delivery.byAddress(w.deliveries()).entrySet()) {
                all.add(new PreparedTransaction.Acknowledgement(e.getKey(), e.getValue()));
            }
        }
        return all;
    }
}
