package io.hazeljms.jms.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who a connection acts for: the user an {@link Authenticator} accepted (or the default user of connections
 * made without credentials) and the roles that user holds, to which {@link AccessRules} grant permissions.
 */
public record Identity(String user, Set<String> roles) {

    public Identity {
        Objects.requireNonNull(user, "user");
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return user + " " + roles;
    }
}
