package io.hazeljms.ra.outbound;

import io.hazeljms.jms.HazelcastConnectionFactory;
import io.hazeljms.jms.client.HazelcastConnection;
import io.hazeljms.jms.client.HazelcastXASession;
import io.hazeljms.ra.AdapterError;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import jakarta.jms.XAConnection;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import jakarta.resource.spi.ResourceAdapterInternalException;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One pooled physical session: an XA session of the provider (whose work joins the container's transaction
 * through {@link #getXAResource()}) plus an auto-acknowledge session for sends outside any transaction.
 * Application handles ({@link SessionHandle}) come and go; the physical sessions stay.
 */
public class HazelJmsManagedConnection implements ManagedConnection {

    private final HazelJmsManagedConnectionFactory factory;
    /** Whom the physical connection is logged in as; it serves only requests with the same credentials. */
    private final Credentials credentials;
    private final XAConnection physicalConnection;
    private final HazelcastXASession xaSession;
    private Session autoSession;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<SessionHandle> handles = ConcurrentHashMap.newKeySet();
    private volatile boolean destroyed;
    private PrintWriter logWriter;

    HazelJmsManagedConnection(HazelJmsManagedConnectionFactory factory, HazelcastConnectionFactory provider,
                              Credentials credentials) throws ResourceException {
        this.factory = factory;
        this.credentials = credentials;
        try {
            physicalConnection = provider.createXAConnection(credentials.userName(), credentials.password());
        } catch (JMSSecurityException e) {
            throw refused(e);
        } catch (JMSException e) {
            throw new ResourceAdapterInternalException(AdapterError.CONNECTION_FAILED.text(e.getMessage()), e);
        }
        try {
            if (!factory.getClientId().isEmpty()) {
                physicalConnection.setClientID(factory.getClientId());
            }
            physicalConnection.start();
            xaSession = (HazelcastXASession) physicalConnection.createXASession();
        } catch (JMSException e) {
            closeQuietly();
            throw new ResourceAdapterInternalException(AdapterError.CONNECTION_FAILED.text(e.getMessage()), e);
        }
    }

    /**
     * The provider's refusal as the container expects it (JCA: a security failure is a
     * {@link jakarta.resource.spi.SecurityException}), carrying its message and the JMSSecurityException as cause,
     * so that the connection handle can give the application the provider's exception.
     */
    static jakarta.resource.spi.SecurityException refused(JMSSecurityException e) {
        jakarta.resource.spi.SecurityException security = new jakarta.resource.spi.SecurityException(e.getMessage(),
                e.getErrorCode());
        security.initCause(e);
        return security;
    }

    private void closeQuietly() {
        try {
            physicalConnection.close();
        } catch (JMSException | RuntimeException ignored) {
            // it failed to start; nothing more to release
        }
    }

    HazelJmsManagedConnectionFactory factory() {
        return factory;
    }

    Credentials credentials() {
        return credentials;
    }

    boolean isUsable() {
        return !destroyed;
    }

    XAConnection physicalConnection() {
        return physicalConnection;
    }

    HazelcastXASession xaSession() {
        return xaSession;
    }

    /** Sends outside a transaction go through this session, so they never wait for an acknowledgement. */
    synchronized Session autoSession() throws JMSException {
        if (autoSession == null) {
            autoSession = physicalConnection.createSession(Session.AUTO_ACKNOWLEDGE);
        }
        return autoSession;
    }

    /** Whether the container's transaction has enlisted this connection's XA resource right now. */
    boolean inGlobalTransaction() {
        return xaSession.xaResource().isInTransaction();
    }

    /**
     * A session handle for the request. The physical connection cannot log in again as someone else (ra.xml:
     * no reauthentication support), so a request with other credentials is refused; matching by credentials
     * ({@link HazelJmsManagedConnectionFactory#matchManagedConnections}) makes the container create a connection
     * for them instead.
     */
    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        Credentials wanted = factory.credentialsFor(subject, info);
        if (!wanted.equals(credentials)) {
            throw new jakarta.resource.spi.SecurityException(AdapterError.OTHER_CREDENTIALS.text(credentials, wanted));
        }
        SessionRequest request = info instanceof SessionRequest r ? r : new SessionRequest(false, Session.AUTO_ACKNOWLEDGE);
        SessionHandle handle = new SessionHandle(this, request);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof SessionHandle handle)) {
            throw new ResourceException(AdapterError.FOREIGN_HANDLE.text(connection));
        }
        Credentials its = handle.credentials();
        if (!its.equals(credentials)) {
            throw new jakarta.resource.spi.SecurityException(AdapterError.OTHER_CREDENTIALS.text(credentials, its));
        }
        handle.reassociate(this);
        handles.add(handle);
    }

    void dissociate(SessionHandle handle) {
        handles.remove(handle);
    }

    /** The application closed a handle: tell the pool it may reuse this connection. */
    void handleClosed(SessionHandle handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        listeners.forEach(l -> l.connectionClosed(event));
    }

    /** Back to the pool: invalidate handles, drop work done outside a transaction that was never completed. */
    @Override
    public void cleanup() throws ResourceException {
        handles.forEach(SessionHandle::invalidate);
        handles.clear();
        if (!inGlobalTransaction()) {
            try {
                xaSession.rollbackLocal();
            } catch (JMSException e) {
                throw new ResourceException(AdapterError.CLEANUP_FAILED.text(e.getMessage()), e);
            }
        }
    }

    @Override
    public void destroy() throws ResourceException {
        destroyed = true;
        handles.forEach(SessionHandle::invalidate);
        handles.clear();
        try {
            physicalConnection.close();
        } catch (JMSException e) {
            throw new ResourceException(AdapterError.DESTROY_FAILED.text(e.getMessage()), e);
        }
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() {
        return xaSession.getXAResource();
    }

    @Override
    public LocalTransaction getLocalTransaction() {
        return new LocalTransaction() {
            @Override
            public void begin() {
                // work is collected by the session until commit or rollback
            }

            @Override
            public void commit() throws ResourceException {
                try {
                    xaSession.commitLocal();
                } catch (JMSException e) {
                    throw new ResourceException(AdapterError.LOCAL_COMMIT_FAILED.text(e.getMessage()), e);
                }
            }

            @Override
            public void rollback() throws ResourceException {
                try {
                    xaSession.rollbackLocal();
                } catch (JMSException e) {
                    throw new ResourceException(AdapterError.LOCAL_ROLLBACK_FAILED.text(e.getMessage()), e);
                }
            }
        };
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "HazelJMS";
            }

            @Override
            public String getEISProductVersion() {
                return "0.1";
            }

            @Override
            public int getMaxConnections() {
                return 0; // no limit of ours
            }

            @Override
            public String getUserName() {
                return physicalConnection instanceof HazelcastConnection c ? c.access().identity().user() : null;
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
