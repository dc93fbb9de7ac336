package io.hazeljms.store.selector;

import java.util.function.Function;

/** identifier [NOT] LIKE 'pattern' [ESCAPE 'c']: UNKNOWN when the identifier is missing or not a string. */
record Like(Identifier identifier, LikePattern pattern, boolean negated) implements Condition {

    @Override
    public Truth test(Function<String, Object> identifiers) {
        if (!(identifier.evaluate(identifiers) instanceof String s)) {
            return Truth.UNKNOWN;
        }
        return Truth.of(pattern.matches(s) != negated);
    }
}
