package io.hazeljms.store;

/**
 * What {@link Administration#move} did: how many messages it moved, how many it left where they were (a redrive
 * of a message without {@link DestinationState#ORIGIN_PROPERTY}, or from a subscription that no longer exists; a
 * target the caller's filter refused), and, when a target refused a batch, which destination and why (the move
 * stopped there; that batch and the messages after it stayed on the source).
 */
public record MoveOutcome(int moved, int skipped, DestinationKey refusedBy, Refusal refusal) {

    public boolean isRefused() {
        return refusal != null;
    }
}
