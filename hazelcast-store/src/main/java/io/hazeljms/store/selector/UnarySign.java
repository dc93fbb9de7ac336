package io.hazeljms.store.selector;

import java.util.function.Function;

/** Unary minus, or unary plus (which still yields UNKNOWN for a non-numeric operand). */
record UnarySign(boolean negative, Node operand) implements Node {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        Object value = operand.evaluate(identifiers);
        if (value instanceof Long l) {
            return negative ? -l : l;
        }
        if (value instanceof Double d) {
            return negative ? -d : d;
        }
        return null;
    }

    @Override
    public StaticType type() {
        return StaticType.NUMERIC;
    }
}
