package io.hazeljms.store.selector;

import java.util.function.Function;

/** A node whose natural result is a {@link Truth}, such as a comparison or AND. */
interface Condition extends Node {

    @Override
    Truth test(Function<String, Object> identifiers);

    @Override
    default Object evaluate(Function<String, Object> identifiers) {
        return test(identifiers).toBoolean();
    }

    @Override
    default StaticType type() {
        return StaticType.BOOLEAN;
    }
}
