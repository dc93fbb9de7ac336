package io.hazeljms.jms.config;

/**
 * What a publish does when a topic subscription holds its maximum backlog ({@code maxBacklog}): wait for
 * room up to a bound, or fail at once. Either way the publish ends in a ResourceAllocationException rather
 * than a silent drop, and nothing is published to any subscription.
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
            throw new IllegalArgumentException("HJMS-CFG-006 backlogBlockMillis must not be negative, was " + blockMillis);
        }
    }

    public static BacklogPolicy defaults() {
        return new BacklogPolicy(Mode.BLOCK, DEFAULT_BLOCK_MILLIS);
    }
}
