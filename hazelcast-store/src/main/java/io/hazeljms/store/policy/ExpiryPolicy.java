package io.hazeljms.store.policy;

/** Where an expired message goes: the expiry queue, or nowhere (dropped, the default) when none is set. */
public record ExpiryPolicy(String queue) {

    public static final ExpiryPolicy DEFAULT = new ExpiryPolicy(null);
    /** Why an expired message moved, as its reason property says. */
    public static final String REASON = "expired";

    public ExpiryPolicy {
        queue = Names.blankToNull(queue);
    }
}
