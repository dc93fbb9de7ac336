package io.hazeljms.store.selector;

import java.util.Arrays;

/**
 * A compiled LIKE pattern: '%' matches any sequence, '_' exactly one character, everything else itself.
 *
 * <p>Matched directly rather than through java.util.regex, so no pattern character can ever act as a regex
 * metacharacter, line terminators are ordinary characters, and matching is O(pattern x value) at worst.
 */
final class LikePattern {

    private static final int ANY_CHARACTER = -1;
    private static final int ANY_SEQUENCE = -2;

    /** Code points to match literally, or one of the two negative wildcard markers. */
    private final int[] elements;

    private LikePattern(int[] elements) {
        this.elements = elements;
    }

    /**
     * @param pattern  the pattern text
     * @param escape   code point that makes the next '%', '_' or escape character literal, or -1 for none
     * @param position where the pattern literal starts in the selector, for error reporting
     */
    static LikePattern compile(String pattern, int escape, int position) throws SelectorSyntaxException {
        int[] source = pattern.codePoints().toArray();
        int[] elements = new int[source.length];
        int count = 0;
        for (int i = 0; i < source.length; i++) {
            int c = source[i];
            if (c == escape) {
                // SQL-92: the escape character must be followed by itself or a wildcard.
                if (i + 1 == source.length || !(source[i + 1] == '%' || source[i + 1] == '_' || source[i + 1] == escape)) {
                    throw new SelectorSyntaxException("in LIKE pattern " + quoted(pattern) + " the escape character "
                            + quoted(Character.toString(escape)) + " must be followed by '%', '_' or itself", position);
                }
                elements[count++] = source[++i];
            } else {
                elements[count++] = c == '%' ? ANY_SEQUENCE : c == '_' ? ANY_CHARACTER : c;
            }
        }
        return new LikePattern(Arrays.copyOf(elements, count));
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Whole-value match; on a mismatch it retries from the last '%' one character further on. */
    boolean matches(String value) {
        int[] text = value.codePoints().toArray();
        int t = 0;
        int p = 0;
        int lastSequence = -1;
        int resumeAt = 0;
        while (t < text.length) {
            if (p < elements.length && (elements[p] == ANY_CHARACTER || elements[p] == text[t])) {
                t++;
                p++;
            } else if (p < elements.length && elements[p] == ANY_SEQUENCE) {
                lastSequence = p++;
                resumeAt = t;
            } else if (lastSequence >= 0) {
                p = lastSequence + 1;
                t = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < elements.length && elements[p] == ANY_SEQUENCE) {
            p++;
        }
        return p == elements.length;
    }
}
