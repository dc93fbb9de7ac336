package io.hazeljms.store.selector;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Test helpers: a message is a map of identifier values; absent keys are missing values. */
final class Messages {

    private Messages() {
    }

    /** @param namesAndValues name1, value1, name2, value2, ... (a null value is the same as absent) */
    static Function<String, Object> message(Object... namesAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values::get;
    }

    static boolean matches(String selector, Object... namesAndValues) {
        return parse(selector).matches(message(namesAndValues));
    }

    /**
     * The three-valued result of a boolean selector, observed from outside: TRUE if it matches, FALSE if its
     * negation matches, UNKNOWN if neither does.
     */
    static String truth(String selector, Object... namesAndValues) {
        boolean holds = matches(selector, namesAndValues);
        boolean negationHolds = matches("NOT (" + selector + ")", namesAndValues);
        if (holds && negationHolds) {
            throw new AssertionError("both " + selector + " and its negation match");
        }
        return holds ? "TRUE" : negationHolds ? "FALSE" : "UNKNOWN";
    }

    static Selector parse(String selector) {
        try {
            return Selector.parse(selector);
        } catch (SelectorSyntaxException e) {
            throw new AssertionError("unexpected syntax error in " + selector + ": " + e.getMessage(), e);
        }
    }
}
