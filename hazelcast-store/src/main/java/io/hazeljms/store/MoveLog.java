package io.hazeljms.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Logs messages moved to a dead-letter or expiry queue: at most one line per source and target every
 * {@link #INTERVAL_MILLIS}, counting what moved in between, so a flood of poison messages cannot flood the log.
 */
final class MoveLog {

    private static final Logger LOG = Logger.getLogger(MoveLog.class.getName());
    static final long INTERVAL_MILLIS = 10_000;

    private record Window(long loggedAt, long unlogged) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    void moved(String source, String target, List<StoredMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        String key = source + "\u0000" + target;
        Window before = windows.get(key);
        long count = messages.size() + (before == null ? 0 : before.unlogged());
        if (before != null && now - before.loggedAt() < INTERVAL_MILLIS) {
            windows.put(key, new Window(before.loggedAt(), count));
            return;
        }
        windows.put(key, new Window(now, 0));
        StoredMessage first = messages.get(0);
        Object reason = first.properties().get(DestinationState.REASON_PROPERTY);
        LOG.info(StoreError.MESSAGES_MOVED.text(count, source, target, reason == null ? "moved" : reason,
                first.messageId(), count > messages.size() ? " (counted since the last such line)" : ""));
    }
}
