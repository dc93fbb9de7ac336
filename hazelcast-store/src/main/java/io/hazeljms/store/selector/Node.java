package io.hazeljms.store.selector;

import java.util.function.Function;

/** A node of the parsed selector; immutable so that one tree serves concurrent evaluations. */
interface Node {

    /**
     * @param identifiers resolves an identifier name to its value, or null when absent
     * @return a Long, Double, String or Boolean, or null for a missing value or an UNKNOWN result; numbers are
     *         always normalized to Long (exact) or Double (approximate)
     */
    Object evaluate(Function<String, Object> identifiers);

    StaticType type();

    /** This node read as a condition: only a Boolean value is TRUE or FALSE. */
    default Truth test(Function<String, Object> identifiers) {
        return Truth.of(evaluate(identifiers));
    }
}
