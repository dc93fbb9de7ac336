package io.hazeljms.store.policy;

import io.hazeljms.store.StoreError;

/** How long a message that was delivered and then released waits before it is delivered again. */
public record RedeliveryPolicy(long delayMillis) {

    public static final RedeliveryPolicy DEFAULT = new RedeliveryPolicy(0);

    public RedeliveryPolicy {
        if (delayMillis < 0) {
            throw new IllegalArgumentException(StoreError.REDELIVERY_DELAY_NEGATIVE.text(delayMillis));
        }
    }

    /** When a message released at {@code now} may be delivered again; 0 when at once. */
    public long redeliverAt(long now) {
        return delayMillis > 0 ? now + delayMillis : 0;
    }
}
