package io.hazeljms.jms.config;

/**
 * What a send does when its destination has no room: a queue or a topic subscription holds its most messages
 * ({@code maxQueueMessages}) or bytes ({@code maxQueueBytes}), or the member that owns it is low on heap
 * ({@code memoryLimitPercent}). BLOCK waits for room up to a bound, FAIL fails at once; either way the send ends
 * in a ResourceAllocationException rather than a silent drop, and nothing of it is stored. The settings are
 * {@link Settings#BACKLOG_POLICY} and {@link Settings#BACKLOG_BLOCK_MILLIS}, checked when the configuration is
 * built.
 */
public record BacklogPolicy(Mode mode, long blockMillis) {

    public enum Mode {
        /** Wait until the subscribers catch up, at most {@code blockMillis}, then fail. */
        BLOCK,
        /** Fail at once. */
        FAIL
    }

    public static BacklogPolicy defaults() {
        return new BacklogPolicy(Mode.valueOf(Settings.BACKLOG_POLICY.defaultIn(Scope.JAVA)),
                Settings.BACKLOG_BLOCK_MILLIS.defaultIn(Scope.JAVA));
    }
}
