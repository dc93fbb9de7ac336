package io.hazeljms.jms.security;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.config.ConfigProblem;
import io.hazeljms.jms.config.InvalidConfigurationException;
import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.jms.config.Settings;
import jakarta.jms.JMSSecurityException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection factory's security: who may connect ({@link Authenticator}, or the default user for connections
 * without credentials) and what they may do ({@link AccessRules}). Off when no authenticator is configured: every
 * connection then gets {@link #UNCHECKED} and may do everything.
 */
public final class Security {

    /** The identity of every connection while security is off. */
    public static final Identity UNCHECKED = new Identity("(security off)", java.util.Set.of());

    private final String authenticatorName;
    private final Authenticator authenticator;
    private final Identity defaultIdentity;
    private final AccessRules rules;

    private Security(String authenticatorName, Authenticator authenticator, Identity defaultIdentity,
                     AccessRules rules) {
        this.authenticatorName = authenticatorName;
        this.authenticator = authenticator;
        this.defaultIdentity = defaultIdentity;
        this.rules = rules;
    }

    /**
     * The security {@code config} describes; its user and grant files are read now.
     *
     * @throws InvalidConfigurationException naming every bad list, grant or file at once
     */
    public static Security of(ProviderConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        String name = config.values().get(Settings.AUTHENTICATOR).trim();
        Authenticator authenticator = config.authenticator();
        if (authenticator != null) {
            name = authenticator.getClass().getName();
        } else {
            authenticator = switch (name) {
                case "none" -> null;
                case "users" -> userList(config, problems);
                case "jaas" -> new JaasAuthenticator(config.values().get(Settings.JAAS_CONFIGURATION).trim(),
                        config.values().get(Settings.JAAS_REALM));
                default -> custom(name, problems);
            };
        }
        AccessRules rules = accessRules(config, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        String defaultUser = config.values().get(Settings.DEFAULT_USER).trim();
        Identity defaultIdentity = defaultUser.isEmpty() ? null
                : new Identity(defaultUser, UserList.csv(config.values().get(Settings.DEFAULT_ROLES)));
        return new Security(name, authenticator, defaultIdentity, rules);
    }

    /** Whether connections are authenticated and checked at all. */
    public boolean enabled() {
        return authenticator != null;
    }

    /**
     * The identity a connection made with these credentials acts as: with no user, the default user (or a
     * refusal when there is none); otherwise whoever the authenticator says.
     */
    public Identity login(String user, String password) throws JMSSecurityException {
        if (authenticator == null) {
            return UNCHECKED;
        }
        if (user == null || user.isEmpty()) {
            if (defaultIdentity == null) {
                throw new JMSSecurityException(ProviderError.CREDENTIALS_REQUIRED.text(authenticatorName),
                        ProviderError.CREDENTIALS_REQUIRED.id());
            }
            return defaultIdentity;
        }
        return authenticator.authenticate(user, password);
    }

    /** Whether {@code identity} may do {@code permission} on the destination. */
    public boolean allows(Identity identity, Permission permission, boolean queue, String destinationName) {
        return authenticator == null || rules.isEmpty() || rules.allows(identity, permission, queue, destinationName);
    }

    private static UserList userList(ProviderConfig config, List<ConfigProblem> problems) {
        StringBuilder text = new StringBuilder(config.values().get(Settings.USERS)).append('\n');
        readFile(config.values().get(Settings.USERS_FILE), Settings.USERS_FILE.name(), text, problems);
        try {
            return UserList.parse(text.toString(), "users");
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(Settings.USERS.name(), ProviderError.SECURITY_CONFIG_INVALID.text(e.getMessage())));
            return null;
        }
    }

    private static AccessRules accessRules(ProviderConfig config, List<ConfigProblem> problems) {
        StringBuilder text = new StringBuilder(config.values().get(Settings.PERMISSIONS)).append('\n');
        readFile(config.values().get(Settings.PERMISSIONS_FILE), Settings.PERMISSIONS_FILE.name(), text, problems);
        try {
            return AccessRules.parse(text.toString(), "permissions");
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(Settings.PERMISSIONS.name(),
                    ProviderError.SECURITY_CONFIG_INVALID.text(e.getMessage())));
            return null;
        }
    }

    private static void readFile(String file, String setting, StringBuilder into, List<ConfigProblem> problems) {
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            into.append(Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8)).append('\n');
        } catch (IOException | RuntimeException e) {
            problems.add(new ConfigProblem(setting, ProviderError.SECURITY_CONFIG_INVALID.text(
                    setting + " '" + file + "' cannot be read: " + e)));
        }
    }

    private static Authenticator custom(String className, List<ConfigProblem> problems) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(className, true, loader != null ? loader : Security.class.getClassLoader());
            return (Authenticator) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            problems.add(new ConfigProblem(Settings.AUTHENTICATOR.name(),
                    ProviderError.AUTHENTICATOR_UNUSABLE.text(className, e)));
            return null;
        }
    }
}
