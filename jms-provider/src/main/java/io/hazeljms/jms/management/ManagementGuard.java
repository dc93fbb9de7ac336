package io.hazeljms.jms.management;

import io.hazeljms.jms.destination.HazelcastDestination;
import io.hazeljms.jms.security.Permission;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;

/**
 * Who may do what through a {@link BrokerManagement}: a connection's identity ({@code connection.management()})
 * or nobody's ({@code factory.management()}, the JVM operator's, which JMX uses).
 */
@FunctionalInterface
public interface ManagementGuard {

    /** The operator of the JVM: everything is allowed. */
    ManagementGuard OPERATOR = (permission, destination) -> { };

    /**
     * Refuses {@code permission} on {@code destination} unless granted ({@link JMSSecurityException}), and
     * everything once the guard's connection is closed ({@link jakarta.jms.IllegalStateException}).
     */
    void require(Permission permission, HazelcastDestination destination) throws JMSException;

    /** Refuses everything once the guard's connection is closed; what needs no permission checks only this. */
    default void requireOpen() throws JMSException {
    }

    /** Whether {@code permission} on {@code destination} is granted (never once the connection is closed). */
    default boolean allows(Permission permission, HazelcastDestination destination) {
        try {
            require(permission, destination);
            return true;
        } catch (JMSException refusedOrClosed) {
            return false;
        }
    }
}
