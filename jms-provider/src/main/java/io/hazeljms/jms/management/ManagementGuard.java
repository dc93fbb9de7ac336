package io.hazeljms.jms.management;

import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.jms.security.Permission;
import jakarta.jms.JMSSecurityException;

/**
 * Who may do what through a {@link BrokerManagement}: a connection's identity ({@code connection.management()})
 * or nobody's ({@code factory.management()}, the JVM operator's, which JMX uses).
 */
@FunctionalInterface
public interface ManagementGuard {

    /** The operator of the JVM: everything is allowed. */
    ManagementGuard OPERATOR = (permission, destination) -> { };

    /** Refuses {@code permission} on {@code destination} unless granted. */
    void require(Permission permission, HazelcastDestination destination) throws JMSSecurityException;

    /** Whether {@code permission} on {@code destination} is granted. */
    default boolean allows(Permission permission, HazelcastDestination destination) {
        try {
            require(permission, destination);
            return true;
        } catch (JMSSecurityException e) {
            return false;
        }
    }
}
