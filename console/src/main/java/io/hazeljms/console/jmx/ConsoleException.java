package io.hazeljms.console.jmx;

/** What the broker refused or could not do, in the provider's own words (its error id included). */
public final class ConsoleException extends RuntimeException {

    public ConsoleException(String message, Throwable cause) {
        super(message, cause);
    }
}
