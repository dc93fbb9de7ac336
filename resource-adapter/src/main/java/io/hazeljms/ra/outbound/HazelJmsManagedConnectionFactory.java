package io.hazeljms.ra.outbound;

import io.hazeljms.jms.config.Scope;
import io.hazeljms.jms.config.SettingValues;
import io.hazeljms.jms.config.Settings;
import io.hazeljms.ra.AdapterError;
import io.hazeljms.ra.HazelJmsResourceAdapter;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.security.PasswordCredential;

import javax.security.auth.Subject;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Set;

/**
 * Makes pooled managed connections (each one physical XA session on the provider) and the application-facing
 * connection factories. One class serves the ConnectionFactory, QueueConnectionFactory and
 * TopicConnectionFactory connection definitions. XA transaction support.
 */
public class HazelJmsManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation,
        TransactionSupport {

    private static final long serialVersionUID = 1L;

    private transient HazelJmsResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;
    /** The config properties: the settings of {@link Settings} a connection factory may set. */
    private final SettingValues settings = new SettingValues(Scope.CONNECTION_FACTORY);

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) {
        return new HazelJmsConnectionFactory(this, connectionManager);
    }

    /** Outside a container: connections are made directly, without pooling. */
    @Override
    public Object createConnectionFactory() {
        return new HazelJmsConnectionFactory(this, new DirectConnectionManager());
    }

    /**
     * A physical connection logged in with {@link #credentialsFor the request's credentials}.
     *
     * @throws jakarta.resource.spi.SecurityException when the provider refuses them (its JMSSecurityException
     *         is the cause)
     */
    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        return new HazelJmsManagedConnection(this, requireAdapter().provider(), credentialsFor(subject, info));
    }

    /**
     * Managed connections differ only in who they are logged in as (sessions differ per handle): one matches when
     * it was authenticated with the same user name and password the request comes with.
     */
    @Override
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        Credentials wanted = credentialsFor(subject, info);
        for (Object candidate : candidates) {
            if (candidate instanceof HazelJmsManagedConnection mc && mc.factory() == this && mc.isUsable()
                    && mc.credentials().equals(wanted)) {
                return mc;
            }
        }
        return null;
    }

    /**
     * Whom a request logs in as (JCA 2.1 chapter 9), first found of: the user and password the application gave
     * ({@code createConnection(user, password)}, application sign-on); the container's {@code PasswordCredential}
     * for this factory in {@code subject} (container-managed sign-on); this factory's {@code userName} and
     * {@code password}; none.
     *
     * <p>The application's own credentials come first although JCA lets a non-null Subject win: Payara passes a
     * Subject for every container-authorized request (the pool's UserName/Password, which a
     * {@code @JMSConnectionFactoryDefinition}'s user and password become), so with the Subject first an
     * application asking for another user would silently get the pool's.
     */
    Credentials credentialsFor(Subject subject, ConnectionRequestInfo info) {
        if (info instanceof SessionRequest request && request.credentials().given()) {
            return request.credentials();
        }
        Credentials fromContainer = fromSubject(subject);
        if (fromContainer.given()) {
            return fromContainer;
        }
        return Credentials.of(getUserName(), getPassword());
    }

    /** The PasswordCredential of this factory in the Subject (JCA 2.1 §9.1.8, PasswordCredential's javadoc). */
    private Credentials fromSubject(Subject subject) {
        if (subject == null) {
            return Credentials.NONE;
        }
        for (PasswordCredential credential : subject.getPrivateCredentials(PasswordCredential.class)) {
            if (equals(credential.getManagedConnectionFactory())) {
                char[] password = credential.getPassword();
                return Credentials.of(credential.getUserName(), password == null ? null : new String(password));
            }
        }
        return Credentials.NONE;
    }

    @Override
    public TransactionSupportLevel getTransactionSupport() {
        return TransactionSupportLevel.XATransaction;
    }

    HazelJmsResourceAdapter requireAdapter() throws ResourceException {
        if (resourceAdapter == null) {
            throw new ResourceException(AdapterError.FACTORY_NOT_ASSOCIATED.text());
        }
        return resourceAdapter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) {
        this.resourceAdapter = (HazelJmsResourceAdapter) adapter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    public String getClientId() { return settings.get(Settings.CLIENT_ID); }
    public void setClientId(String v) { settings.set(Settings.CLIENT_ID, v); }
    public String getUserName() { return settings.get(Settings.USER_NAME); }
    /** Also where Payara puts a {@code @JMSConnectionFactoryDefinition}'s user (pool property UserName). */
    public void setUserName(String v) { settings.set(Settings.USER_NAME, v); }
    public String getPassword() { return settings.get(Settings.PASSWORD); }
    public void setPassword(String v) { settings.set(Settings.PASSWORD, v); }

    /** JCA: equal factories share a pool, so equality covers every config property. */
    @Override
    public boolean equals(Object o) {
        return o instanceof HazelJmsManagedConnectionFactory other && settings.equals(other.settings)
                && resourceAdapter == other.resourceAdapter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(settings, System.identityHashCode(resourceAdapter));
    }
}
