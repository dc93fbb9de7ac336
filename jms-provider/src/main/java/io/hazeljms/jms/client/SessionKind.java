package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import jakarta.jms.IllegalStateException;

import java.util.Set;

/**
 * The domain a session or connection was made for. The legacy {@code QueueSession}, {@code TopicSession} and
 * {@code QueueConnection} must refuse the other domain's methods with IllegalStateException (their javadoc lists
 * them); what {@code createSession}/{@code createConnection} make accepts both. One class for the provider and
 * the resource adapter's handles, so both refuse the same list with the same message.
 */
public enum SessionKind {

    GENERAL("Session", "Connection", null, Set.of(), Set.of()),
    QUEUE("QueueSession", "QueueConnection", "queues",
            Set.of("createTopic", "createTemporaryTopic", "unsubscribe", "createDurableSubscriber",
                    "createDurableConsumer", "createSharedConsumer", "createSharedDurableConsumer"),
            Set.of("createDurableConnectionConsumer")),
    TOPIC("TopicSession", "TopicConnection", "topics",
            Set.of("createQueue", "createTemporaryQueue", "createBrowser"),
            Set.of());

    private final String sessionType;
    private final String connectionType;
    private final String domain;
    private final Set<String> sessionRefuses;
    private final Set<String> connectionRefuses;

    SessionKind(String sessionType, String connectionType, String domain, Set<String> sessionRefuses,
                Set<String> connectionRefuses) {
        this.sessionType = sessionType;
        this.connectionType = connectionType;
        this.domain = domain;
        this.sessionRefuses = sessionRefuses;
        this.connectionRefuses = connectionRefuses;
    }

    /** Throws when a session of this kind must not offer {@code method} (a Session method name). */
    public void checkSession(String method) throws IllegalStateException {
        if (sessionRefuses.contains(method)) {
            throw new IllegalStateException(ProviderError.DOMAIN_METHOD_REFUSED.text(sessionType, method,
                    sessionType, domain, "Connection.createSession"));
        }
    }

    /** Throws when a connection of this kind must not offer {@code method} (a Connection method name). */
    public void checkConnection(String method) throws IllegalStateException {
        if (connectionRefuses.contains(method)) {
            throw new IllegalStateException(ProviderError.DOMAIN_METHOD_REFUSED.text(connectionType, method,
                    connectionType, domain, "ConnectionFactory.createConnection"));
        }
    }
}
