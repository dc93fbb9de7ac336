package io.hazeljms.store;

/** Why a destination refused a send as a whole, storing nothing: the sender may wait and try again. */
public enum Refusal {
    /** The queue, or a subscription of the topic, holds its most messages. */
    FULL_MESSAGES,
    /** The queue, or a subscription of the topic, holds its most bytes. */
    FULL_BYTES,
    /** The member that owns the destination is low on heap ({@link MemoryGuard}). */
    LOW_MEMORY;

    /** The refusal a store result code stands for ({@link DestinationState#isRefused}), or null for none. */
    static Refusal ofCode(int code) {
        return switch (code) {
            case DestinationState.FULL_MESSAGES -> FULL_MESSAGES;
            case DestinationState.FULL_BYTES -> FULL_BYTES;
            case DestinationState.LOW_MEMORY -> LOW_MEMORY;
            default -> null;
        };
    }
}
