package io.hazeljms.store.selector;

/**
 * = &lt;&gt; &lt; &lt;= &gt; &gt;= with the spec's typing rules: numbers compare across exact and approximate
 * types; strings and booleans only with = and &lt;&gt;; anything else, or a missing operand, is UNKNOWN.
 */
enum ComparisonOperator {
    EQUAL("="), NOT_EQUAL("<>"), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    /** Only equality applies to strings and booleans. */
    boolean isEquality() {
        return this == EQUAL || this == NOT_EQUAL;
    }

    Truth apply(Object left, Object right) {
        if (left == null || right == null) {
            return Truth.UNKNOWN;
        }
        if (Numbers.isNumber(left) && Numbers.isNumber(right)) {
            return compareNumbers(left, right);
        }
        boolean sameFamily = (left instanceof String && right instanceof String)
                || (left instanceof Boolean && right instanceof Boolean);
        // The spec calls a comparison of unlike types "false"; UNKNOWN is used instead so that
        // NOT (s = 1) does not match a string s either. Neither ever selects the message.
        if (!sameFamily || !isEquality()) {
            return Truth.UNKNOWN;
        }
        return Truth.of(left.equals(right) == (this == EQUAL));
    }

    private Truth compareNumbers(Object left, Object right) {
        if (left instanceof Long a && right instanceof Long b) {
            return Truth.of(holdsFor(Long.compare(a, b)));
        }
        double a = ((Number) left).doubleValue();
        double b = ((Number) right).doubleValue();
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Truth.of(this == NOT_EQUAL); // Java: NaN is unequal to everything and unordered
        }
        return Truth.of(holdsFor(a < b ? -1 : a > b ? 1 : 0)); // not Double.compare: 0.0 must equal -0.0
    }

    private boolean holdsFor(int sign) {
        return switch (this) {
            case EQUAL -> sign == 0;
            case NOT_EQUAL -> sign != 0;
            case LESS -> sign < 0;
            case LESS_OR_EQUAL -> sign <= 0;
            case GREATER -> sign > 0;
            case GREATER_OR_EQUAL -> sign >= 0;
        };
    }
}
