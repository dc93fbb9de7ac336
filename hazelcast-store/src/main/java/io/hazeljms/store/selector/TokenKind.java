package io.hazeljms.store.selector;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lexical categories of the selector language. */
enum TokenKind {
    IDENTIFIER, STRING, EXACT_NUMBER, APPROXIMATE_NUMBER,

    // Reserved words: case-insensitive and never identifiers (spec 3.8.1.1).
    NULL(true), TRUE(true), FALSE(true), NOT(true), AND(true), OR(true),
    BETWEEN(true), LIKE(true), IN(true), IS(true), ESCAPE(true),

    EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL,
    PLUS, MINUS, TIMES, DIVIDE, LEFT_PAREN, RIGHT_PAREN, COMMA,
    END;

    private static final Map<String, TokenKind> RESERVED_WORDS = Arrays.stream(values())
            .filter(TokenKind::isReservedWord)
            .collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    private final boolean reservedWord;

    TokenKind() {
        this(false);
    }

    TokenKind(boolean reservedWord) {
        this.reservedWord = reservedWord;
    }

    boolean isReservedWord() {
        return reservedWord;
    }

    /** @return the reserved word spelled {@code word} in any letter case, or null when it is not one */
    static TokenKind reservedWord(String word) {
        // ASCII only: Unicode case mapping would turn an identifier like "\u0131n" (dotless i) into IN.
        if (!word.chars().allMatch(c -> c < 128)) {
            return null;
        }
        return RESERVED_WORDS.get(word.toUpperCase(Locale.ROOT));
    }
}
