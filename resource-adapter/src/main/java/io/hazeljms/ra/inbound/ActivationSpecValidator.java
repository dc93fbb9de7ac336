package io.hazeljms.ra.inbound;

import io.hazeljms.store.selector.Selector;
import io.hazeljms.store.selector.SelectorSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The checks of {@link HazelJmsActivationSpec#validate()}: pure, so tests call it directly. */
final class ActivationSpecValidator {

    private ActivationSpecValidator() {
    }

    /** Every problem, each naming its property and what is accepted. Empty when the spec is valid. */
    static List<String> errors(HazelJmsActivationSpec spec) {
        List<String> errors = new ArrayList<>();
        if (blank(spec.getDestination()) && blank(spec.getDestinationLookup())) {
            errors.add("destination or destinationLookup: one is required (the queue or topic name, or the JNDI "
                    + "name of a HazelJMS Queue/Topic admin object)");
        }
        String type = spec.normalisedType();
        if (!HazelJmsActivationSpec.QUEUE.equals(type) && !HazelJmsActivationSpec.TOPIC.equals(type)) {
            errors.add("destinationType: '" + spec.getDestinationType() + "' is neither jakarta.jms.Queue nor jakarta.jms.Topic");
        }
        String ack = spec.getAcknowledgeMode() == null ? "" : spec.getAcknowledgeMode().toLowerCase(Locale.ROOT);
        if (!ack.equals("auto-acknowledge") && !ack.equals("dups-ok-acknowledge")) {
            errors.add("acknowledgeMode: '" + spec.getAcknowledgeMode() + "' must be Auto-acknowledge or Dups-ok-acknowledge");
        }
        String durability = spec.getSubscriptionDurability();
        if (!"Durable".equalsIgnoreCase(durability) && !"NonDurable".equalsIgnoreCase(durability)) {
            errors.add("subscriptionDurability: '" + durability + "' must be Durable or NonDurable");
        }
        if (spec.isTopic() && spec.isDurable() && blank(spec.getSubscriptionName())) {
            errors.add("subscriptionName: required for a durable subscription");
        }
        if (spec.isTopic() && spec.isDurable() && !Boolean.TRUE.equals(spec.getShareSubscriptions())
                && blank(spec.getClientId())) {
            errors.add("clientId: required for an unshared durable subscription (or set shareSubscriptions=true)");
        }
        if (spec.getMaxSession() == null || spec.getMaxSession() < 1) {
            errors.add("maxSession: must be at least 1, was " + spec.getMaxSession());
        }
        if (spec.getMaxDeliveryAttempts() != null && spec.getMaxDeliveryAttempts() < 1) {
            errors.add("maxDeliveryAttempts: must be at least 1, was " + spec.getMaxDeliveryAttempts());
        }
        if (spec.getRedeliveryDelay() != null && spec.getRedeliveryDelay() < 0) {
            errors.add("redeliveryDelay: must not be negative, was " + spec.getRedeliveryDelay());
        }
        if (spec.getMaxQueueMessages() != null && spec.getMaxQueueMessages() < 0) {
            errors.add("maxQueueMessages: must not be negative (0 = unlimited), was " + spec.getMaxQueueMessages());
        }
        if (spec.getMaxQueueBytes() != null && spec.getMaxQueueBytes() < 0) {
            errors.add("maxQueueBytes: must not be negative (0 = unlimited), was " + spec.getMaxQueueBytes());
        }
        if (!blank(spec.getMessageSelector())) {
            try {
                Selector.parse(spec.getMessageSelector());
            } catch (SelectorSyntaxException e) {
                errors.add("messageSelector: " + e.getMessage());
            }
        }
        return errors;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
