package io.hazeljms.store.selector;

import java.util.Set;
import java.util.function.Function;

/** identifier [NOT] IN ('a', 'b', ...): UNKNOWN when the identifier is missing or not a string. */
record InList(Identifier identifier, Set<String> values, boolean negated) implements Condition {

    InList {
        values = Set.copyOf(values);
    }

    @Override
    public Truth test(Function<String, Object> identifiers) {
        if (!(identifier.evaluate(identifiers) instanceof String s)) {
            return Truth.UNKNOWN;
        }
        return Truth.of(values.contains(s) != negated);
    }
}
