package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.store.CommitInDoubt;
import jakarta.jms.JMSException;

/**
 * A commit whose decision is recorded in the cluster but whose parts could not all be applied in time: it will
 * take effect whole (this node retries it, and a survivor finishes it should this node leave), so the caller
 * must not roll the work back.
 */
final class CommitInDoubtException extends JMSException {

    CommitInDoubtException(CommitInDoubt cause) {
        super(ProviderError.COMMIT_IN_DOUBT.text(cause.getMessage()));
        setLinkedException(cause);
        initCause(cause);
    }
}
