package io.hazeljms.jms.management;

import java.util.Map;

/**
 * A read-only view of one pending message, for an operator: its headers, its properties and a bounded preview
 * of its body (browsing changes nothing and claims nothing).
 *
 * @param messageId     JMSMessageID
 * @param timestamp     JMSTimestamp (ms), 0 when disabled
 * @param priority      JMSPriority
 * @param persistent    JMSDeliveryMode PERSISTENT
 * @param expiration    JMSExpiration (ms), 0 = never
 * @param deliveryTime  JMSDeliveryTime (ms)
 * @param correlationId JMSCorrelationID, null for none
 * @param type          JMSType, null for none
 * @param replyTo       JMSReplyTo as the store names it ({@code queue:replies}), null for none
 * @param deliveryCount JMSXDeliveryCount its next delivery would carry
 * @param properties    its properties (a copy)
 * @param bodyType      {@code text}, {@code bytes}, {@code map}, {@code object}, {@code stream} or {@code none}
 * @param bodySize      the body's size in bytes as stored
 * @param bodyPreview   text: its first {@link BrokerManagement#PREVIEW_CHARS} characters; bytes: the first
 *                      {@link BrokerManagement#PREVIEW_BYTES} in hex; other types: null (they are not decoded here)
 */
public record MessageView(String messageId, long timestamp, int priority, boolean persistent, long expiration,
                          long deliveryTime, String correlationId, String type, String replyTo, int deliveryCount,
                          Map<String, Object> properties, String bodyType, int bodySize, String bodyPreview) {
}
