package io.hazeljms.jms.config;

/** Where a setting may be given. */
public enum Scope {
    /** {@link ProviderConfig.Builder}: a builder method of the setting's name. */
    JAVA("Java"),
    /** A config property of the resource adapter ({@code ra.xml}, server-wide). */
    RESOURCE_ADAPTER("RA"),
    /** A config property of the managed connection factory (each connection definition). */
    CONNECTION_FACTORY("connection factory"),
    /** An {@code @ActivationConfigProperty} of a message-driven bean. */
    ACTIVATION_SPEC("MDB"),
    /** Part of a destination's policy, kept with the destination in the cluster. */
    DESTINATION("destination");

    private final String label;

    Scope(String label) {
        this.label = label;
    }

    /** How the README names this scope. */
    public String label() {
        return label;
    }
}
