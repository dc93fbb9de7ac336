package io.hazeljms.store.selector;

import java.util.ArrayList;
import java.util.List;

/** Splits a selector into tokens; the list always ends with an {@link TokenKind#END} token. */
final class Tokenizer {

    private final String input;
    private int pos;

    private Tokenizer(String input) {
        this.input = input;
    }

    static List<Token> tokenize(String input) throws SelectorSyntaxException {
        Tokenizer tokenizer = new Tokenizer(input);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = tokenizer.next();
            tokens.add(token);
        } while (token.kind() != TokenKind.END);
        return tokens;
    }

    private Token next() throws SelectorSyntaxException {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= input.length()) {
            return new Token(TokenKind.END, "", null, start);
        }
        char c = input.charAt(pos);
        if (c == '\'') {
            return stringLiteral(start);
        }
        if (isDigit(c) || (c == '.' && isDigit(charAt(pos + 1)))) {
            return numericLiteral(start);
        }
        if (Character.isJavaIdentifierStart(input.codePointAt(pos))) {
            return word(start);
        }
        return operator(start, c);
    }

    /** 'text' where '' stands for one quote. */
    private Token stringLiteral(int start) throws SelectorSyntaxException {
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= input.length()) {
                throw new SelectorSyntaxException("unterminated string literal", start);
            }
            char c = input.charAt(pos++);
            if (c != '\'') {
                value.append(c);
            } else if (charAt(pos) == '\'') {
                value.append('\'');
                pos++;
            } else {
                break;
            }
        }
        return new Token(TokenKind.STRING, input.substring(start, pos), value.toString(), start);
    }

    /**
     * A numeric literal, checked against Java's literal syntax ({@link NumericLiterals}). The sign is not part of
     * the literal (it is a unary operator), and range checks happen in the parser, which knows about a leading
     * minus. Everything glued to the number (12abc, 1.2.3) belongs to it, so it is one malformed token, not two.
     */
    private Token numericLiteral(int start) throws SelectorSyntaxException {
        boolean hex = charAt(pos) == '0' && (charAt(pos + 1) == 'x' || charAt(pos + 1) == 'X');
        while (pos < input.length()) {
            char c = charAt(pos);
            char previous = pos > start ? input.charAt(pos - 1) : '\0';
            // a sign belongs to an exponent: e/E in a decimal literal, p/P in a hexadecimal one
            boolean exponentSign = (c == '+' || c == '-')
                    && (hex ? previous == 'p' || previous == 'P' : previous == 'e' || previous == 'E');
            if (c == '.' || exponentSign) {
                pos++;
            } else if (Character.isJavaIdentifierPart(input.codePointAt(pos))) {
                pos += Character.charCount(input.codePointAt(pos));
            } else {
                break;
            }
        }
        String text = input.substring(start, pos);
        try {
            return new Token(NumericLiterals.kind(text), text, null, start);
        } catch (IllegalArgumentException e) {
            throw new SelectorSyntaxException("malformed number '" + text + "': " + e.getMessage(), start);
        }
    }

    /** An identifier or a reserved word. */
    private Token word(int start) {
        while (pos < input.length() && Character.isJavaIdentifierPart(input.codePointAt(pos))) {
            pos += Character.charCount(input.codePointAt(pos));
        }
        String text = input.substring(start, pos);
        TokenKind reserved = TokenKind.reservedWord(text);
        return new Token(reserved != null ? reserved : TokenKind.IDENTIFIER, text, null, start);
    }

    private Token operator(int start, char c) throws SelectorSyntaxException {
        char following = charAt(pos + 1);
        TokenKind kind;
        int length = 1;
        switch (c) {
            case '=' -> {
                if (following == '=') {
                    throw new SelectorSyntaxException("'==' is not an operator, use '='", start);
                }
                kind = TokenKind.EQUAL;
            }
            case '!' -> throw new SelectorSyntaxException(
                    following == '=' ? "'!=' is not an operator, use '<>'" : "unexpected character '!'", start);
            case '<' -> {
                kind = following == '>' ? TokenKind.NOT_EQUAL
                        : following == '=' ? TokenKind.LESS_OR_EQUAL : TokenKind.LESS;
                length = kind == TokenKind.LESS ? 1 : 2;
            }
            case '>' -> {
                kind = following == '=' ? TokenKind.GREATER_OR_EQUAL : TokenKind.GREATER;
                length = kind == TokenKind.GREATER ? 1 : 2;
            }
            case '+' -> kind = TokenKind.PLUS;
            case '-' -> kind = TokenKind.MINUS;
            case '*' -> kind = TokenKind.TIMES;
            case '/' -> kind = TokenKind.DIVIDE;
            case '(' -> kind = TokenKind.LEFT_PAREN;
            case ')' -> kind = TokenKind.RIGHT_PAREN;
            case ',' -> kind = TokenKind.COMMA;
            default -> throw new SelectorSyntaxException("unexpected character " + quote(input.codePointAt(pos)), start);
        }
        pos += length;
        return new Token(kind, input.substring(start, pos), null, start);
    }

    private static String quote(int codePoint) {
        return Character.isISOControl(codePoint) || !Character.isDefined(codePoint)
                ? String.format("U+%04X", codePoint)
                : "'" + Character.toString(codePoint) + "'";
    }

    /** @return the character at {@code index}, or NUL past the end (never part of a valid token) */
    private char charAt(int index) {
        return index < input.length() ? input.charAt(index) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
