package io.hazeljms.store.processor;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.hazeljms.store.DestinationState;
import io.hazeljms.store.StoreError;
import io.hazeljms.store.StoreSerializers;
import io.hazeljms.store.selector.Selector;
import io.hazeljms.store.selector.SelectorSyntaxException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Asks a queue, for the selectors its consumers on one node wait with, which of them a claim would find
 * something for now ({@link DestinationState#worthClaiming}), so that node wakes only those (public-API path).
 * Takes nothing. When some selector finds nothing, the queue is marked awaited again (with its backups), so the
 * next enqueue fires the event that brings the next such question: the enqueue that fired this one cleared it,
 * and the consumers left asleep claim nothing that would mark it themselves.
 */
public final class MatchingSelectorsProcessor extends DestinationProcessor<boolean[]> {

    private List<String> selectors;

    private transient EntryProcessor<String, DestinationState, boolean[]> backup;

    public MatchingSelectorsProcessor() {
    }

    public MatchingSelectorsProcessor(List<String> selectors) {
        this.selectors = selectors;
    }

    /** @return for each selector, in order, whether its consumers should claim now */
    @Override
    public boolean[] process(Map.Entry<String, DestinationState> entry) {
        boolean[] wake = new boolean[selectors.size()];
        DestinationState state = entry.getValue();
        DestinationState queue = state == null ? null : state.queueFor(null);
        if (queue == null || queue.isTopic()) {
            Arrays.fill(wake, true); // gone, or not a queue: let the claims find out
            return wake;
        }
        long now = System.currentTimeMillis();
        boolean someAsleep = false;
        for (int i = 0; i < wake.length; i++) {
            wake[i] = queue.worthClaiming(parsed(selectors.get(i)), now);
            someAsleep |= !wake[i];
        }
        if (someAsleep && queue.markAwaited()) {
            backup = new AwaitedBackupProcessor();
        }
        return wake;
    }

    private static Selector parsed(String selector) {
        try {
            return Selector.cached(selector);
        } catch (SelectorSyntaxException e) {
            // consumers validate their selector when created, so this is a programming error
            throw new IllegalArgumentException(StoreError.SELECTOR_INVALID.text(selector), e);
        }
    }

    @Override
    public EntryProcessor<String, DestinationState, boolean[]> getBackupProcessor() {
        return backup;
    }

    @Override
    public int getClassId() {
        return StoreSerializers.MATCHING_SELECTORS;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(selectors.size());
        for (String s : selectors) {
            out.writeString(s);
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        int n = in.readInt();
        selectors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            selectors.add(in.readString());
        }
    }
}
