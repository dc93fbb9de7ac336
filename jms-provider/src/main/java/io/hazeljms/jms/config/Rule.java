package io.hazeljms.jms.config;

import java.util.List;
import java.util.Locale;

/** What a value of one setting must be: {@link #violation} says how a value breaks it, null when it does not. */
@FunctionalInterface
public interface Rule<T> {

    /** Why {@code value} is refused, phrased to follow the setting's name ("must be 1..65535"); null if fine. */
    String violation(T value);

    static <N extends Number & Comparable<N>> Rule<N> range(N min, N max) {
        return v -> v.compareTo(min) < 0 || v.compareTo(max) > 0 ? "must be " + min + ".." + max : null;
    }

    static <N extends Number & Comparable<N>> Rule<N> atLeast(N min) {
        return v -> v.compareTo(min) < 0 ? "must be at least " + min : null;
    }

    static <N extends Number> Rule<N> notNegative() {
        return v -> v.longValue() < 0 ? "must not be negative" : null;
    }

    static Rule<String> notBlank() {
        return v -> v.isBlank() ? "must not be empty" : null;
    }

    /** One of {@code accepted}, ignoring case. */
    static Rule<String> oneOf(List<String> accepted) {
        return v -> accepted.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(v.trim().toLowerCase(Locale.ROOT)))
                ? null : "must be " + String.join(" or ", accepted.stream().map(a -> "'" + a + "'").toList());
    }
}
