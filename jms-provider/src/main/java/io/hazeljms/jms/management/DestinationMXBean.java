package io.hazeljms.jms.management;

/**
 * One destination's MBean, {@code io.hazeljms:type=Destination,cluster=<clusterName>,kind=queue|topic,
 * name="<name>"} (the name quoted with {@code ObjectName.quote}): its figures ({@link DestinationInfo}) as
 * attributes, read cluster-wide (at most one store read per half second), and the operator's actions.
 */
public interface DestinationMXBean {

    String getKind();
    String getName();
    long getDepth();
    long getPending();
    long getInFlight();
    long getScheduled();
    int getConsumers();
    int getSubscriptionCount();
    long getEnqueued();
    long getAcknowledged();
    long getExpired();
    long getDeadLettered();
    long getDuplicatesDropped();
    long getBytes();
    int getMaxMessages();
    long getMaxBytes();
    double getEnqueueRate();
    double getAcknowledgeRate();
    /** A topic's subscriptions as the store names them; empty for a queue. */
    String[] getSubscriptionNames();

    /**
     * Queues: the first {@code max} deliverable messages (at most {@link BrokerManagement#MAX_BROWSE}) matching a
     * selector (empty: all), in delivery order, without taking any.
     */
    MessageSummary[] browse(String selector, int max);

    /** Queues: deletes the pending messages; returns how many. */
    int purge();

    /** Queues: sends every pending message back to the queue it came from; returns how many moved. */
    int redriveAll();

    /** Queues: sends one message back to the queue it came from; returns 1, or 0 when none has that id. */
    int redrive(String messageId);

    /** Queues: sends the pending messages matching a selector back; returns how many moved. */
    int redriveSelected(String selector);

    /** Queues: moves the pending messages matching a selector (empty: all) to another queue; returns how many. */
    int moveTo(String queue, String selector);

    /** Deletes this destination with all it holds; true if it existed. */
    boolean delete();

    /** Topics: deletes a durable subscription (as {@link #getSubscriptionNames} names it). */
    void deleteDurableSubscription(String subscription);
}
