package io.hazeljms.store.selector;

/**
 * What the parser knows about an expression's type before any message is seen; used to reject selectors such
 * as {@code 'a' + 1} or {@code 1 + 2} at parse time.
 */
enum StaticType {
    BOOLEAN("a boolean"),
    NUMERIC("a numeric"),
    STRING("a string"),
    /** An identifier: its type is only known per message. */
    DYNAMIC("an identifier");

    private final String description;

    StaticType(String description) {
        this.description = description;
    }

    /** @return whether a value of this type may turn out to be of type {@code wanted} */
    boolean canBe(StaticType wanted) {
        return this == DYNAMIC || this == wanted;
    }

    String description() {
        return description;
    }
}
