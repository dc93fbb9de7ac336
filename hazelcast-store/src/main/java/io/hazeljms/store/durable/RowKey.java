package io.hazeljms.store.durable;

/** Names one stored message row: its address, subscription (empty for a queue) and message id. */
public record RowKey(String address, String subscription, String messageId) {
}
