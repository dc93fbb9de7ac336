package io.hazeljms.store.selector;

import java.util.function.Function;

/** value [NOT] BETWEEN low AND high, which is (low &lt;= value AND value &lt;= high), negated for NOT. */
record Between(Node value, Node low, Node high, boolean negated) implements Condition {

    @Override
    public Truth test(Function<String, Object> identifiers) {
        Object v = value.evaluate(identifiers);
        Truth within = ComparisonOperator.LESS_OR_EQUAL.apply(low.evaluate(identifiers), v)
                .and(ComparisonOperator.LESS_OR_EQUAL.apply(v, high.evaluate(identifiers)));
        return negated ? within.not() : within;
    }
}
