package io.hazeljms.store;

import io.hazeljms.store.durable.MessageRow;
import io.hazeljms.store.processor.MoveInProcessor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * An operator's move of pending messages from one queue to another, or back to where each came from (redrive
 * from a dead-letter queue). Never loses a message: each batch is first leased on the source (claimed by an owner
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
        int moved = 0;
        try {
            while (moved < max) {
                ClaimResult claimed = messages.claim(from, selector, owner, Math.min(BATCH, max - moved), List.of());
                if (claimed.messages().isEmpty()) {
                    break;
                }
                Map<DestinationKey, List<StoredMessage>> byTarget = new LinkedHashMap<>();
                for (StoredMessage m : claimed.messages()) {
                    DestinationKey to = target != null ? target : origin(m);
                    if (to == null || to.equals(source) || !allowed.test(to)) {
                        skipped.add(m.messageId());
                        continue;
                    }
                    byTarget.computeIfAbsent(to, k -> new ArrayList<>()).add(fresh(m, target == null));
                }
                for (Map.Entry<DestinationKey, List<StoredMessage>> batch : byTarget.entrySet()) {
                    List<String> ids = new ArrayList<>();
                    batch.getValue().forEach(m -> ids.add(m.messageId()));
                    Refusal refusal = moveIn(batch.getKey(), batch.getValue());
                    if (refusal != null) {
                        List<String> back = new ArrayList<>();
                        claimed.messages().forEach(m -> back.add(m.messageId()));
                        back.removeAll(skipped);
                        messages.release(from, back, owner, false); // this batch and the rest of the round
                        return new MoveOutcome(moved, skipped.size(), batch.getKey(), refusal);
                    }
                    messages.acknowledge(from, ids, owner);
                    moved += ids.size();
                }
            }
            return new MoveOutcome(moved, skipped.size(), null, null);
        } finally {
            if (!skipped.isEmpty()) {
                messages.release(from, skipped, owner, false);
            }
        }
    }

    /** Stores copies on a queue, durable rows first; null if stored, else why the queue refused them all. */
    private Refusal moveIn(DestinationKey target, List<StoredMessage> copies) {
        Durability durability = broker.durability();
        List<MessageRow> rows = durability.rowsFor(target, copies);
        durability.store(rows);
        int code = broker.onKey(target.encode(), new MoveInProcessor(copies, broker.defaults(), false));
        Refusal refusal = Refusal.ofCode(code);
        if (refusal != null) {
            durability.unstore(rows);
        }
        return refusal;
    }

    /** The queue a dead-lettered or expired message came from; null when it names none or not a queue. */
    static DestinationKey origin(StoredMessage m) {
        Object origin = m.properties().get(DestinationState.ORIGIN_PROPERTY);
        if (!(origin instanceof String text) || text.indexOf('#') >= 0) {
            return null; // '#': a topic subscription's queue, which a send cannot address
        }
        try {
            DestinationKey key = DestinationKey.parse(text);
            return key.isQueue() && !key.isTemporary() ? key : null;
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
