package io.hazeljms.ra.outbound;

import io.hazeljms.jms.client.HazelcastJMSContext;
import jakarta.jms.JMSContext;

/** The simplified API over the resource adapter's handles: the provider's context on a connection handle. */
final class ContextOverHandles {

    private ContextOverHandles() {
    }

    static JMSContext create(ConnectionHandle connection, int sessionMode) {
        return HazelcastJMSContext.over(connection, sessionMode);
    }
}
