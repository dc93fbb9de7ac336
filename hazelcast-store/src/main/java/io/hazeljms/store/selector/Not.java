package io.hazeljms.store.selector;

import java.util.function.Function;

/** NOT operand; NOT UNKNOWN stays UNKNOWN. */
record Not(Node operand) implements Condition {

    @Override
    public Truth test(Function<String, Object> identifiers) {
        return operand.test(identifiers).not();
    }
}
