package io.hazeljms.store.selector;

import java.util.function.Function;

/** A property or header reference, resolved per message; case-sensitive. */
record Identifier(String name) implements Node {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        return Numbers.normalize(identifiers.apply(name));
    }

    @Override
    public StaticType type() {
        return StaticType.DYNAMIC;
    }
}
