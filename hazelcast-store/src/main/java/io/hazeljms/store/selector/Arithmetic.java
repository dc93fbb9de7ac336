package io.hazeljms.store.selector;

import java.util.function.Function;

/** A binary arithmetic expression. */
record Arithmetic(ArithmeticOperator operator, Node left, Node right) implements Node {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        Object l = left.evaluate(identifiers);
        return l == null ? null : operator.apply(l, right.evaluate(identifiers));
    }

    @Override
    public StaticType type() {
        return StaticType.NUMERIC;
    }
}
