package io.hazeljms.store;

import java.util.Locale;

/**
 * Every error id of the store, each declared once: the id, its message ({@link String#format} template) and
 * what to do about it. Exceptions and log lines take their text from {@link #text}, so an id has one meaning and
 * a user can search it; the README's table of error ids is checked against this list by {@code StoreErrorTest}.
 */
public enum StoreError {

    // --- serialization ---------------------------------------------------------------------------------------
    UNKNOWN_TYPE_ID("HJMS-STORE-001", "unknown store type id %s",
            "Run the same HazelJMS version on every member and client of the cluster."),
    PROPERTY_TYPE_UNSUPPORTED("HJMS-STORE-002", "property value of type %s is not one of Boolean, Byte, Short, "
            + "Integer, Long, Float, Double, String",
            "Use a primitive wrapper or String as property value."),
    UNKNOWN_PROPERTY_TAG("HJMS-STORE-003", "unknown property value tag %s",
            "Run the same HazelJMS version on every member and client of the cluster."),

    // --- settings --------------------------------------------------------------------------------------------
    DELIVERY_ATTEMPTS_TOO_LOW("HJMS-STORE-010", "maxDeliveryAttempts must be at least 1, was %s",
            "Set maxDeliveryAttempts to 1 or more."),
    REDELIVERY_DELAY_NEGATIVE("HJMS-STORE-011", "redeliveryDelay must not be negative, was %s",
            "Set the redelivery delay to 0 or more milliseconds."),
    MAX_QUEUE_MESSAGES_NEGATIVE("HJMS-STORE-012", "maxQueueMessages must not be negative, was %s",
            "Set maxQueueMessages to 0 (unlimited) or more."),
    MAX_QUEUE_BYTES_NEGATIVE("HJMS-STORE-013", "maxQueueBytes must not be negative, was %s",
            "Set maxQueueBytes to 0 (unlimited) or more."),
    MEMORY_LIMIT_OUT_OF_RANGE("HJMS-STORE-014", "memoryLimitPercent must be 0..100, was %s",
            "Set memoryLimitPercent between 0 (never refuse) and 100."),
    SELECTOR_INVALID("HJMS-STORE-020", "invalid selector reached the store: %s",
            "A consumer or browser passed a selector it had not validated; report it with the message."),
    BACKUP_COUNT_OUT_OF_RANGE("HJMS-STORE-030", "backupCount must be 0..6, was %s",
            "Pass a backup count between 0 and 6 (Hazelcast's limit) to StoreConfig."),

    // --- members, memory, moves ------------------------------------------------------------------------------
    LEASES_NOT_RELEASED("HJMS-STORE-040", "could not release leases of departed node %s",
            "Nothing at first: it is tried again until done (a warning from the second failure on); persistent "
                    + "warnings mean the cluster cannot reach the destinations map, see the cause."),
    HEAP_LOW("HJMS-STORE-041", "heap %.0f%% in use after garbage collection, above memoryLimitPercent=%d: this "
            + "member refuses new messages until consumers make room",
            "Consume messages, give the member more heap or add members, or raise memoryLimitPercent."),
    HEAP_RECOVERED("HJMS-STORE-042", "heap %.0f%% in use after garbage collection: this member accepts new "
            + "messages again",
            "Nothing: the member takes messages again."),
    MOVE_TARGET_FULL("HJMS-STORE-043", "%s has no room for %s message(s) from %s (code %s): they stay there until "
            + "it has",
            "Consume from the dead-letter or expiry queue named, or raise its limits; the messages move once it has "
            + "room."),
    MOVE_NOT_A_QUEUE("HJMS-STORE-044", "messages can be moved only from a queue to a queue; %s is not one",
            "Name queues as source and target of a move; a topic subscription's messages cannot be moved yet."),

    // --- store calls -----------------------------------------------------------------------------------------
    NOT_A_TOPIC("HJMS-STORE-050", "%s is not a topic",
            "Subscribe only to topics."),
    CALL_INTERRUPTED("HJMS-STORE-051", "%s was interrupted; its outcome is in doubt",
            "The calling thread was interrupted: check whether the call took effect before repeating it; a send "
                    + "made again with the same duplicate id (HJMS_DuplicateId) is stored once."),
    NOT_FAIL_ON_INDETERMINATE("HJMS-STORE-052", "this member's configuration lacks %s=true: a send to a topic or a "
            + "new queue may return although its backup never stored it. Apply StoreConfig.applyTo(config, "
            + "backupCount) to the member's configuration.",
            "Apply StoreConfig.applyTo(config, backupCount) to the Hazelcast configuration you hand in."),
    CALL_IN_DOUBT("HJMS-STORE-053", "%s did not complete within %s ms while the cluster was losing or moving the "
            + "destination's owner; its outcome is in doubt%s",
            "Check the cluster's members; the call may or may not have taken effect: a send made again with the "
                    + "same duplicate id (HJMS_DuplicateId) is stored once."),
    CALL_FAILED("HJMS-STORE-054", "store operation failed: %s",
            "See the cause."),

    // --- commits ---------------------------------------------------------------------------------------------
    COMPLETING_DEPARTED_COMMIT("HJMS-STORE-060", "completing commit %s of departed node %s (%s parts)",
            "Nothing: a survivor applies the commit of a node that left."),
    DEPARTED_COMMIT_FAILED("HJMS-STORE-061", "could not complete commit %s; it stays recorded and is completed at the "
            + "next departure",
            "Nothing, unless it repeats: then see the cause."),
    COMMIT_APPLY_FAILED("HJMS-STORE-062", "commit %s is recorded, applying it failed: %s",
            "Do not repeat the work: the recorded commit is applied later (at the next commit, or by a survivor)."),
    COMMIT_OF_DEPARTED_NODE("HJMS-STORE-063", "commit %s refused: the cluster declared this node departed and "
            + "released what it held",
            "The transaction was rolled back: repeat it, through a new connection factory to carry on at once."),

    // --- hot path --------------------------------------------------------------------------------------------
    HOT_PATH_CHOSEN("HJMS-STORE-064", "hot path on %s: %s",
            "Nothing: it says which hot path this broker uses and why; memberOperations=off (or "
            + "-Dhazeljms.memberOperations=off) keeps a member on the public API."),

    // --- durable store ---------------------------------------------------------------------------------------
    RECOVERY_STARTED("HJMS-STORE-070", "loading the durable store %s into the cluster (%d node(s) did not stop "
            + "cleanly: every message comes back flagged as redelivered)",
            "Nothing: producers and consumers of every node wait until it is loaded."),
    RECOVERY_DONE("HJMS-STORE-071", "durable store loaded: %d message(s), %d durable subscription(s), %d prepared "
            + "XA branch(es); flagged as redelivered: %s",
            "Nothing."),
    RECOVERY_TIMEOUT("HJMS-STORE-072", "another node has been loading the durable store for more than %d ms (%s)",
            "Check that node's log; a loader that stops answering is replaced after 15 s."),
    RECOVERY_TAKEN_OVER("HJMS-STORE-073", "node %s stopped loading the durable store: it was silent too long and "
            + "another node took the load over",
            "Nothing: the other node loads everything again (loading skips what is there)."),
    DURABLE_STORE_UNAVAILABLE("HJMS-STORE-074", "the durable store's database %s could not %s: %s",
            "Check that the database runs and is reachable; sends fail until it answers again, then resume by "
            + "themselves. durableStore=off runs the cluster in memory only."),
    MEMBER_JOINED("HJMS-STORE-075", "member %s joined cluster '%s': %s members now",
            "Nothing: a server started or came back."),
    MEMBER_LEFT("HJMS-STORE-076", "member %s left cluster '%s': %s members now; the destinations it led are "
            + "served from their backups, and what its connections held is released for redelivery",
            "If it was not stopped on purpose, find out why it died; start it again to restore the backups."),
    DESTINATIONS_FAILED_OVER("HJMS-STORE-077", "%s destination(s) failed over to this member (%s), whose backups "
            + "of them were promoted: %s",
            "Nothing: their messages were kept by the backups; consumers go on from this member."),
    DEPARTED_RELEASED("HJMS-STORE-078", "node %s departed: %s message(s) it held were released for redelivery",
            "Nothing: they are delivered again, flagged JMSRedelivered."),
    MESSAGES_MOVED("HJMS-STORE-079", "moved %s message(s) from %s to %s (%s), e.g. %s%s",
            "Look at the dead-letter or expiry queue named: the reason says why (out of delivery attempts, or "
                    + "expired)."),
    SUBSCRIPTION_NAME_BUSY("HJMS-STORE-080", "shared subscription name %s stayed locked by another consumer's attach or "
            + "close for %d ms",
            "Try again: another node was attaching to or leaving the same subscription name and did not finish."),
    LEASE_TIMEOUT_NEGATIVE("HJMS-STORE-081", "leaseTimeoutMillis must not be negative, was %s",
            "Set leaseTimeoutMillis to 0 (leases never time out) or more milliseconds."),
    LEASES_EXPIRED("HJMS-STORE-082", "%s of the %s message(s) acknowledged on %s were no longer held by this session: "
            + "their lease timed out (leaseTimeoutMillis) and they were released for redelivery; nothing was "
            + "acknowledged",
            "Acknowledge or commit within the destination's leaseTimeoutMillis, or raise it (0: never)."),
    LEASES_TIMED_OUT("HJMS-STORE-083", "%s: the lease of %s message(s) held by %s timed out after %s ms; released "
            + "for redelivery, e.g. %s",
            "Find out why the consumer did not acknowledge in time (stuck, or slower than leaseTimeoutMillis); "
                    + "raise leaseTimeoutMillis if its work is legitimately that long."),
    DUPLICATE_ID_CACHE_NEGATIVE("HJMS-STORE-090", "duplicateIdCacheSize must not be negative, was %s",
            "Set duplicateIdCacheSize to 0 (remember no send ids) or more."),
    DUPLICATE_ROWS_KEPT("HJMS-STORE-091", "could not ask %s which of %s message(s) with a duplicate id it dropped: %s; "
            + "their durable rows are kept",
            "Nothing now: the send succeeded. After a restart of the whole cluster a dropped duplicate among them may "
                    + "be delivered once more."),

    // --- durable store identity ------------------------------------------------------------------------------
    DURABLE_STORE_NOT_THE_CLUSTERS("HJMS-STORE-095", "this node's durable store %s is not the one its cluster runs on, "
            + "%s: PERSISTENT messages sent through this node would be written where the cluster does not read them "
            + "back after a restart. The node did not start and wrote nothing",
            "Give this node the durable store of the nodes already running: the same durableStore URL, "
                    + "durableStoreDataSource, or durableStore=embedded with the same durableStoreDirectory on the "
                    + "members' machine; or durableStore=off if they run without one. To move the cluster to "
                    + "another store, stop every node and start them all with it."),
    CLIENT_STORE_NOT_THE_RESTARTED_CLUSTERS("HJMS-STORE-096", "this Hazelcast client reconnected to its cluster, "
            + "which was restarted meanwhile: the client's durable store %s is not the one the cluster now runs on, "
            + "%s. This node refuses sends until it reconnects to a cluster on its store, or is restarted",
            "Restart this node with the durable store of the cluster's members (or the members with this node's), "
                    + "as HJMS-STORE-095 says."),
    CLUSTER_RESTART_PENDING("HJMS-STORE-097", "this Hazelcast client lost its cluster, and has not reconnected and "
            + "checked the cluster's durable store within %d ms",
            "Start the cluster's members or check the network; if a member is loading the durable store after a "
                    + "restart of the whole cluster (HJMS-STORE-070/072 in its log), try again when it is done."),
    CLIENT_RECONNECTED("HJMS-STORE-098", "this Hazelcast client (node %s) reconnected to its cluster; its durable "
            + "store, %s, is the cluster's, and loaded",
            "Nothing: sends go on. If the cluster was restarted meanwhile, messages this client held come again, "
                    + "flagged as redelivered."),
    CLIENT_RECHECK_FAILED("HJMS-STORE-099", "this Hazelcast client reconnected to its cluster, but could not check "
            + "the cluster's durable store: %s",
            "Nothing, if the client was lost again or is stopping: it checks again at its next connection. Else see "
                    + "the cause.");

    private final String id;
    private final String template;
    private final String action;

    StoreError(String id, String template, String action) {
        this.id = id;
        this.template = template;
        this.action = action;
    }

    /** The error id, e.g. {@code HJMS-STORE-063}. */
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
