package io.hazeljms.jms.config;

/** One bad setting: its name and a message that says what to fix. */
public record ConfigProblem(String setting, String message) {
}
