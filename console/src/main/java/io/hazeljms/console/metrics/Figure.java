package io.hazeljms.console.metrics;

import io.hazeljms.console.jmx.DestinationFigures;

import java.util.function.ToDoubleFunction;

/**
 * The figures each destination publishes as a gauge {@code hazeljms_destination_<name>}, tagged {@code cluster},
 * {@code kind} and {@code destination}. Totals are gauges too: they are the store's cluster-wide counts, which a
 * counter of this JVM could not follow.
 */
enum Figure {
    DEPTH("depth", "messages held: pending, in flight and scheduled", DestinationFigures::depth),
    PENDING("pending", "messages waiting for a consumer", DestinationFigures::pending),
    IN_FLIGHT("in_flight", "messages delivered and not yet acknowledged", DestinationFigures::inFlight),
    SCHEDULED("scheduled", "messages waiting for their delivery time", DestinationFigures::scheduled),
    CONSUMERS("consumers", "open consumers, cluster-wide", DestinationFigures::consumers),
    ENQUEUED("enqueued", "messages stored since the cluster started", DestinationFigures::enqueued),
    ACKNOWLEDGED("acknowledged", "messages acknowledged since the cluster started", DestinationFigures::acknowledged),
    EXPIRED("expired", "messages expired since the cluster started", DestinationFigures::expired),
    DEAD_LETTERED("dead_lettered", "messages moved to a dead-letter queue since the cluster started",
            DestinationFigures::deadLettered),
    DUPLICATES_DROPPED("duplicates_dropped", "sends not stored because the destination had them already, since the"
            + " cluster started", DestinationFigures::duplicatesDropped),
    BYTES("bytes", "bytes of the messages held", DestinationFigures::bytes),
    ENQUEUE_RATE("enqueue_rate", "messages stored per second, recently", DestinationFigures::enqueueRate),
    ACKNOWLEDGE_RATE("acknowledge_rate", "messages acknowledged per second, recently",
            DestinationFigures::acknowledgeRate);

    final String metricName;
    final String description;
    final ToDoubleFunction<DestinationFigures> value;

    Figure(String suffix, String description, ToDoubleFunction<DestinationFigures> value) {
        this.metricName = "hazeljms_destination_" + suffix;
        this.description = description;
        this.value = value;
    }
}
