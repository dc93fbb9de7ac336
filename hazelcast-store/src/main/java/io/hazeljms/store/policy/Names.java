package io.hazeljms.store.policy;

final class Names {

    private Names() {
    }

    /** A queue name as configured: blank means none. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
