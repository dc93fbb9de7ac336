package io.hazeljms.store.selector;

/**
 * A message selector that does not follow the Jakarta Messaging selector syntax (section 3.8.1.1).
 *
 * <p>The message names the 0-based character {@linkplain #position() position} of the offending part, for
 * example {@code at position 7: expected ')' but found 'AND'}, so the author knows what to fix. The JMS layer
 * is expected to wrap it in an {@code InvalidSelectorException}.
 */
public final class SelectorSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int position;

    /**
     * @param detail   what is wrong, without the position (it is prefixed here)
     * @param position 0-based character index in the selector where the problem is
     */
    public SelectorSyntaxException(String detail, int position) {
        super("at position " + position + ": " + detail);
        this.position = position;
    }

    /** @return the 0-based character index in the selector expression where the problem is */
    public int position() {
        return position;
    }
}
