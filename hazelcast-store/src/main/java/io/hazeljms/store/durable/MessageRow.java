package io.hazeljms.store.durable;

import io.hazeljms.store.StoredMessage;

/**
 * One stored message at one address: a queue ({@code subscription} empty) or a durable subscription of a topic.
 * A topic message reaching two durable subscriptions is two rows.
 */
public record MessageRow(String address, String subscription, StoredMessage message) {

    public RowKey key() {
        return new RowKey(address, subscription, message.messageId());
    }
}
