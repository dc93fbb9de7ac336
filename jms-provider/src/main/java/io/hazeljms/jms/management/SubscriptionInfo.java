package io.hazeljms.jms.management;

/**
 * One subscription of a topic and its figures, cluster-wide.
 *
 * @param name         the store's name of the subscription: {@code durable:<clientId>:<name>} for a durable one,
 *                     as given to {@link BrokerManagement#deleteDurableSubscription}
 * @param durable      whether it outlives its consumers
 * @param shared       whether several consumers may share it
 * @param selector     its message selector, null for none
 * @param consumers    consumers attached now
 * @param pending      messages waiting for delivery (scheduled ones included)
 * @param inFlight     messages delivered and not yet acknowledged
 * @param scheduled    pending messages whose delivery time has not come
 * @param acknowledged messages acknowledged since the topic's entry was created
 * @param expired      messages that expired
 * @param deadLettered messages moved out after their last delivery attempt
 */
public record SubscriptionInfo(String name, boolean durable, boolean shared, String selector, int consumers,
                               long pending, long inFlight, long scheduled, long acknowledged, long expired,
                               long deadLettered) {
}
