package io.hazeljms.jms.security;

/**
 * A destination-name pattern as Artemis users write them: words separated by {@code .}, {@code *} for exactly
 * one word, {@code #} for any number of words (none included). An optional {@code queue:} or {@code topic:}
 * prefix limits it to one kind; without one it matches queues and topics.
 */
record DestinationPattern(String text, Boolean queues, String[] words) {

    static DestinationPattern parse(String text) {
        String body = text.trim();
        Boolean queues = null;
        if (body.startsWith("queue:")) {
            queues = true;
            body = body.substring("queue:".length());
        } else if (body.startsWith("topic:")) {
            queues = false;
            body = body.substring("topic:".length());
        }
        if (body.isEmpty()) {
            throw new IllegalArgumentException("pattern '" + text + "' names no destination (# matches all)");
        }
        return new DestinationPattern(text.trim(), queues, body.split("\\.", -1));
    }

    boolean matches(boolean queue, String name) {
        return (queues == null || queues == queue) && matches(words, 0, name.split("\\.", -1), 0);
    }

    private static boolean matches(String[] pattern, int p, String[] name, int n) {
        if (p == pattern.length) {
            return n == name.length;
        }
        if (pattern[p].equals("#")) {
            for (int skip = n; skip <= name.length; skip++) {
                if (matches(pattern, p + 1, name, skip)) {
                    return true;
                }
            }
            return false;
        }
        return n < name.length && (pattern[p].equals("*") || pattern[p].equals(name[n]))
                && matches(pattern, p + 1, name, n + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DestinationPattern other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
