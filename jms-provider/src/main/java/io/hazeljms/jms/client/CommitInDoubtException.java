package io.hazeljms.jms.client;

import io.hazeljms.store.CommitInDoubt;
import jakarta.jms.JMSException;

/**
 * A commit whose decision is recorded in the cluster but whose parts could not all be applied in time: it will
 * take effect whole (this node retries it, and a survivor finishes it should this node leave), so the caller
 * must not roll the work back.
 */
final class CommitInDoubtException extends JMSException {

    CommitInDoubtException(CommitInDoubt cause) {
        super("HJMS-SESSION-014 the commit was recorded but not yet applied everywhere (" + cause.getMessage()
                + "); it will be completed, do not repeat its work");
        setLinkedException(cause);
        initCause(cause);
    }
}
