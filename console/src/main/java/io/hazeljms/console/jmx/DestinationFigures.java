package io.hazeljms.console.jmx;

/**
 * One destination's figures as its MBean ({@code io.hazeljms:type=Destination,…}) shows them, cluster-wide.
 *
 * @param kind {@code queue} or {@code topic}
 * @param depth pending + in flight + scheduled
 */
public record DestinationFigures(String kind, String name, long depth, long pending, long inFlight, long scheduled,
                                 int consumers, int subscriptions, long enqueued, long acknowledged, long expired,
                                 long deadLettered, long duplicatesDropped, long bytes, int maxMessages, long maxBytes, double enqueueRate,
                                 double acknowledgeRate) {

    /** Whether the destination holds as many messages or bytes as its limits allow (0: no limit). */
    public boolean full() {
        return (maxMessages > 0 && pending + inFlight + scheduled >= maxMessages)
                || (maxBytes > 0 && bytes >= maxBytes);
    }
}
