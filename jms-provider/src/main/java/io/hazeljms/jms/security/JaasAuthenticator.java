package io.hazeljms.jms.security;

import io.hazeljms.jms.ProviderError;
import jakarta.jms.JMSSecurityException;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Authenticates through a JAAS login configuration entry (the JVM's {@code java.security.auth.login.config}, or
 * a container's): the login modules get the user and password by name and password callbacks. The roles are the
 * names of the subject's principals other than the user's own.
 */
public final class JaasAuthenticator implements Authenticator {

    private final String entry;

    public JaasAuthenticator(String entry) {
        this.entry = entry;
    }

    @Override
    public Identity authenticate(String user, String password) throws JMSSecurityException {
        Subject subject = new Subject();
        LoginContext login;
        try {
            login = new LoginContext(entry, subject, callbacks -> answer(callbacks, user, password));
        } catch (LoginException | SecurityException e) {
            JMSSecurityException refused = new JMSSecurityException(
                    ProviderError.JAAS_ENTRY_UNUSABLE.text(entry, e.getMessage()), ProviderError.JAAS_ENTRY_UNUSABLE.id());
            refused.setLinkedException(e);
            throw refused;
        }
        try {
            login.login();
        } catch (LoginException e) {
            JMSSecurityException refused = new JMSSecurityException(ProviderError.AUTHENTICATION_FAILED.text(user),
                    ProviderError.AUTHENTICATION_FAILED.id());
            refused.setLinkedException(e);
            throw refused;
        }
        Set<String> roles = subject.getPrincipals().stream().map(Principal::getName)
                .filter(name -> name != null && !name.equals(user)).collect(Collectors.toUnmodifiableSet());
        return new Identity(user, roles);
    }

    private static void answer(Callback[] callbacks, String user, String password)
            throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback pass) {
                pass.setPassword(password == null ? null : password.toCharArray());
            } else {
                throw new UnsupportedCallbackException(callback, "HazelJMS offers only the user and password");
            }
        }
    }
}
