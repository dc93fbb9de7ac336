package io.hazeljms.store.selector;

/** TEMPORARY placeholder. */
public final class SelectorSyntaxException extends Exception {
    private final int position;
    public SelectorSyntaxException(String m, int p) { super(m); position = p; }
    public int position() { return position; }
}
