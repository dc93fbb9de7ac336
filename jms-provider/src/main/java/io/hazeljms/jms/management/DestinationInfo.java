package io.hazeljms.jms.management;

/**
 * A queue's or topic's figures, cluster-wide: read from the partition that owns the destination, so every member
 * and client reads the same. For a topic the message figures add up its subscriptions'; {@code enqueued} counts
 * publications (each once, however many subscriptions took it).
 *
 * @param kind            {@code queue} or {@code topic}
 * @param name            the destination's JMS name
 * @param temporary       a temporary queue or topic
 * @param depth           pending plus in flight
 * @param pending         messages waiting for delivery (scheduled ones included)
 * @param inFlight        messages delivered and not yet acknowledged
 * @param scheduled       pending messages whose delivery time (or redelivery delay) has not come
 * @param consumers       consumers open now (for a topic, attached to its subscriptions)
 * @param subscriptions   a topic's subscriptions; 0 for a queue
 * @param enqueued        messages stored since the destination was created (or the cluster started)
 * @param acknowledged    messages acknowledged (consumed)
 * @param expired         messages that expired before delivery
 * @param deadLettered    messages that ran out of delivery attempts
 * @param duplicatesDropped sends accepted and not stored because the destination had them already (a duplicate
 *                        id within {@code duplicateIdCacheSize}, or a send made again after an in-doubt outcome)
 * @param bytes           estimated bytes held
 * @param maxMessages     message limit (per subscription for a topic), 0 = none
 * @param maxBytes        byte limit, 0 = none
 * @param enqueueRate     messages stored per second, between the last two samples this management object took
 *                        at least {@link BrokerManagement#RATE_INTERVAL_MILLIS} apart; 0 until it has two
 * @param acknowledgeRate messages acknowledged per second, likewise
 */
public record DestinationInfo(String kind, String name, boolean temporary, long depth, long pending, long inFlight,
                              long scheduled, int consumers, int subscriptions, long enqueued, long acknowledged,
                              long expired, long deadLettered, long duplicatesDropped, long bytes, int maxMessages, long maxBytes,
                              double enqueueRate, double acknowledgeRate) {
}
