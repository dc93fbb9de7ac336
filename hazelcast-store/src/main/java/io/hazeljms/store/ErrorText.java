package io.hazeljms.store;

import java.util.Locale;

/**
 * One entry of a module's error catalog ({@link StoreError}, and the provider's and the adapter's): its id, its
 * message template ({@link String#format} syntax, without the id) and what a user does about it (for the README).
 */
public record ErrorText(String id, String template, String action) {

    /** Implemented by each module's catalog enum, whose constants each hold one {@link ErrorText}. */
    public interface Catalogued {

        ErrorText entry();

        /** The error id: also the error code of exceptions that carry one. */
        default String id() {
            return entry().id();
        }

        default String template() {
            return entry().template();
        }

        default String action() {
            return entry().action();
        }

        /** The exception or log message: the id, then the template filled with the details. */
        default String text(Object... details) {
            return entry().text(details);
        }
    }

    /** The id, then the template filled with the details. */
    public String text(Object... details) {
        return id + " " + String.format(Locale.ROOT, template, details);
    }
}
