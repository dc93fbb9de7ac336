package io.hazeljms.store;

/**
 * What a send did: stored its messages ({@link #added} of them were new, a retried message id adds nothing),
 * was refused as a whole ({@link #refusal}), or found no destination to send to ({@link #missing}: a deleted
 * temporary one).
 */
public record SendOutcome(int added, Refusal refusal, boolean missing) {

    static final SendOutcome MISSING = new SendOutcome(0, null, true);

    /** The outcome a store result code stands for: a count, -1 for missing, or a refusal. */
    static SendOutcome ofCode(int code) {
        if (code >= 0) {
            return new SendOutcome(code, null, false);
        }
        Refusal refusal = Refusal.ofCode(code);
        return refusal == null ? MISSING : new SendOutcome(0, refusal, false);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
