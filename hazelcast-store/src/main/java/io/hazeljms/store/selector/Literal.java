package io.hazeljms.store.selector;

import java.util.function.Function;

/** A string, numeric or boolean literal. */
record Literal(Object value, StaticType type) implements Node {

    static Literal of(String value) {
        return new Literal(value, StaticType.STRING);
    }

    static Literal of(long value) {
        return new Literal(value, StaticType.NUMERIC);
    }

    static Literal of(double value) {
        return new Literal(value, StaticType.NUMERIC);
    }

    static Literal of(boolean value) {
        return new Literal(value, StaticType.BOOLEAN);
    }

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        return value;
    }
}
