package io.hazeljms.ra.outbound;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;

/** TEMPORARY until the provider's context works over any Connection. */
final class ContextOverHandles {
    private ContextOverHandles() {
    }

    static JMSContext create(ConnectionHandle connection, int sessionMode) {
        throw new JMSRuntimeException("HJMS-RA-000 JMSContext from the resource adapter: pending");
    }
}
