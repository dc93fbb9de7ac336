package io.hazeljms.store.selector;

import java.util.function.Function;

/** TEMPORARY placeholder until the real selector lands (same API). */
public final class Selector {
    public static final Selector ALL = new Selector(null);
    private final String expression;
    private Selector(String e) { expression = e; }
    public static Selector parse(String expression) throws SelectorSyntaxException {
        return expression == null || expression.isBlank() ? ALL : new Selector(expression);
    }
    public static Selector cached(String expression) throws SelectorSyntaxException { return parse(expression); }
    public boolean matches(Function<String, Object> identifiers) { return true; }
    public String expression() { return expression; }
}
