package io.hazeljms.store.selector;

import java.util.function.Function;

/** left op right, for the six comparison operators. */
record Comparison(ComparisonOperator operator, Node left, Node right) implements Condition {

    @Override
    public Truth test(Function<String, Object> identifiers) {
        return operator.apply(left.evaluate(identifiers), right.evaluate(identifiers));
    }
}
