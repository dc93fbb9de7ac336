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
 * names of the subject's principals other than the user's own (a Payara realm's groups).
 *
 * <p>Payara's realm login modules ({@code fileRealm}, {@code jdbcRealm}, {@code ldapRealm} of its
 * {@code login.conf}) ignore callbacks: they read a password credential of Payara's own, naming the realm, from the
 * subject. With a {@code realm} given, that credential is put in the subject too, found by class name so that
 * nothing of Payara is needed elsewhere.
 */
public final class JaasAuthenticator implements Authenticator {

    /** Payara's credential class for its realm login modules: (user, password, realm). */
    static final String PAYARA_PASSWORD_CREDENTIAL = "com.sun.enterprise.security.auth.login.common.PasswordCredential";

    private final String entry;
    private final String realm;

    /** @param realm a Payara realm name ({@code file}) for Payara's realm modules, or null */
    public JaasAuthenticator(String entry, String realm) {
        this.entry = entry;
        this.realm = realm == null || realm.isBlank() ? null : realm.trim();
    }

    @Override
    public Identity authenticate(String user, String password) throws JMSSecurityException {
        Subject subject = new Subject();
        if (realm != null && password != null) {
            subject.getPrivateCredentials().add(payaraCredential(user, password));
        }
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

    private Object payaraCredential(String user, String password) throws JMSSecurityException {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(PAYARA_PASSWORD_CREDENTIAL, false,
                    loader != null ? loader : JaasAuthenticator.class.getClassLoader());
            return type.getConstructor(String.class, char[].class, String.class)
                    .newInstance(user, password.toCharArray(), realm);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new JMSSecurityException(ProviderError.JAAS_ENTRY_UNUSABLE.text(entry, "jaasRealm '" + realm
                    + "' needs Payara's " + PAYARA_PASSWORD_CREDENTIAL + ", which is not visible here (" + e + ")"),
                    ProviderError.JAAS_ENTRY_UNUSABLE.id());
        }
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
