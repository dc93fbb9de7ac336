package io.hazeljms.jms;

import java.util.Locale;

/**
 * Every error id of the JMS provider, each declared once: the id, its message ({@link String#format} template)
 * and what to do about it. Code raises messages through {@link #text}, so an id has one meaning and a user can
 * search it; the README's table of error ids is checked against this list by {@code ProviderErrorTest}.
 */
public enum ProviderError {

    // --- connection factory, configuration ---------------------------------------------------------------------
    CLUSTER_UNREACHABLE("HJMS-FACTORY-001", "cannot reach the HazelJMS cluster (%s): %s",
            "Start the cluster members or fix the addresses and cluster name the factory is configured with."),
    NODE_STARTED("HJMS-FACTORY-002", "HazelJMS started: %s on cluster '%s', members %s, durable store %s, "
            + "authenticator %s",
            "Nothing: it says how this server takes part in the cluster."),
    // Setting rules (config.Settings): "<setting> <what its rule says>, was '<value>'"; the template names the
    // setting (Setting checks it), the rule says what the value must be.
    PORT_INVALID("HJMS-CFG-001", "port %s, was '%s'",
            "Set port to a TCP port between 1 and 65535."),
    BACKUP_COUNT_INVALID("HJMS-CFG-002", "backupCount %s, was '%s'",
            "Set backupCount between 0 and 6 (Hazelcast's limit)."),
    MAX_DELIVERY_ATTEMPTS_INVALID("HJMS-CFG-003", "maxDeliveryAttempts %s, was '%s'",
            "Set maxDeliveryAttempts to 1 or more."),
    REDELIVERY_DELAY_INVALID("HJMS-CFG-004", "redeliveryDelayMillis %s, was '%s'",
            "Set redeliveryDelayMillis (or its former name redeliveryDelay) to 0 or more."),
    CLUSTER_NAME_INVALID("HJMS-CFG-005", "clusterName %s, was '%s'",
            "Give clusterName a value, or leave it out for the default."),
    BACKLOG_BLOCK_MILLIS_INVALID("HJMS-CFG-006", "backlogBlockMillis %s, was '%s'",
            "Set backlogBlockMillis to 0 or more."),
    MAX_QUEUE_MESSAGES_INVALID("HJMS-CFG-007", "maxQueueMessages %s, was '%s'",
            "Set maxQueueMessages (or its former name maxBacklog) to 0 (unlimited) or more."),
    CLIENT_CONNECT_TIMEOUT_INVALID("HJMS-CFG-008", "clientConnectTimeoutMillis %s, was '%s'",
            "Set clientConnectTimeoutMillis to 1 or more."),
    PREFETCH_INVALID("HJMS-CFG-009", "prefetch %s, was '%s'",
            "Set prefetch between 1 and 1000."),
    HAZELCAST_CONFIG_UNREADABLE("HJMS-CFG-010", "cannot read hazelcastConfigFile %s: %s",
            "Point hazelcastConfigFile at a readable, valid Hazelcast XML or YAML member configuration."),
    MAX_QUEUE_BYTES_INVALID("HJMS-CFG-011", "maxQueueBytes %s, was '%s'",
            "Set maxQueueBytes to 0 (unlimited) or more."),
    MEMORY_LIMIT_PERCENT_INVALID("HJMS-CFG-012", "memoryLimitPercent %s, was '%s'",
            "Set memoryLimitPercent between 0 (never refuse) and 100."),
    CONFIGURATION_INVALID("HJMS-CFG-013", "invalid configuration (%s setting(s)): %s",
            "Fix every setting the message names; each comes with its own id."),
    MEMBER_OPERATIONS_INVALID("HJMS-CFG-014", "memberOperations %s, was '%s'",
            "Set memberOperations to auto or off, or leave it out."),
    SETTING_OUT_OF_SCOPE("HJMS-CFG-015", "%s cannot be set in %s; it may be set in %s",
            "Set the property where the message says it may be set (see the README's configuration tables)."),
    NO_STORE_MAPPING("HJMS-CFG-016", "no store mapping for per-destination setting %s",
            "A per-destination setting lacks its store field; report it with the message."),
    BIND_INTERFACE_INVALID("HJMS-CFG-017", "bindInterface %s, was '%s'",
            "Give bindInterface an address of this host, or leave it out for 127.0.0.1."),
    MODE_INVALID("HJMS-CFG-018", "mode %s, was '%s'",
            "Set mode to embedded or client (plain Java also: instance)."),
    BACKLOG_POLICY_INVALID("HJMS-CFG-019", "backlogPolicy %s, was '%s'",
            "Set backlogPolicy to BLOCK or FAIL."),
    INSTANCE_MODE_IN_ADAPTER("HJMS-CFG-020", "mode must be 'embedded' or 'client' in the resource adapter, was "
            + "'instance' (only plain Java can hand in a HazelcastInstance)",
            "Set the resource adapter's mode to embedded or client."),
    INSTANCE_MODE_WITHOUT_INSTANCE("HJMS-CFG-021", "mode 'instance' needs a HazelcastInstance, handed in with "
            + "ProviderConfig.builder().instance(hz) (plain Java only)",
            "Hand the instance in with ProviderConfig.builder().instance(hz), or choose mode embedded or client."),
    MAX_SESSION_INVALID("HJMS-CFG-022", "maxSession %s, was '%s'",
            "Set the activation spec's maxSession to 1 or more."),
    DESTINATION_TYPE_INVALID("HJMS-CFG-023", "destinationType %s, was '%s'",
            "Set destinationType to jakarta.jms.Queue or jakarta.jms.Topic."),
    MESSAGE_SELECTOR_INVALID("HJMS-CFG-024", "messageSelector %s, was '%s'",
            "Fix the selector at the position the message names (JMS selector syntax)."),
    ACKNOWLEDGE_MODE_INVALID("HJMS-CFG-025", "acknowledgeMode %s, was '%s'",
            "Set acknowledgeMode to Auto-acknowledge or Dups-ok-acknowledge."),
    SUBSCRIPTION_DURABILITY_INVALID("HJMS-CFG-026", "subscriptionDurability %s, was '%s'",
            "Set subscriptionDurability to Durable or NonDurable."),
    DURABLE_STORE_INVALID("HJMS-CFG-027", "durableStore %s, was '%s'",
            "Set durableStore to embedded, off, or a jdbc:postgresql://host:port/db?user=… (or jdbc:h2:) URL."),
    AUTHENTICATOR_INVALID("HJMS-CFG-028", "authenticator %s, was '%s'",
            "Set authenticator to none, users, jaas, or the class name of an io.hazeljms.jms.security.Authenticator."),
    SECURITY_CONFIG_INVALID("HJMS-CFG-029", "%s",
            "Fix the user list or grant the message names (README, Security, gives the formats)."),
    AUTHENTICATOR_UNUSABLE("HJMS-CFG-030", "cannot use authenticator class %s: %s",
            "Name a public class with a public no-argument constructor that implements "
                    + "io.hazeljms.jms.security.Authenticator, visible to the provider's class loader."),
    LEASE_TIMEOUT_INVALID("HJMS-CFG-031", "leaseTimeoutMillis %s, was '%s'",
            "Set leaseTimeoutMillis to 0 (a received message stays with its consumer until its session ends) or "
                    + "more milliseconds."),
    DUPLICATE_ID_CACHE_INVALID("HJMS-CFG-040", "duplicateIdCacheSize %s, was '%s'",
            "Set duplicateIdCacheSize to 0 (remember no send ids) or more ids, e.g. 20000."),

    // --- security --------------------------------------------------------------------------------------------------
    AUTHENTICATION_FAILED("HJMS-SEC-001", "user '%s' is not let in: unknown user or wrong password",
            "Connect with a user and password the factory's authenticator accepts."),
    CREDENTIALS_REQUIRED("HJMS-SEC-002", "this connection factory lets in only connections with a user and password "
            + "(its authenticator is %s and no defaultUser is set)",
            "Pass a user and password (createConnection(user, password), createContext(user, password)), or set "
                    + "defaultUser for connections made without credentials."),
    PERMISSION_DENIED("HJMS-SEC-003", "user '%s' (roles %s) may not %s %s: no grant gives one of its roles "
            + "permission '%s' there; nothing was done",
            "Grant one of the user's roles the permission on the destination (setting permissions or "
                    + "permissionsFile), or use another user."),
    JAAS_ENTRY_UNUSABLE("HJMS-SEC-004", "cannot use JAAS login configuration entry '%s': %s",
            "Name an entry of the JVM's JAAS login configuration (java.security.auth.login.config) in "
                    + "jaasConfiguration."),

    // --- management (io.hazeljms.jms.management) ----------------------------------------------------------------
    MANAGEMENT_TARGET_FULL("HJMS-MGMT-001", "queue %s refused messages moved to it (%s): the refused batch stayed "
            + "on %s; %s message(s) had moved before",
            "Consume from the target queue or raise its limits (maxQueueMessages, maxQueueBytes), then move again: "
                    + "what moved stays moved."),
    MANAGEMENT_NOT_A_QUEUE("HJMS-MGMT-002", "%s is not a queue: messages are moved and redriven only between "
            + "queues that are not temporary",
            "Name a queue as source and target of a move or redrive."),
    MANAGEMENT_MESSAGE_ID_MISSING("HJMS-MGMT-003", "no message id given to redrive from %s",
            "Pass the JMSMessageID of the message to redrive (as browse shows it)."),
    MANAGEMENT_NO_SUCH_SUBSCRIPTION("HJMS-MGMT-004", "topic %s has no durable subscription %s",
            "Name a durable subscription as the topic's subscription list shows it (durable:<clientId>:<name>)."),
    JMX_REGISTRATION_FAILED("HJMS-MGMT-005", "could not register or unregister MBean %s: %s",
            "Nothing for messaging (it goes on without the MBean); if JMX is not wanted, set jmx=false."),

    // --- connection, context -----------------------------------------------------------------------------------
    CLIENT_ID_TOO_LATE("HJMS-CONN-001", "the client ID can only be set right after the connection is created, "
            + "before any other use%s",
            "Call setClientID first thing after createConnection, or configure the client ID on the factory."),
    CLIENT_ID_EMPTY("HJMS-CONN-002", "client ID must not be null or empty",
            "Pass a non-empty client ID."),
    CLIENT_ID_IN_USE("HJMS-CONN-003", "client ID '%s' is in use by another connection in the cluster",
            "Close the other connection, or choose a client ID unique in the cluster."),
    CLIENT_ID_NOT_RESERVED("HJMS-CONN-004", "cannot reserve client ID '%s': %s",
            "Check the cluster is reachable (see the cause) and try again."),
    SESSION_MODE_INVALID("HJMS-CONN-005", "invalid session mode %s: use AUTO_ACKNOWLEDGE (1), "
            + "CLIENT_ACKNOWLEDGE (2), DUPS_OK_ACKNOWLEDGE (3) or SESSION_TRANSACTED (0)",
            "Pass one of the four session modes the message lists."),
    LISTENER_STOPS_CONNECTION("HJMS-CONN-006", "a message listener must not stop its own connection",
            "Stop the connection from another thread."),
    LISTENER_CLOSES_CONNECTION("HJMS-CONN-007", "a message listener must not close its own connection",
            "Close the connection from another thread."),
    COMPLETION_CLOSES_CONNECTION("HJMS-CONN-008", "a CompletionListener must not close its own connection",
            "Close the connection from another thread."),
    CONNECTION_LOST("HJMS-CONN-009", "connection to the HazelJMS cluster lost: %s",
            "Check the cluster members; open a new connection once the cluster is reachable again."),
    TEMPORARY_IN_USE("HJMS-CONN-010", "temporary destination %s still has a consumer: close it before delete()",
            "Close the temporary destination's consumers, then delete it."),
    DELETE_TEMPORARY_BY_NAME("HJMS-CONN-020", "temporary destination %s is deleted with its own delete() by the "
            + "connection that created it",
            "Call delete() on the TemporaryQueue or TemporaryTopic in the connection that created it."),
    TEMPORARY_OF_OTHER_CONNECTION("HJMS-CONN-011", "temporary destination %s belongs to another connection "
            + "(or was deleted): only its creator may consume from it",
            "Consume a temporary destination only on the connection that created it."),
    DURABLE_NEEDS_CLIENT_ID("HJMS-CONN-012", "an unshared durable subscription needs a client ID: "
            + "call setClientID first",
            "Set a client ID on the connection (or the factory), or use a shared durable subscription."),
    CONTEXT_CLOSED("HJMS-CONTEXT-002", "the JMSContext is closed",
            "Do not use a JMSContext after close(); create a new one."),
    CONNECTION_NULL("HJMS-CONTEXT-003", "connection must not be null",
            "Pass an open connection."),

    // --- session -------------------------------------------------------------------------------------------------
    COMMIT_NOT_TRANSACTED("HJMS-SESSION-001", "commit() on a session that is not transacted",
            "Create the session with SESSION_TRANSACTED to commit, or acknowledge instead."),
    COMPLETION_COMMITS_SESSION("HJMS-SESSION-002", "a CompletionListener must not commit its own session",
            "Commit from the thread that uses the session."),
    COMMIT_ROLLED_BACK("HJMS-SESSION-003", "commit failed and was rolled back: %s",
            "Nothing of the transaction took effect: fix the cause and repeat the work."),
    TEMPORARY_DELETED("HJMS-SESSION-004", "temporary destination %s was deleted",
            "Send to a temporary destination only while its connection has not deleted it."),
    ROLLBACK_NOT_TRANSACTED("HJMS-SESSION-005", "rollback() on a session that is not transacted",
            "Create the session with SESSION_TRANSACTED to roll back, or use recover()."),
    RECOVER_TRANSACTED("HJMS-SESSION-006", "recover() on a transacted session: use rollback()",
            "Call rollback() on a transacted session."),
    ACKNOWLEDGE_CLOSED("HJMS-SESSION-007", "cannot acknowledge: the session is closed",
            "Acknowledge before closing the session; its unacknowledged messages are redelivered."),
    DESTINATION_NAME_EMPTY("HJMS-SESSION-008", "%s name must not be null or empty",
            "Pass a non-empty queue or topic name."),
    TOPIC_NULL("HJMS-SESSION-009", "topic is null: pass a Topic",
            "Pass a Topic."),
    LISTENER_CLOSES_SESSION("HJMS-SESSION-010", "a message listener must not close its own session",
            "Close the session from another thread."),
    COMPLETION_CLOSES_SESSION("HJMS-SESSION-011", "a CompletionListener must not close its own session",
            "Close the session from another thread."),
    DESTINATION_FULL("HJMS-SESSION-012", "%s is full: no room within %s; nothing was stored%s: consume faster or "
            + "add consumers, or raise %s for it",
            "Consume faster or add consumers, or raise the limit the message names (or use backlogPolicy BLOCK)."),
    MEMBER_LOW_ON_MEMORY("HJMS-SESSION-013", "the member that owns %s is low on memory (more of its heap in use "
            + "after garbage collection than memoryLimitPercent allows); nothing was stored%s: consume messages, "
            + "give the members more heap or add members, or raise memoryLimitPercent",
            "Consume messages, give the members more heap or add members, or raise memoryLimitPercent."),
    COMMIT_IN_DOUBT("HJMS-SESSION-014", "the commit was recorded but not yet applied everywhere (%s); it will be "
            + "completed, do not repeat its work",
            "Do not repeat the work: the commit takes effect once the store is reachable (or a survivor applies it)."),
    DOMAIN_METHOD_REFUSED("HJMS-SESSION-015", "%s.%s is not allowed: a %s works on %s only (use %s for both "
            + "domains)",
            "Create the session with Connection.createSession (the connection with createConnection) to use "
            + "queues and topics together."),
    RECEIVE_BODY_UNREADABLE("HJMS-RECEIVEBODY-001", "the body of the received message cannot be returned as %s: "
            + "it was not acknowledged and comes next again",
            "Ask receiveBody for the body's type, or use receive() for messages of mixed types."),
    ACKNOWLEDGE_UNCONFIRMED("HJMS-ACK-001", "the cluster did not confirm an acknowledgement within %s s",
            "Check the cluster; the messages may be delivered again."),
    ACKNOWLEDGE_LEASE_EXPIRED("HJMS-ACK-002", "acknowledge failed, nothing was acknowledged: %s; the session's "
            + "unacknowledged messages are delivered again",
            "Acknowledge within the destination's leaseTimeoutMillis, or raise it (0: never); expect the messages "
                    + "again, flagged JMSRedelivered."),
    BROWSE_UNREADABLE("HJMS-BROWSER-001", "cannot read a browsed message: %s",
            "See the cause: the stored message could not be decoded."),
    STORE_CALL_FAILED("HJMS-CLIENT-001", "%s failed: %s",
            "See the cause; check that the cluster is reachable."),
    INTERRUPTED("HJMS-CLIENT-002", "%s interrupted",
            "The calling thread was interrupted; repeat the call if it should go on."),
    CLOSED("HJMS-CLIENT-003", "the %s is closed",
            "Do not use a connection, session, producer or consumer after close(); create a new one."),

    // --- producers, consumers, subscriptions ---------------------------------------------------------------------
    DELIVERY_MODE_INVALID("HJMS-PRODUCER-001", "invalid delivery mode %s: use DeliveryMode.PERSISTENT (2) or "
            + "NON_PERSISTENT (1)",
            "Pass DeliveryMode.PERSISTENT or DeliveryMode.NON_PERSISTENT."),
    PRIORITY_INVALID("HJMS-PRODUCER-002", "invalid priority %s: use 0 (lowest) to 9 (highest)",
            "Pass a priority from 0 to 9."),
    PRODUCER_WITHOUT_DESTINATION("HJMS-PRODUCER-003", "this producer has no destination: "
            + "use send(destination, message)",
            "Name the destination in send, or create the producer for a destination."),
    PRODUCER_HAS_DESTINATION("HJMS-PRODUCER-004", "this producer was created for %s: use send(message) or create "
            + "a producer with a null destination",
            "Use send(message), or create the producer with a null destination to name one per send."),
    COMPLETION_LISTENER_NULL("HJMS-PRODUCER-006", "CompletionListener must not be null",
            "Pass a CompletionListener, or use the send without one."),
    MESSAGE_NULL("HJMS-PRODUCER-007", "message is null: create one with the session",
            "Send a message created by a session or JMSContext."),
    COMPLETION_CLOSES_PRODUCER("HJMS-PRODUCER-008", "a CompletionListener must not close its own producer",
            "Close the producer from another thread."),
    ASYNC_SEND_FAILED("HJMS-PRODUCER-010", "asynchronous send failed: %s",
            "The message was not stored: see the cause and send it again."),
    NON_PERSISTENT_LOST("HJMS-PRODUCER-011", "%s NON_PERSISTENT message(s) sent to %s were not stored and are lost "
            + "(%s): %s. NON_PERSISTENT sends return before the message is stored; to have such failures thrown "
            + "by send, send PERSISTENT or set asyncNonPersistentSends=false",
            "Send PERSISTENT, or set asyncNonPersistentSends=false, if the sender must learn of such losses."),
    NON_PERSISTENT_STALLED("HJMS-PRODUCER-012", "the cluster stored none of the earlier NON_PERSISTENT messages "
            + "of this session for %s s (%s waiting); the %s gave up: check the cluster, or set "
            + "asyncNonPersistentSends=false to store each send before it returns",
            "Check the cluster, or set asyncNonPersistentSends=false."),
    RECEIVE_WITH_LISTENER("HJMS-CONSUMER-001", "receive() is not allowed while a MessageListener is set",
            "Use either a MessageListener or receive() on a consumer, not both."),
    SUBSCRIPTION_ON_TEMPORARY_TOPIC("HJMS-CONSUMER-002", "durable and shared subscriptions cannot be made on a "
            + "temporary topic",
            "Subscribe durably or shared to a regular topic."),
    SELECTOR_INVALID("HJMS-SELECTOR-001", "invalid message selector \"%s\": %s",
            "Fix the selector at the position the message names (JMS selector syntax)."),
    SUBSCRIPTION_NAME_EMPTY("HJMS-TOPIC-001", "subscription name must not be null or empty",
            "Pass a non-empty subscription name."),
    DURABLE_IN_USE("HJMS-TOPIC-002", "durable subscription '%s' already has an active consumer (or unacknowledged "
            + "messages on another topic)",
            "Close the other consumer of the subscription, or use a shared durable subscription."),
    SUBSCRIPTION_KIND_MISMATCH("HJMS-TOPIC-003", "subscription '%s' exists as the other kind (shared vs. "
            + "unshared): use a different name",
            "Use a different subscription name, or unsubscribe the existing one first."),
    SHARED_FILTER_MISMATCH("HJMS-TOPIC-004", "shared subscription '%s' has active consumers with a different "
            + "selector or noLocal: close them first",
            "Use the same selector and noLocal as the subscription's active consumers, or close them first."),
    DURABLE_NOT_FOUND("HJMS-TOPIC-006", "no durable subscription named '%s' for this client ID",
            "Check the subscription name and the connection's client ID."),
    UNSUBSCRIBE_ACTIVE("HJMS-TOPIC-007", "durable subscription '%s' has an active consumer: close it before "
            + "unsubscribe",
            "Close the subscription's consumer, then unsubscribe."),
    UNSUBSCRIBE_UNACKNOWLEDGED("HJMS-TOPIC-008", "durable subscription '%s' has unacknowledged or uncommitted "
            + "messages: acknowledge or commit first",
            "Acknowledge or commit the subscription's messages, then unsubscribe."),
    SHARED_ON_OTHER_TOPIC("HJMS-TOPIC-009", "shared subscription '%s' has active consumers on another topic: a "
            + "shared non-durable subscription is on one topic at a time",
            "Close the subscription's consumers on the other topic first, or use another subscription name."),
    SERVER_SESSION_POOL_NULL("HJMS-ASF-001", "ServerSessionPool must not be null",
            "Pass a ServerSessionPool."),
    MAX_MESSAGES_TOO_LOW("HJMS-ASF-002", "maxMessages must be at least 1, was %s",
            "Pass maxMessages of 1 or more."),
    FOREIGN_SERVER_SESSION("HJMS-ASF-003", "the server session pool must hand out sessions of a HazelJMS "
            + "connection",
            "Build the ServerSessionPool from sessions of the HazelJMS connection the consumer runs on."),

    // --- XA ----------------------------------------------------------------------------------------------------
    XA_ALREADY_IN_BRANCH("HJMS-XA-001", "start %s: this resource is already in branch %s",
            "End the current branch before starting another (transaction manager misuse)."),
    XA_BRANCH_EXISTS("HJMS-XA-002", "start %s: the branch exists; use TMJOIN",
            "Join an existing branch with TMJOIN."),
    XA_JOIN_REFUSED("HJMS-XA-003", "start %s with TMJOIN/TMRESUME: branch is %s",
            "Join or resume only a branch that is not prepared (resume: only a suspended one)."),
    XA_START_FLAGS_INVALID("HJMS-XA-004", "start %s: flags must be TMNOFLAGS, TMJOIN or TMRESUME",
            "Start with TMNOFLAGS, TMJOIN or TMRESUME."),
    XA_END_NOT_ACTIVE("HJMS-XA-005", "end %s: the branch is not active on this resource",
            "End a branch on the resource it was started on."),
    XA_ROLLBACK_ONLY("HJMS-XA-006", "%s: the branch was marked rollback-only",
            "The branch was ended with TMFAIL and is rolled back: repeat the work in a new transaction."),
    XA_PREPARE_NOT_ENDED("HJMS-XA-007", "prepare %s: branch is %s, end it first",
            "End the branch on every resource before prepare."),
    XA_ONE_PHASE_NOT_ENDED("HJMS-XA-008", "one-phase commit %s: branch is %s",
            "End the branch on every resource before a one-phase commit."),
    XA_TWO_PHASE_NOT_PREPARED("HJMS-XA-009", "two-phase commit %s: branch is %s, prepare it first",
            "Prepare the branch before a two-phase commit."),
    XA_PREPARE_REFUSED("HJMS-XA-010", "prepare %s refused and rolled back: %s",
            "The branch voted no (see the cause, e.g. a destination without room): repeat the work later."),
    XA_COMMIT_IN_DOUBT("HJMS-XA-011", "commit %s is recorded and will be completed: %s",
            "The commit is recorded and will take effect: do not repeat its work."),
    XA_COMMIT_ROLLED_BACK("HJMS-XA-012", "commit %s failed and was rolled back: %s",
            "Nothing of the branch took effect: fix the cause and repeat the work."),
    XA_UNKNOWN_BRANCH("HJMS-XA-013", "%s: unknown branch",
            "The branch was never started here, or is already completed."),
    XA_NOT_PREPARED_IN_CLUSTER("HJMS-XA-014", "commit %s: no prepared branch in the cluster",
            "The branch was already completed or rolled back; nothing is left to commit."),
    XA_RECOVER_FLAGS_INVALID("HJMS-XA-015", "recover: flag must combine TMSTARTRSCAN/TMENDRSCAN/TMNOFLAGS",
            "Call recover with TMSTARTRSCAN, TMENDRSCAN or TMNOFLAGS."),
    XA_LOCAL_COMMIT("HJMS-XA-100", "commit() on an %s: the transaction manager commits through the XAResource",
            "Let the transaction manager commit; do not call commit() on an XA session or context."),
    XA_LOCAL_ROLLBACK("HJMS-XA-101", "rollback() on an %s: the transaction manager rolls back through the "
            + "XAResource",
            "Mark the transaction rollback-only instead; do not call rollback() on an XA session or context."),
    XA_SESSION_EXPECTED("HJMS-XA-102", "the connection created a session that is not an XASession: %s",
            "Create an XAJMSContext only over a HazelJMS XA connection."),
    COMMIT_IN_JTA("HJMS-XA-103", "commit() inside a JTA transaction: the container commits",
            "Let the container (or UserTransaction) commit the session of a Jakarta EE component."),
    ROLLBACK_IN_JTA("HJMS-XA-104", "rollback() inside a JTA transaction: use setRollbackOnly",
            "Call setRollbackOnly on the transaction instead."),

    // --- destinations ------------------------------------------------------------------------------------------
    DESTINATION_NOT_ENCODED("HJMS-DEST-001", "not an encoded destination: %s",
            "A stored destination name is damaged; report it with the message."),
    DESTINATION_NULL("HJMS-DEST-002", "destination is null: pass a Queue or Topic",
            "Pass a Queue or Topic."),
    DESTINATION_UNNAMED("HJMS-DEST-003", "destination has no name: set its 'name'",
            "Set the destination's name (admin object property Name)."),
    DESTINATION_TYPE_UNSUPPORTED("HJMS-DEST-004", "unsupported destination type %s: pass a jakarta.jms.Queue or "
            + "Topic",
            "Pass a jakarta.jms.Queue or Topic."),
    TEMPORARY_DELETE_BY_OTHER("HJMS-DEST-005", "only the connection that created %s may delete it",
            "Delete a temporary destination on the connection that created it."),

    // --- messages ----------------------------------------------------------------------------------------------
    VALUE_NOT_CONVERTIBLE("HJMS-MSG-001", "%s is a %s, cannot be read as %s",
            "Read the value as its own type or one the JMS conversion table allows."),
    BODY_TYPE_UNKNOWN("HJMS-MSG-002", "stored message has unknown body type %s",
            "The stored message was written by an incompatible version; report it with the message."),
    PROPERTY_NAME_EMPTY("HJMS-MSG-010", "a property name must not be null or empty",
            "Pass a non-empty property name."),
    PROPERTY_NAME_START("HJMS-MSG-011", "property name '%s' is not a valid identifier: it must start with a "
            + "letter, '_' or '$'",
            "Start property names with a letter, '_' or '$'."),
    PROPERTY_NAME_RESERVED("HJMS-MSG-012", "property name '%s' is a reserved word of the message selector syntax",
            "Choose a property name that is not NULL, TRUE, FALSE, NOT, AND, OR, BETWEEN, LIKE, IN, IS or ESCAPE."),
    GROUP_ID_NOT_STRING("HJMS-MSG-013", "JMSXGroupID must be a String, not a %s",
            "Set JMSXGroupID with setStringProperty."),
    PROPERTY_NAME_CHARACTER("HJMS-MSG-014", "property name '%s' is not a valid identifier: character '%s' at index "
            + "%s is not allowed (use letters, digits, '_' or '$')",
            "Use only letters, digits, '_' and '$' in property names."),
    JMSX_NOT_INT("HJMS-MSG-015", "%s must be an int, not a %s",
            "Set JMSXGroupSeq and JMSXDeliveryCount with setIntProperty."),
    DUPLICATE_ID_NOT_STRING("HJMS-MSG-080", "the duplicate-detection id %s must be a non-empty String, not %s",
            "Set it with setStringProperty to a value unique per message, e.g. an order number or a UUID."),
    PROPERTIES_READ_ONLY("HJMS-MSG-020", "cannot set property '%s': the properties of a received message are "
            + "read-only until clearProperties()",
            "Call clearProperties() before setting properties of a received message."),
    PROPERTY_TYPE_UNSUPPORTED("HJMS-MSG-021", "property '%s' cannot hold a %s: use Boolean, Byte, Short, Integer, "
            + "Long, Float, Double or String",
            "Use a primitive wrapper or String as property value."),
    BODY_READ_ONLY("HJMS-MSG-030", "the body of this %s is read-only (a received message, or reset() was called): "
            + "call clearBody() first",
            "Call clearBody() before writing the body of a received or reset message."),
    BODY_NOT_ASSIGNABLE("HJMS-MSG-031", "the body of this %s is a %s and cannot be returned as %s",
            "Ask getBody for the body's type (or a supertype)."),
    BODY_WRITE_ONLY("HJMS-MSG-032", "this %s is write-only: call reset() before reading it",
            "Call reset() before reading a message you are writing."),
    BYTES_END("HJMS-MSG-033", "unexpected end of the BytesMessage body: %s bytes needed, %s left",
            "Read the body with the same sequence of types it was written with."),
    UTF_MALFORMED("HJMS-MSG-034", "malformed UTF string in the BytesMessage body",
            "Read with readUTF only what was written with writeUTF."),
    LENGTH_OUT_OF_RANGE("HJMS-MSG-035", "length %s is not between 0 and %s (the array length)",
            "Pass a length between 0 and the array's length."),
    WRITE_NULL("HJMS-MSG-036", "BytesMessage.writeObject(null): a null cannot be written",
            "Write a value, not null."),
    WRITE_OBJECT_TYPE("HJMS-MSG-037", "%s.writeObject cannot write a %s: use a primitive wrapper, String or byte[]",
            "Write a primitive wrapper, String or byte[]."),
    BYTES_WRITE_FAILED("HJMS-MSG-038", "cannot write to the BytesMessage: %s",
            "See the cause."),
    UTF_UNREADABLE("HJMS-MSG-039", "cannot read a UTF string from the BytesMessage body",
            "Read with readUTF only what was written with writeUTF."),
    OBJECT_NOT_SERIALIZABLE("HJMS-MSG-040", "cannot serialize the ObjectMessage body of class %s: %s",
            "Make the object and everything it references Serializable."),
    OBJECT_CLASS_NOT_ALLOWED("HJMS-MSG-041", "the ObjectMessage body contains class %s, which is not allowed to be "
            + "deserialized: add it or its package (e.g. \"%s\") to the '%s' configuration property",
            "Add the class or its package to objectMessageAllowList, if you trust the senders."),
    OBJECT_NOT_DESERIALIZABLE("HJMS-MSG-042", "cannot deserialize the ObjectMessage body: %s",
            "Put the body's classes (same versions as the sender's) on the receiver's class path."),
    BODY_CORRUPT("HJMS-MSG-050", "corrupt message body: %s",
            "The stored body could not be decoded; report it with the message."),
    BODY_VALUE_UNSUPPORTED("HJMS-MSG-051", "unsupported body value type %s",
            "Use a primitive wrapper, String or byte[] as a map or stream value."),
    MAP_VALUE_TYPE("HJMS-MSG-060", "map entry '%s' cannot hold a %s: use a primitive wrapper, String or byte[]",
            "Put a primitive wrapper, String or byte[] into a MapMessage."),
    MAP_NAME_EMPTY("HJMS-MSG-061", "a MapMessage name must not be null or empty",
            "Pass a non-empty name."),
    OFFSET_OUT_OF_RANGE("HJMS-MSG-062", "offset %s and length %s do not fit an array of %s",
            "Pass an offset and length within the array."),
    STREAM_BYTES_UNFINISHED("HJMS-MSG-071", "stream field %s is a byte[] only %s of whose %s bytes have been "
            + "read: read it to its end with readBytes first",
            "Read a byte[] field to its end with readBytes before reading the next field."),
    STREAM_END("HJMS-MSG-072", "end of the StreamMessage: all %s fields have been read",
            "Read no more fields than were written."),
    STREAM_GET_BODY("HJMS-MSG-075", "getBody is not supported for a StreamMessage: read its fields with the "
            + "readXxx methods",
            "Read a StreamMessage's fields with its readXxx methods.");

    private final String id;
    private final String template;
    private final String action;

    ProviderError(String id, String template, String action) {
        this.id = id;
        this.template = template;
        this.action = action;
    }

    /** The error id, e.g. {@code HJMS-DEST-002}: also the error code of exceptions that carry one. */
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

    /** The exception message: the id, then the template filled with the details. */
    public String text(Object... details) {
        return id + " " + String.format(Locale.ROOT, template, details);
    }
}
