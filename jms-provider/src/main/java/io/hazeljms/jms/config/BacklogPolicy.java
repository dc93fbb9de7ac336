package io.hazeljms.jms.config;

import io.hazeljms.jms.ProviderError;

/**
 * What a send does when its destination has no room: a queue or a topic subscription holds its most messages
 * ({@code maxQueueMessages}) or bytes ({@code maxQueueBytes}), or the member that owns it is low on heap
 * ({@code memoryLimitPercent}). BLOCK waits for room up to a bound, FAIL fails at once; either way the send ends
 * in a ResourceAllocationException rather than a silent drop, and nothing of it is stored.
 */
public record BacklogPolicy(Mode mode, long blockMillis) {

    public enum Mode {
        /** Wait until the subscribers catch up, at most {@code blockMillis}, then fail. */
        BLOCK,
        /** Fail at once. */
        FAIL
    }

    public static final long DEFAULT_BLOCK_MILLIS = 30_000;

    public BacklogPolicy {
        if (blockMillis < 0) {
            throw new IllegalArgumentException(ProviderError.BACKLOG_BLOCK_NEGATIVE.text(blockMillis));
        }
    }

    public static BacklogPolicy defaults() {
        return new BacklogPolicy(Mode.BLOCK, DEFAULT_BLOCK_MILLIS);
    }
}
