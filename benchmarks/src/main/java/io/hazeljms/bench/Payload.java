package io.hazeljms.bench;

/**
 * The 1 KiB text every target carries: a 19-digit send timestamp ({@link System#nanoTime()}, valid because
 * producers and consumers share this JVM), a 10-digit message number, then filler. The same string is the
 * body of a JMS {@code TextMessage} and the element offered to a Hazelcast {@code IQueue}, so every target
 * moves the same bytes and the receiver needs no headers or properties to time and count a message.
 */
public final class Payload {

    /** Characters per message (ASCII, so 1 KiB as UTF-8 too). */
    public static final int SIZE = 1024;
    private static final int STAMP_DIGITS = 19;
    private static final int ID_DIGITS = 10;
    private static final int ID_AT = STAMP_DIGITS + 1;
    private static final char[] TEMPLATE = template();
    /**
     * A common origin for stamps: {@link System#nanoTime()} may be negative, stamps are taken relative to
     * this JVM-wide base so that they never are.
     */
    private static final long BASE = System.nanoTime() - 1_000_000_000L;

    private Payload() {
    }

    /** Nanoseconds on the clock every stamp uses (monotonic, positive, shared by all threads of this JVM). */
    public static long now() {
        return System.nanoTime() - BASE;
    }

    private static char[] template() {
        char[] t = new char[SIZE];
        for (int i = 0; i < SIZE; i++) {
            t[i] = (char) ('a' + i % 26);
        }
        t[STAMP_DIGITS] = ':';
        t[ID_AT + ID_DIGITS] = ':';
        return t;
    }

    /** A payload stamped with {@code nanos} (must be non-negative) carrying message number {@code id}. */
    public static String of(long nanos, int id) {
        if (nanos < 0 || id < 0) {
            throw new IllegalArgumentException("stamp and id must not be negative: " + nanos + ", " + id);
        }
        char[] c = TEMPLATE.clone();
        writeDigits(c, 0, STAMP_DIGITS, nanos);
        writeDigits(c, ID_AT, ID_DIGITS, id);
        return new String(c);
    }

    public static long stamp(String payload) {
        return readDigits(payload, 0, STAMP_DIGITS);
    }

    public static int id(String payload) {
        return (int) readDigits(payload, ID_AT, ID_DIGITS);
    }

    private static void writeDigits(char[] c, int at, int digits, long value) {
        for (int i = at + digits - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        if (value != 0) {
            throw new IllegalArgumentException("value does not fit in " + digits + " digits");
        }
    }

    private static long readDigits(String s, int at, int digits) {
        if (s == null || s.length() != SIZE) {
            throw new IllegalArgumentException("not a benchmark payload: "
                    + (s == null ? "null" : "length " + s.length()));
        }
        long v = 0;
        for (int i = at; i < at + digits; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new IllegalArgumentException("not a benchmark payload: bad digit at " + i);
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }
}
