package io.hazeljms.console.jmx;

import java.util.Map;

/** A pending message as the destination MBean's {@code browse} shows it (headers, properties, body preview). */
public record BrowsedMessage(String messageId, long timestamp, int priority, boolean persistent, long expiration,
                             long deliveryTime, String correlationId, String type, String replyTo,
                             int deliveryCount, Map<String, String> properties, String bodyType, int bodySize,
                             String bodyPreview) {
}
