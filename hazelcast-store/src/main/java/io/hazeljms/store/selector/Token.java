package io.hazeljms.store.selector;

/**
 * One lexical token.
 *
 * @param kind     its category
 * @param text     the text exactly as written in the selector (a string literal keeps its quotes)
 * @param value    for a string literal its unescaped content, otherwise null
 * @param position 0-based index of its first character in the selector
 */
record Token(TokenKind kind, String text, String value, int position) {

    /** How the token is named in error messages. */
    String describe() {
        return switch (kind) {
            case END -> "end of selector";
            case STRING -> text;
            default -> "'" + text + "'";
        };
    }
}
