package io.hazeljms.store.selector;

/** Numeric value helpers: the selector works on Long (exact) and Double (approximate) only. */
final class Numbers {

    private Numbers() {
    }

    /**
     * Widens Byte, Short, Integer to Long and Float to Double, as Java numeric promotion would. Every other
     * value is returned unchanged; operators treat types they do not know as UNKNOWN.
     */
    static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }

    static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof Double;
    }
}
