package io.hazeljms.ra.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;

/** The non-managed case (no application server): one managed connection per request, destroyed on close. */
final class DirectConnectionManager implements ConnectionManager {

    private static final long serialVersionUID = 1L;

    @Override
    public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
            throws ResourceException {
        ManagedConnection mc = factory.createManagedConnection(null, info);
        mc.addConnectionEventListener(new jakarta.resource.spi.ConnectionEventListener() {
            @Override
            public void connectionClosed(jakarta.resource.spi.ConnectionEvent event) {
                try {
                    mc.destroy();
                } catch (ResourceException e) {
                    // nothing to return it to
                }
            }

            @Override
            public void localTransactionStarted(jakarta.resource.spi.ConnectionEvent event) {
            }

            @Override
            public void localTransactionCommitted(jakarta.resource.spi.ConnectionEvent event) {
            }

            @Override
            public void localTransactionRolledback(jakarta.resource.spi.ConnectionEvent event) {
            }

            @Override
            public void connectionErrorOccurred(jakarta.resource.spi.ConnectionEvent event) {
                connectionClosed(event);
            }
        });
        return mc.getConnection(null, info);
    }
}
