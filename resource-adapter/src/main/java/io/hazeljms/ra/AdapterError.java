package io.hazeljms.ra;

import java.util.Locale;

/**
 * Every error id of the resource adapter, each declared once: the id, its message ({@link String#format}
 * template) and what to do about it. Exceptions and log lines take their text from {@link #text}, so an id has
 * one meaning and a user can search it; the README's table of error ids is checked against this list by
 * {@code AdapterErrorTest}.
 */
public enum AdapterError {

    // --- the resource adapter ----------------------------------------------------------------------------------
    STARTED("HJMS-RA-001", "HazelJMS started: %s",
            "Nothing: the adapter is up with the configuration shown."),
    START_FAILED("HJMS-RA-002", "cannot start HazelJMS: %s",
            "Fix the cause (often a resource adapter property, or a port in use) and redeploy the adapter."),
    DATA_SOURCE_NOT_FOUND("HJMS-RA-003", "durableStoreDataSource %s is not a DataSource: found %s",
            "Create the JDBC resource (a PostgreSQL or H2 pool) under that JNDI name before deploying the adapter, "
            + "or clear durableStoreDataSource."),
    STOP_FAILED("HJMS-RA-004", "stopping HazelJMS failed",
            "Nothing to do for the adapter; if the server goes on running, check that its Hazelcast member left."),
    NOT_STARTED("HJMS-RA-005", "the HazelJMS resource adapter is not started",
            "Deploy the adapter (hazeljms-ra.rar) before the applications that use it, and check its start log."),
    UNEXPECTED_ACTIVATION_SPEC("HJMS-RA-006", "unexpected activation spec %s",
            "Have the message-driven bean name this adapter (resourceAdapter = hazeljms-ra)."),
    PROPERTIES_INVALID("HJMS-RA-008", "invalid resource adapter properties (%s): %s",
            "Fix every resource adapter property the message names; each comes with its own id."),
    BEAN_PROPERTY_MISSING("HJMS-RA-009", "%s has no property %s",
            "A catalog setting lacks its JavaBean property on the adapter's class; report it with the message."),

    // --- outbound: managed connections -------------------------------------------------------------------------
    FACTORY_NOT_ASSOCIATED("HJMS-RA-010", "the managed connection factory is not associated with the HazelJMS "
            + "resource adapter",
            "Define the connection factory on the hazeljms-ra adapter (resourceAdapter = hazeljms-ra)."),
    CONNECTION_FAILED("HJMS-RA-011", "cannot open a HazelJMS connection: %s",
            "Check that the cluster is reachable (see the cause)."),
    FOREIGN_HANDLE("HJMS-RA-012", "not a HazelJMS session handle: %s",
            "The container handed another adapter's connection to this one: check the pool's configuration."),
    CLEANUP_FAILED("HJMS-RA-013", "cleanup failed: %s",
            "The pooled connection is dropped; see the cause."),
    DESTROY_FAILED("HJMS-RA-014", "closing the physical connection failed: %s",
            "Nothing: the connection is gone from the pool; see the cause if it repeats."),
    LOCAL_COMMIT_FAILED("HJMS-RA-015", "local commit failed: %s",
            "The local transaction was not committed: see the cause and repeat the work."),
    LOCAL_ROLLBACK_FAILED("HJMS-RA-016", "local rollback failed: %s",
            "See the cause; unacknowledged messages are redelivered once the session ends."),
    OTHER_CREDENTIALS("HJMS-RA-018", "a pooled connection logged in with %s cannot serve a request with %s: it "
            + "cannot log in again",
            "Nothing if it is rare: the container makes another connection. If it repeats, turn on the pool's "
            + "connection matching (match-connections) so requests get connections of their own user."),
    RECOVERY_UNAVAILABLE("HJMS-RA-017", "cannot open a recovery XA resource: %s",
            "Check that the cluster is reachable; the transaction manager retries its recovery scan."),

    // --- outbound: the handles an application holds -----------------------------------------------------------
    SESSION_CLOSED("HJMS-RA-020", "the session is closed",
            "Do not use a session after close(); create a new one."),
    RUN_NOT_ALLOWED("HJMS-RA-026", "Session.run() is not allowed in a Jakarta EE component",
            "Use a message-driven bean to consume asynchronously."),
    NOT_ALLOWED_IN_EE("HJMS-RA-027", "%s is not allowed in a Jakarta EE web or EJB component (Jakarta Messaging "
            + "12.2): use a message-driven bean",
            "Use a message-driven bean for asynchronous delivery."),
    PRODUCER_CLOSED("HJMS-RA-030", "the producer is closed",
            "Do not use a producer after close(); create a new one."),
    CONNECTION_CLOSED("HJMS-RA-040", "the connection is closed",
            "Do not use a connection after close(); get a new one from the connection factory."),
    ONE_SESSION_PER_CONNECTION("HJMS-RA-041", "only one session per connection is allowed in a Jakarta EE component "
            + "(Jakarta Messaging 12.2): close it or create another connection",
            "Close the connection's session first, or create another connection."),
    NO_POOLED_SESSION("HJMS-RA-042", "cannot get a pooled HazelJMS session: %s",
            "See the cause: the pool is exhausted or the cluster unreachable."),
    START_INTERRUPTED("HJMS-RA-043", "interrupted waiting for the connection to start",
            "The calling thread was interrupted; repeat the call if it should go on."),
    METADATA_UNAVAILABLE("HJMS-RA-044", "cannot read the connection metadata: %s",
            "See the cause: the adapter is not started."),

    // --- inbound: message-driven beans ------------------------------------------------------------------------
    ACTIVATION_CONFIG_INVALID("HJMS-RA-050", "invalid activation config (%s): %s",
            "Fix every @ActivationConfigProperty the message names."),
    ACTIVATED("HJMS-RA-060", "activated %s on %s with %s session(s), transacted delivery: %s",
            "Nothing: the bean receives messages."),
    ACTIVATION_FAILED("HJMS-RA-061", "cannot activate %s: %s",
            "Fix the cause (destination, selector, subscription) and redeploy the bean."),
    ACTIVATION_REFUSED("HJMS-RA-068", "message-driven bean %s may not consume %s: its connection was refused: %s",
            "Give the bean's activation config a userName and password the adapter's authenticator accepts, or set "
            + "the adapter's defaultUser."),
    DESTINATION_LOOKUP_FAILED("HJMS-RA-062", "destinationLookup '%s' does not name a Queue or Topic: %s",
            "Point destinationLookup at a HazelJMS Queue or Topic admin object, or use destination."),
    DELIVERY_NOT_FINISHED("HJMS-RA-063", "a delivery of %s did not finish within 30 s; its message will be "
            + "redelivered",
            "Make onMessage return sooner, or expect the message again."),
    ACTIVATION_CLOSE_FAILED("HJMS-RA-064", "closing the activation's connection failed",
            "Nothing: the activation is gone; see the cause if it repeats."),
    NO_ON_MESSAGE("HJMS-RA-065", "the endpoint has no onMessage(Message): %s",
            "Implement jakarta.jms.MessageListener in the message-driven bean."),
    POLICY_CREATED("HJMS-RA-066", "%s created %s with the policy it gives: %s",
            "Nothing: the bean's activation config set its new destination's policy."),
    POLICY_CHANGED("HJMS-RA-067", "%s changes the cluster-wide policy of %s (for every consumer, on every server): %s",
            "Make every bean of the destination give the same policy, or give it in one place only."),
    ENDPOINT_UNAVAILABLE("HJMS-RA-070", "the message endpoint is unavailable",
            "The container refused an endpoint (undeploying, or its pool is exhausted); the message is redelivered."),
    DELIVERY_STOPPED("HJMS-RA-071", "message delivery stopped",
            "See the cause; the activation's other sessions go on, and messages in flight are redelivered."),
    DELIVERY_ROLLED_BACK("HJMS-RA-072", "delivery rolled back; the message will be redelivered",
            "Nothing, unless it repeats: then see the cause (the bean or its transaction failed)."),
    DELIVERY_COMMIT_FAILED("HJMS-RA-074", "committing a delivery failed; the message comes again unless the cause says the commit takes effect later: %s",
            "Nothing, unless it repeats: then check the cluster and the durable store's database the message names."),
    ON_MESSAGE_FAILED("HJMS-RA-073", "onMessage failed; the message will be redelivered",
            "Fix the bean's onMessage (see the cause); after maxDeliveryAttempts the message goes to the dead-letter "
            + "queue.");

    private final String id;
    private final String template;
    private final String action;

    AdapterError(String id, String template, String action) {
        this.id = id;
        this.template = template;
        this.action = action;
    }

    /** The error id, e.g. {@code HJMS-RA-005}. */
    public String id() {
        return id;
    }

    /** The message template ({@link String#format} syntax), without the id. */
    public String template() {
        return template;
    }

    /** What a user does about it, for the README. */
    public String action() {
        return action;
    }

    /** The exception or log message: the id, then the template filled with the details. */
    public String text(Object... details) {
        return id + " " + String.format(Locale.ROOT, template, details);
    }
}
