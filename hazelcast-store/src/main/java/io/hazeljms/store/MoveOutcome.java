package io.hazeljms.store;

/**
 * What {@link Administration#move} did: how many messages it moved, how many it left where they were because
 * they name no queue to go back to (redrive of a message without {@link DestinationState#ORIGIN_PROPERTY}, or one
 * that came from a topic subscription), and, when a target refused a batch, which target and why (the move stopped
 * there; that batch and the messages after it stayed on the source).
 */
public record MoveOutcome(int moved, int skipped, DestinationKey refusedBy, Refusal refusal) {

    public boolean isRefused() {
        return refusal != null;
    }
}
