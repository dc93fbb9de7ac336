package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.jms.security.Identity;
import io.hazeljms.jms.security.Permission;
import io.hazeljms.jms.security.Security;
import io.hazeljms.store.Broker;
import io.hazeljms.store.DestinationKey;
import jakarta.jms.JMSSecurityException;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one connection's identity may do, checked before anything is stored or changed. Temporary destinations
 * are not checked here: they belong to their connection (only it consumes from or deletes them), and whoever
 * holds one (a reply-to) may send to it. Answers are kept per connection: grants do not change while it lives.
 */
public final class DestinationAccess {

    private final Security security;
    private final Identity identity;
    private final Broker broker;
    /** What was allowed already; a null permission marks a destination seen to exist. */
    private final Set<Allowed> allowed = ConcurrentHashMap.newKeySet();

    private record Allowed(DestinationKey destination, Permission permission) {
    }

    DestinationAccess(Security security, Identity identity, Broker broker) {
        this.security = security;
        this.identity = identity;
        this.broker = broker;
    }

    /** Who the connection acts for. */
    public Identity identity() {
        return identity;
    }

    /**
     * Refuses {@code permission} on {@code destination} unless a grant gives it; one that does not exist yet
     * would be created by the use, so it also needs {@link Permission#CREATE_DESTINATION}.
     */
    void requireUse(Permission permission, HazelcastDestination destination) throws JMSSecurityException {
        if (destination.isTemporary() || !security.enabled()) {
            return; // the send path's common case: nothing to look up
        }
        require(permission, destination);
        Allowed exists = new Allowed(destination.key(), null);
        if (!allowed.contains(exists) && !security.allows(identity, Permission.CREATE_DESTINATION,
                destination.isQueue(), destination.getName())) {
            if (!broker.administration().exists(destination.key())) {
                throw refused(Permission.CREATE_DESTINATION, destination);
            }
            allowed.add(exists);
        }
    }

    /** Refuses {@code permission} on {@code destination} unless a grant gives it to one of the identity's roles. */
    void require(Permission permission, HazelcastDestination destination) throws JMSSecurityException {
        if (destination.isTemporary() || !security.enabled()) {
            return;
        }
        Allowed key = new Allowed(destination.key(), permission);
        if (allowed.contains(key)) {
            return;
        }
        if (!security.allows(identity, permission, destination.isQueue(), destination.getName())) {
            throw refused(permission, destination);
        }
        allowed.add(key);
    }

    private JMSSecurityException refused(Permission permission, HazelcastDestination destination) {
        return new JMSSecurityException(ProviderError.PERMISSION_DENIED.text(identity.user(), identity.roles(),
                action(permission), destination, permission.label()), ProviderError.PERMISSION_DENIED.id());
    }

    private static String action(Permission permission) {
        return switch (permission) {
            case SEND -> "send to";
            case CONSUME -> "consume from";
            case BROWSE -> "browse";
            case CREATE_DESTINATION -> "create";
            case DELETE_DESTINATION -> "delete";
            case CREATE_DURABLE -> "create or use a durable subscription of";
            case DELETE_DURABLE -> "delete a durable subscription of";
            case MANAGE -> "manage";
        };
    }
}
