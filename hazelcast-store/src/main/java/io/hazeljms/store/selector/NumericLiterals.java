package io.hazeljms.store.selector;

import java.util.regex.Pattern;

/**
 * Numeric literals read as Java reads them (spec 3.8.1.1: "Exact numeric literals use the Java integer literal
 * syntax", "Approximate literals use the Java floating-point literal syntax"): decimal, hexadecimal ({@code 0x1F}),
 * octal ({@code 035} is 29), binary ({@code 0b101}), underscores between digits ({@code 1_000}), {@code L}
 * suffixes; floating point with a point, an exponent or an {@code F}/{@code D} suffix, hexadecimal ones too
 * ({@code 0x1.8p1}). The sign is not part of a literal (it is a unary operator).
 */
final class NumericLiterals {

    private static final String DIGITS = "[0-9](?:[0-9_]*[0-9])?";
    private static final String HEX_DIGITS = "[0-9a-fA-F](?:[0-9a-fA-F_]*[0-9a-fA-F])?";
    private static final String EXPONENT = "[eE][+-]?" + DIGITS;
    private static final Pattern DECIMAL = Pattern.compile("(?:0|[1-9](?:[0-9_]*[0-9])?)[lL]?");
    private static final Pattern HEXADECIMAL = Pattern.compile("0[xX]" + HEX_DIGITS + "[lL]?");
    private static final Pattern OCTAL = Pattern.compile("0_*[0-7](?:[0-7_]*[0-7])?[lL]?");
    private static final Pattern BINARY = Pattern.compile("0[bB][01](?:[01_]*[01])?[lL]?");
    private static final Pattern DECIMAL_FLOATING = Pattern.compile(
            DIGITS + "\\.(?:" + DIGITS + ")?(?:" + EXPONENT + ")?[fFdD]?"
                    + "|\\." + DIGITS + "(?:" + EXPONENT + ")?[fFdD]?"
                    + "|" + DIGITS + EXPONENT + "[fFdD]?"
                    + "|" + DIGITS + "[fFdD]");
    private static final Pattern HEXADECIMAL_FLOATING = Pattern.compile(
            "0[xX](?:" + HEX_DIGITS + "\\.?|(?:" + HEX_DIGITS + ")?\\." + HEX_DIGITS + ")[pP][+-]?" + DIGITS
                    + "[fFdD]?");

    private NumericLiterals() {
    }

    /**
     * @param text a literal as scanned (digits, letters, points, and signs after an exponent letter)
     * @return its kind
     * @throws IllegalArgumentException saying what is wrong when it is not a Java numeric literal
     */
    static TokenKind kind(String text) {
        if (DECIMAL.matcher(text).matches() || HEXADECIMAL.matcher(text).matches() || OCTAL.matcher(text).matches()
                || BINARY.matcher(text).matches()) {
            return TokenKind.EXACT_NUMBER;
        }
        if (DECIMAL_FLOATING.matcher(text).matches() || HEXADECIMAL_FLOATING.matcher(text).matches()) {
            return TokenKind.APPROXIMATE_NUMBER;
        }
        throw new IllegalArgumentException(whatIsWrong(text));
    }

    private static String whatIsWrong(String text) {
        boolean hex = isPrefixed(text, 'x');
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '_' && !(digitAround(text, i, -1, hex) && digitAround(text, i, 1, hex))) {
                return "an underscore may only stand between digits";
            }
        }
        if (hex && (text.length() == 2 || Character.digit(text.charAt(2), 16) < 0 && text.charAt(2) != '.')) {
            return "a hexadecimal literal needs hexadecimal digits after 0x";
        }
        if (hex && text.contains(".")) {
            return "a hexadecimal floating-point literal needs a binary exponent (p and a power of 2)";
        }
        if (!hex && text.matches(".*[eE][+-]?")) {
            return "the exponent has no digits";
        }
        if (isPrefixed(text, 'b')) {
            return "a binary literal has only the digits 0 and 1 after 0b";
        }
        if (text.matches("0[0-9_]+[lL]?")) {
            return "a leading 0 makes an integer octal, whose digits are 0 to 7";
        }
        return "not a Java integer or floating-point literal";
    }

    private static boolean isPrefixed(String text, char letter) {
        return text.length() >= 2 && text.charAt(0) == '0' && Character.toLowerCase(text.charAt(1)) == letter;
    }

    /** Whether the nearest character other than '_' in {@code direction} from {@code index} is a digit. */
    private static boolean digitAround(String text, int index, int direction, boolean hex) {
        int i = index;
        while (i >= 0 && i < text.length() && text.charAt(i) == '_') {
            i += direction;
        }
        return i >= 0 && i < text.length() && Character.digit(text.charAt(i), hex ? 16 : 10) >= 0;
    }

    /**
     * The value of an exact literal, negated when a unary minus stands before it (so Long.MIN_VALUE can be
     * written). Like Java, hexadecimal, octal and binary literals may use all 64 bits ({@code 0xFFFFFFFFFFFFFFFF}
     * is -1).
     *
     * @throws NumberFormatException when it is out of the long range
     */
    static long exactValue(String text, boolean negative) {
        String digits = text.replace("_", "");
        if (digits.endsWith("L") || digits.endsWith("l")) {
            digits = digits.substring(0, digits.length() - 1);
        }
        int radix = 10;
        if (isPrefixed(digits, 'x') || isPrefixed(digits, 'b')) {
            radix = isPrefixed(digits, 'x') ? 16 : 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.charAt(0) == '0') {
            radix = 8;
            digits = digits.substring(1);
        }
        if (radix == 10) {
            return Long.parseLong(negative ? "-" + digits : digits);
        }
        long value = Long.parseUnsignedLong(digits, radix);
        return negative ? -value : value;
    }

    /** The value of an approximate literal: an {@code F} suffix rounds to float first, as Java does. */
    static double approximateValue(String text) {
        String digits = text.replace("_", "");
        char last = digits.charAt(digits.length() - 1);
        return last == 'f' || last == 'F' ? Float.parseFloat(digits) : Double.parseDouble(digits);
    }
}
