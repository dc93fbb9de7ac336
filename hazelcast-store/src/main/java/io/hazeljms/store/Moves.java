package io.hazeljms.store;

import io.hazeljms.store.durable.MessageRow;
import io.hazeljms.store.processor.MoveInProcessor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * An operator's move of pending messages from one queue to another, or back to where each came from (redrive
 * from a dead-letter queue: its queue, or the topic subscription it was dead-lettered from, if that still exists). Never loses a message: each batch is first leased on the source (claimed by an owner
 * of this node, so nobody else takes it meanwhile and a node that dies gives it back), then stored on the target
 * (its durable rows first, then {@link MoveInProcessor}, idempotent by message id), and only then acknowledged on
 * the source. A crash between the store and the acknowledgement leaves the message on both (a duplicate, never a
 * loss); a target that refuses a batch (its limits, its member's memory) gets none of it, the batch goes back to
 * the source uncounted, and the move stops there.
 *
 * <p>A moved message gets a fresh life on the target: delivery count 0, no redelivery delay; id, headers, body and
 * properties are kept. A redrive also drops {@link DestinationState#REASON_PROPERTY} and
 * {@link DestinationState#ORIGIN_PROPERTY}, so the message is as it was first sent; a move to a named target keeps
 * them. Messages in flight or not yet due are not moved.
 */
final class Moves {

    /** Messages leased and moved per round: three store calls per round. */
    static final int BATCH = 100;

    private final Broker broker;

    Moves(Broker broker) {
        this.broker = broker;
    }

    /**
     * @param target null to send each message back to its {@link DestinationState#ORIGIN_PROPERTY}
     * @param max    most messages to move
     * @param allowed targets a message may go to; the others stay (skipped)
     */
    MoveOutcome move(DestinationKey source, String selector, DestinationKey target, int max,
                     Predicate<DestinationKey> allowed) {
        Address from = Address.queue(source);
        LeaseOwner owner = new LeaseOwner(broker.nodeId(), "management-" + UUID.randomUUID(), "move");
        Messages messages = broker.messages();
        List<String> skipped = new ArrayList<>(); // leased until the end, so the next claim does not meet them again
        // claimed and neither acknowledged nor given back yet: given back at the end, whatever ends the move, so
        // a move that fails half-way (the store unreachable too long) leaves nothing in flight on a live node
        Set<String> held = new LinkedHashSet<>();
        int moved = 0;
        try {
            while (moved < max) {
                ClaimResult claimed = messages.claim(from, selector, owner, Math.min(BATCH, max - moved), List.of());
                if (claimed.messages().isEmpty()) {
                    break;
                }
                claimed.messages().forEach(m -> held.add(m.messageId()));
                Map<Address, List<StoredMessage>> byTarget = new LinkedHashMap<>();
                for (StoredMessage m : claimed.messages()) {
                    Address to = target != null ? Address.queue(target) : origin(m);
                    if (to == null || to.equals(from) || !allowed.test(to.destination())) {
                        skipped.add(m.messageId());
                        continue;
                    }
                    byTarget.computeIfAbsent(to, k -> new ArrayList<>()).add(fresh(m, target == null));
                }
                for (Map.Entry<Address, List<StoredMessage>> batch : byTarget.entrySet()) {
                    List<String> ids = new ArrayList<>();
                    batch.getValue().forEach(m -> ids.add(m.messageId()));
                    int code = moveIn(batch.getKey(), batch.getValue());
                    if (code == MISSING) {
                        skipped.addAll(ids); // the subscription is gone: they stay
                        continue;
                    }
                    Refusal refusal = Refusal.ofCode(code);
                    if (refusal != null) {
                        return new MoveOutcome(moved, skipped.size(), batch.getKey().destination(), refusal);
                    }
                    messages.acknowledge(from, ids, owner);
                    held.removeAll(ids);
                    moved += ids.size();
                }
            }
            return new MoveOutcome(moved, skipped.size(), null, null);
        } catch (RuntimeException e) {
            try {
                giveBack(messages, from, held, owner);
            } catch (RuntimeException notGivenBack) {
                e.addSuppressed(notGivenBack); // they come back when this node leaves the cluster
            }
            throw e;
        } finally {
            giveBack(messages, from, held, owner); // the skipped ones, and on a refusal the rest of the round
        }
    }

    private static void giveBack(Messages messages, Address from, Set<String> held, LeaseOwner owner) {
        if (!held.isEmpty()) {
            List<String> ids = new ArrayList<>(held);
            held.clear();
            messages.release(from, ids, owner, false);
        }
    }

    /** {@link MoveInProcessor}'s answer for a subscription that does not exist. */
    private static final int MISSING = -1;

    /**
     * Stores copies on a queue or subscription, durable rows first: the store's result code (the count stored,
     * {@link #MISSING}, or a refusal code, in which case the rows are deleted again).
     */
    private int moveIn(Address target, List<StoredMessage> copies) {
        Durability durability = broker.durability();
        List<MessageRow> rows;
        if (target.subscription() == null) {
            rows = durability.rowsFor(target.destination(), copies);
        } else if (!durability.on()) {
            rows = List.of();
        } else {
            SubscriptionStats subscription = broker.administration().subscriptions(target.destination()).stream()
                    .filter(s -> s.name().equals(target.subscription())).findFirst().orElse(null);
            if (subscription == null) {
                return MISSING;
            }
            rows = new ArrayList<>();
            if (subscription.durable()) { // a non-durable subscription's messages are never written
                for (StoredMessage m : copies) {
                    if (m.persistent()) {
                        rows.add(new MessageRow(target.key(), target.subscription(), m));
                    }
                }
            }
        }
        durability.storeMoved(rows);
        int code = broker.onKey(target.key(),
                new MoveInProcessor(copies, broker.defaults(), false, target.subscription()));
        if (code < 0) {
            durability.unstoreMoved(rows);
        }
        return code;
    }

    /**
     * Where a dead-lettered or expired message came from: a queue, or a topic's subscription (its origin reads
     * {@code topic:prices#<subscription>}); null when it names none or a temporary destination.
     */
    static Address origin(StoredMessage m) {
        Object origin = m.properties().get(DestinationState.ORIGIN_PROPERTY);
        if (!(origin instanceof String text)) {
            return null;
        }
        try {
            int hash = text.indexOf('#');
            DestinationKey key = DestinationKey.parse(hash < 0 ? text : text.substring(0, hash));
            if (key.isTemporary()) {
                return null;
            }
            if (hash < 0) {
                return key.isQueue() ? Address.queue(key) : null;
            }
            return key.isTopic() ? Address.subscription(key, text.substring(hash + 1)) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static StoredMessage fresh(StoredMessage m, boolean redrive) {
        StoredMessage c = m.copy();
        if (redrive) {
            c.properties().remove(DestinationState.REASON_PROPERTY);
            c.properties().remove(DestinationState.ORIGIN_PROPERTY);
        }
        return c.deliveryCount(0).redeliverAfter(0);
    }
}
