package io.hazeljms.store.selector;

/** Binary + - * / with Java promotion: Long when both operands are exact, Double otherwise. */
enum ArithmeticOperator {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/");

    private final String symbol;

    ArithmeticOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    /** @return the result, or null (UNKNOWN) for a missing or non-numeric operand or an exact division by zero */
    Object apply(Object left, Object right) {
        if (!Numbers.isNumber(left) || !Numbers.isNumber(right)) {
            return null;
        }
        if (left instanceof Long a && right instanceof Long b) {
            return applyExact(a, b);
        }
        return applyApproximate(((Number) left).doubleValue(), ((Number) right).doubleValue());
    }

    private Long applyExact(long a, long b) {
        return switch (this) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            // Java would throw; a selector must never throw while evaluating, so the result is UNKNOWN.
            case DIVIDE -> b == 0 ? null : a / b;
        };
    }

    private double applyApproximate(double a, double b) {
        return switch (this) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> a / b; // IEEE 754: x / 0.0 is an infinity or NaN, as in Java
        };
    }
}
