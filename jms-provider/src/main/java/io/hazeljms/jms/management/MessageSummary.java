package io.hazeljms.jms.management;

import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link MessageView} as JMX shows it ({@link DestinationMXBean#browse}): the same fields, with the properties'
 * values as text, so that a JMX client (a console in another application) needs no JMS classes.
 */
public record MessageSummary(String messageId, long timestamp, int priority, boolean persistent, long expiration,
                             long deliveryTime, String correlationId, String type, String replyTo,
                             int deliveryCount, Map<String, String> properties, String bodyType, int bodySize,
                             String bodyPreview) {

    static MessageSummary of(MessageView view) {
        Map<String, String> properties = new TreeMap<>();
        view.properties().forEach((name, value) -> properties.put(name, String.valueOf(value)));
        return new MessageSummary(view.messageId(), view.timestamp(), view.priority(), view.persistent(),
                view.expiration(), view.deliveryTime(), view.correlationId(), view.type(), view.replyTo(),
                view.deliveryCount(), properties, view.bodyType(), view.bodySize(), view.bodyPreview());
    }
}
