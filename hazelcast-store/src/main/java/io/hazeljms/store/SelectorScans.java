package io.hazeljms.store;

import io.hazeljms.store.selector.Selector;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a selector's claim may start scanning a queue's pending messages: for each selector, an order key
 * before which every pending message is one the selector rejects. Competing consumers with disjoint selectors
 * then do not evaluate, claim after claim, the messages meant for the others.
 *
 * <p>Kept safe by two rules. A position only moves past messages the selector rejected and that nothing else
 * could make a claim act on (no expiry time; deliverable now; not dead), contiguous from where the scan began.
 * And every message that becomes pending — sent, released back, redelivered, its lease timed out, restored —
 * pulls each position back to its own key if it lands before it ({@link #added}), as a higher priority or an
 * earlier place in line does. A message's selector values never change while it is pending, and a removal
 * cannot make a skipped message matter, so nothing else moves a position. Settings that change what is dead
 * forget every position.
 *
 * <p>A cache, not state: not serialized, not replicated; a migrated or copied queue starts scanning from the
 * front. Only the partition thread that owns the queue touches it.
 */
final class SelectorScans {

    /** Selectors remembered per queue; the least recently used beyond that scan from the front again. */
    private static final int MAX_SELECTORS = 256;

    /** Selector to the first key not known to be rejected, least recently used first. */
    private final LinkedHashMap<Selector, Long> starts = new LinkedHashMap<>(16, 0.75f, true);

    /** The key a claim with {@code selector} may start from ({@link Long#MIN_VALUE}: the front). */
    long from(Selector selector) {
        Long start = starts.get(selector);
        return start == null ? Long.MIN_VALUE : start;
    }

    /** Every pending message up to and including {@code key} is rejected by {@code selector} (as of now). */
    void rejectedThrough(Selector selector, long key) {
        if (key == Long.MAX_VALUE) {
            return;
        }
        starts.put(selector, key + 1);
        if (starts.size() > MAX_SELECTORS) {
            Iterator<Map.Entry<Selector, Long>> eldest = starts.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    /** A message became pending at {@code key}: no selector may start past it. */
    void added(long key) {
        if (starts.isEmpty()) {
            return;
        }
        for (Map.Entry<Selector, Long> e : starts.entrySet()) {
            if (key < e.getValue()) {
                e.setValue(key);
            }
        }
    }

    /** Scan from the front again (what counts as dead, or the whole queue, changed). */
    void forget() {
        starts.clear();
    }
}
