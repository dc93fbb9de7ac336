package io.hazeljms.jms.security;

import jakarta.jms.JMSSecurityException;

/**
 * Checks the credentials a connection is made with. Implementations are thread-safe; a custom one is named by
 * class (public, with a public no-argument constructor) in the {@code authenticator} setting, or handed to
 * {@code ProviderConfig.Builder.authenticator(Authenticator)}.
 */
public interface Authenticator {

    /**
     * The identity of {@code user}, or a {@link JMSSecurityException} saying the credentials were refused.
     *
     * @param user     never null
     * @param password may be null
     */
    Identity authenticate(String user, String password) throws JMSSecurityException;
}
