package io.hazeljms.store.selector;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A parsed Jakarta Messaging message selector (specification section 3.8.1): the conditional-expression subset
 * of SQL-92 over message header fields and properties.
 *
 * <p>Instances are immutable and thread-safe; one instance may be evaluated by many threads at once.
 *
 * <p>Evaluation never throws for type problems. Following SQL, a missing value or an operation on unlike
 * types yields UNKNOWN, and only a TRUE result selects the message. In particular a comparison of values of
 * different type families (a string with a number, a boolean with a number) is UNKNOWN rather than FALSE, so
 * that neither {@code s = 1} nor {@code NOT (s = 1)} selects a message whose {@code s} is a string.
 */
public final class Selector {

    /** The selector used for a null or blank expression: it selects every message. */
    public static final Selector ALL = new Selector("", null);

    private static final int CACHE_LIMIT = 1024;
    private static final Map<String, Selector> CACHE = new ConcurrentHashMap<>();

    private final String expression;
    /** Null only for {@link #ALL}. */
    private final Node root;

    private Selector(String expression, Node root) {
        this.expression = expression;
        this.root = root;
    }

    /**
     * Parses a selector.
     *
     * @param expression the selector text; null or blank selects everything
     * @return the parsed selector, {@link #ALL} for a null or blank expression
     * @throws SelectorSyntaxException when the expression is not a valid selector; its position tells where
     */
    public static Selector parse(String expression) throws SelectorSyntaxException {
        if (expression == null || expression.isBlank()) {
            return ALL;
        }
        return new Selector(expression, Parser.parse(expression));
    }

    /**
     * Like {@link #parse(String)}, but through a bounded cache shared by the JVM, because the store evaluates
     * the same few selector strings on every claim. Invalid expressions are not cached.
     *
     * @param expression the selector text; null or blank selects everything
     * @return the parsed selector, possibly the same instance as an earlier call returned
     * @throws SelectorSyntaxException when the expression is not a valid selector
     */
    public static Selector cached(String expression) throws SelectorSyntaxException {
        if (expression == null || expression.isBlank()) {
            return ALL;
        }
        Selector selector = CACHE.get(expression);
        if (selector != null) {
            return selector;
        }
        selector = parse(expression);
        if (CACHE.size() >= CACHE_LIMIT) {
            evictOne();
        }
        Selector raced = CACHE.putIfAbsent(expression, selector);
        return raced != null ? raced : selector;
    }

    /** Arbitrary eviction keeps the cache bounded; a selector evicted while still in use is just parsed again. */
    private static void evictOne() {
        Iterator<String> keys = CACHE.keySet().iterator();
        if (keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    /** Entry count of the shared cache; for tests. */
    static int cacheSize() {
        return CACHE.size();
    }

    /**
     * Evaluates the selector against one message.
     *
     * @param identifiers resolves an identifier (a property name, or a header name such as {@code JMSPriority}
     *                    or {@code JMSDeliveryMode}, for which it should return {@code "PERSISTENT"} or
     *                    {@code "NON_PERSISTENT"}) to its value: a Boolean, Byte, Short, Integer, Long, Float,
     *                    Double or String, or null when the message has no such value. It is called only for
     *                    identifiers that the evaluation needs, possibly more than once per name.
     * @return true only when the selector evaluates to TRUE; FALSE and UNKNOWN do not select the message
     */
    public boolean matches(Function<String, Object> identifiers) {
        return root == null || root.test(identifiers) == Truth.TRUE;
    }

    /** @return the selector text as given to {@link #parse(String)}; the empty string for {@link #ALL} */
    public String expression() {
        return expression;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Selector selector && selector.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return root == null ? "Selector[ALL]" : "Selector[" + expression + "]";
    }
}
