package io.hazeljms.store.selector;

/** SQL three-valued logic (spec 3.8.1.2 tables): UNKNOWN stands for a comparison involving a missing value. */
enum Truth {
    TRUE, FALSE, UNKNOWN;

    static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** A Boolean maps to TRUE/FALSE; null and every non-boolean value are UNKNOWN. */
    static Truth of(Object value) {
        return value instanceof Boolean b ? of(b.booleanValue()) : UNKNOWN;
    }

    Truth not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** FALSE wins over UNKNOWN: FALSE AND UNKNOWN is FALSE. */
    Truth and(Truth other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
    }

    /** TRUE wins over UNKNOWN: TRUE OR UNKNOWN is TRUE. */
    Truth or(Truth other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
    }

    /** @return the Boolean for TRUE/FALSE, null for UNKNOWN (the value form of a condition) */
    Boolean toBoolean() {
        return this == UNKNOWN ? null : this == TRUE;
    }
}
