package io.hazeljms.ra.inbound;

import io.hazeljms.ra.AdapterError;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;

import java.io.Serializable;
import java.util.List;

/**
 * How a message-driven bean consumes: the standard JMS activation properties plus redelivery policy. Declared
 * in {@code ra.xml}; {@link #validate()} reports every bad property at once.
 */
public class HazelJmsActivationSpec implements ActivationSpec, ResourceAdapterAssociation, Serializable {

    private static final long serialVersionUID = 1L;

    public static final String QUEUE = "jakarta.jms.Queue";
    public static final String TOPIC = "jakarta.jms.Topic";

    private transient ResourceAdapter resourceAdapter;
    private String destination;
    private String destinationLookup;
    private String destinationType = QUEUE;
    private String messageSelector;
    private String acknowledgeMode = "Auto-acknowledge";
    private String subscriptionDurability = "NonDurable";
    private String subscriptionName;
    private String clientId;
    private Boolean shareSubscriptions = Boolean.FALSE;
    private Integer maxSession = 15;
    private Integer maxDeliveryAttempts;
    private Long redeliveryDelay;
    private String deadLetterQueue;
    private Integer maxQueueMessages;
    private Long maxQueueBytes;

    @Override
    public void validate() throws InvalidPropertyException {
        List<String> errors = ActivationSpecValidator.errors(this);
        if (!errors.isEmpty()) {
            InvalidPropertyException e = new InvalidPropertyException(
                    AdapterError.ACTIVATION_CONFIG_INVALID.text(String.join("; ", errors)));
            throw e;
        }
    }

    public boolean isTopic() {
        return TOPIC.equals(normalisedType());
    }

    String normalisedType() {
        if (destinationType == null) {
            return QUEUE;
        }
        return destinationType.replace("javax.jms.", "jakarta.jms.");
    }

    public boolean isDurable() {
        return "Durable".equalsIgnoreCase(subscriptionDurability);
    }

    public boolean isDupsOk() {
        return acknowledgeMode != null && acknowledgeMode.toLowerCase(java.util.Locale.ROOT).startsWith("dups");
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.resourceAdapter = ra;
    }

    public String getDestination() { return destination; }
    public void setDestination(String destination) { this.destination = destination; }
    public String getDestinationLookup() { return destinationLookup; }
    public void setDestinationLookup(String lookup) { this.destinationLookup = lookup; }
    public String getDestinationType() { return destinationType; }
    public void setDestinationType(String type) { this.destinationType = type; }
    public String getMessageSelector() { return messageSelector; }
    public void setMessageSelector(String selector) { this.messageSelector = selector; }
    public String getAcknowledgeMode() { return acknowledgeMode; }
    public void setAcknowledgeMode(String mode) { this.acknowledgeMode = mode; }
    public String getSubscriptionDurability() { return subscriptionDurability; }
    public void setSubscriptionDurability(String durability) { this.subscriptionDurability = durability; }
    public String getSubscriptionName() { return subscriptionName; }
    public void setSubscriptionName(String name) { this.subscriptionName = name; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public Boolean getShareSubscriptions() { return shareSubscriptions; }
    public void setShareSubscriptions(Boolean share) { this.shareSubscriptions = share; }
    public Integer getMaxSession() { return maxSession; }
    public void setMaxSession(Integer maxSession) { this.maxSession = maxSession; }
    public Integer getMaxDeliveryAttempts() { return maxDeliveryAttempts; }
    public void setMaxDeliveryAttempts(Integer attempts) { this.maxDeliveryAttempts = attempts; }
    public Long getRedeliveryDelay() { return redeliveryDelay; }
    public void setRedeliveryDelay(Long delay) { this.redeliveryDelay = delay; }
    public String getDeadLetterQueue() { return deadLetterQueue; }
    public void setDeadLetterQueue(String queue) { this.deadLetterQueue = queue; }
    public Integer getMaxQueueMessages() { return maxQueueMessages; }
    public void setMaxQueueMessages(Integer messages) { this.maxQueueMessages = messages; }
    public Long getMaxQueueBytes() { return maxQueueBytes; }
    public void setMaxQueueBytes(Long bytes) { this.maxQueueBytes = bytes; }

    @Override
    public String toString() {
        return "HazelJmsActivationSpec{destination=" + destination + ", lookup=" + destinationLookup + ", type="
                + destinationType + ", selector=" + messageSelector + ", durability=" + subscriptionDurability
                + ", subscription=" + subscriptionName + ", clientId=" + clientId + ", maxSession=" + maxSession + "}";
    }
}
