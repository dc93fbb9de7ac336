package io.hazeljms.store.selector;

import java.util.function.Function;

/** operand IS [NOT] NULL: never UNKNOWN. */
record IsNull(Node operand, boolean negated) implements Condition {

    @Override
    public Truth test(Function<String, Object> identifiers) {
        return Truth.of((operand.evaluate(identifiers) == null) != negated);
    }
}
