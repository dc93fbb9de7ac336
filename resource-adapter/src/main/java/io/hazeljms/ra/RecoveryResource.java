package io.hazeljms.ra;

import io.hazeljms.jms.HazelcastConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import jakarta.resource.ResourceException;

import javax.transaction.xa.XAResource;

/** An XA resource for the transaction manager's recovery scan: lists and completes prepared branches. */
final class RecoveryResource {

    private RecoveryResource() {
    }

    static XAResource open(HazelcastConnectionFactory provider) throws ResourceException {
        try {
            XAConnection connection = provider.createXAConnection();
            return connection.createXASession().getXAResource();
        } catch (JMSException e) {
            throw new ResourceException(AdapterError.RECOVERY_UNAVAILABLE.text(e.getMessage()), e);
        }
    }
}
