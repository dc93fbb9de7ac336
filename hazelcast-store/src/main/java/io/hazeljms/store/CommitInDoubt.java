package io.hazeljms.store;

/**
 * A commit whose decision is recorded but whose parts could not all be applied within the store's bound: it is
 * not rolled back. This node applies it again at its next commit, and a survivor does if this node leaves.
 */
public final class CommitInDoubt extends RuntimeException {

    CommitInDoubt(String transactionId, RuntimeException cause) {
        super(StoreError.COMMIT_APPLY_FAILED.text(transactionId, cause.getMessage()), cause);
    }
}
