package io.hazeljms.ra.inbound;

import io.hazeljms.jms.config.ConfigProblem;
import io.hazeljms.jms.config.DestinationPolicy;
import io.hazeljms.jms.config.Scope;
import io.hazeljms.jms.config.SettingChecks;
import io.hazeljms.jms.config.SettingValues;
import io.hazeljms.jms.config.Settings;
import io.hazeljms.ra.AdapterError;
import io.hazeljms.ra.InvalidProperties;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import static io.hazeljms.jms.config.Settings.*;

/**
 * How a message-driven bean consumes: the standard JMS activation properties, plus the per-destination policy
 * it may give its destination (see {@link HazelJmsActivation}). The properties are the settings of
 * {@link Settings} an activation spec may set; {@link #validate()} reports every bad one at once.
 */
public class HazelJmsActivationSpec implements ActivationSpec, ResourceAdapterAssociation, Serializable {

    private static final long serialVersionUID = 1L;

    private transient ResourceAdapter resourceAdapter;
    private final SettingValues settings = new SettingValues(Scope.ACTIVATION_SPEC);

    @Override
    public void validate() throws InvalidPropertyException {
        List<ConfigProblem> problems = SettingChecks.problems(settings);
        if (!problems.isEmpty()) {
            throw InvalidProperties.of(AdapterError.ACTIVATION_CONFIG_INVALID, problems, getClass());
        }
    }

    public boolean isTopic() {
        return SettingChecks.isTopic(settings);
    }

    public boolean isDurable() {
        return "Durable".equalsIgnoreCase(getSubscriptionDurability());
    }

    public boolean isDupsOk() {
        return getAcknowledgeMode().toLowerCase(Locale.ROOT).startsWith("dups");
    }

    /** The per-destination settings this bean gives (empty: it leaves its destination's policy alone). */
    public DestinationPolicy destinationPolicy() {
        return DestinationPolicy.given(settings);
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.resourceAdapter = ra;
    }

    // --- bean properties: one per setting of Scope.ACTIVATION_SPEC (ConfigurationCatalogTest checks) ------------

    public String getDestination() { return settings.get(DESTINATION); }
    public void setDestination(String v) { settings.set(DESTINATION, v); }
    public String getDestinationLookup() { return settings.get(DESTINATION_LOOKUP); }
    public void setDestinationLookup(String v) { settings.set(DESTINATION_LOOKUP, v); }
    public String getDestinationType() { return settings.get(DESTINATION_TYPE); }
    public void setDestinationType(String v) { settings.set(DESTINATION_TYPE, v); }
    public String getMessageSelector() { return settings.get(MESSAGE_SELECTOR); }
    public void setMessageSelector(String v) { settings.set(MESSAGE_SELECTOR, v); }
    public String getAcknowledgeMode() { return settings.get(ACKNOWLEDGE_MODE); }
    public void setAcknowledgeMode(String v) { settings.set(ACKNOWLEDGE_MODE, v); }
    public String getSubscriptionDurability() { return settings.get(SUBSCRIPTION_DURABILITY); }
    public void setSubscriptionDurability(String v) { settings.set(SUBSCRIPTION_DURABILITY, v); }
    public String getSubscriptionName() { return settings.get(SUBSCRIPTION_NAME); }
    public void setSubscriptionName(String v) { settings.set(SUBSCRIPTION_NAME, v); }
    public String getClientId() { return settings.get(CLIENT_ID); }
    public void setClientId(String v) { settings.set(CLIENT_ID, v); }
    public String getUserName() { return settings.get(USER_NAME); }
    public void setUserName(String v) { settings.set(USER_NAME, v); }
    public String getPassword() { return settings.get(PASSWORD); }
    public void setPassword(String v) { settings.set(PASSWORD, v); }
    public Boolean getShareSubscriptions() { return settings.get(SHARE_SUBSCRIPTIONS); }
    public void setShareSubscriptions(Boolean v) { settings.set(SHARE_SUBSCRIPTIONS, v); }
    public Integer getMaxSession() { return settings.get(MAX_SESSION); }
    public void setMaxSession(Integer v) { settings.set(MAX_SESSION, v); }
    public Integer getMaxDeliveryAttempts() { return settings.get(MAX_DELIVERY_ATTEMPTS); }
    public void setMaxDeliveryAttempts(Integer v) { settings.set(MAX_DELIVERY_ATTEMPTS, v); }
    public Long getRedeliveryDelayMillis() { return settings.get(REDELIVERY_DELAY_MILLIS); }
    public void setRedeliveryDelayMillis(Long v) { settings.set(REDELIVERY_DELAY_MILLIS, v); }
    /** @deprecated former name of redeliveryDelayMillis; when given, it wins */
    @Deprecated
    public Long getRedeliveryDelay() { return settings.get(REDELIVERY_DELAY_MILLIS); }
    /** @deprecated former name of redeliveryDelayMillis; when given, it wins */
    @Deprecated
    public void setRedeliveryDelay(Long v) { settings.setViaAlias(REDELIVERY_DELAY_MILLIS, v); }
    public String getDeadLetterQueue() { return settings.get(DEAD_LETTER_QUEUE); }
    public void setDeadLetterQueue(String v) { settings.set(DEAD_LETTER_QUEUE, v); }
    public String getExpiryQueue() { return settings.get(EXPIRY_QUEUE); }
    public void setExpiryQueue(String v) { settings.set(EXPIRY_QUEUE, v); }
    public Integer getMaxQueueMessages() { return settings.get(MAX_QUEUE_MESSAGES); }
    public void setMaxQueueMessages(Integer v) { settings.set(MAX_QUEUE_MESSAGES, v); }
    public Long getLeaseTimeoutMillis() { return settings.get(LEASE_TIMEOUT_MILLIS); }
    public void setLeaseTimeoutMillis(Long v) { settings.set(LEASE_TIMEOUT_MILLIS, v); }
    public Integer getDuplicateIdCacheSize() { return settings.get(DUPLICATE_ID_CACHE_SIZE); }
    public void setDuplicateIdCacheSize(Integer v) { settings.set(DUPLICATE_ID_CACHE_SIZE, v); }
    public Long getMaxQueueBytes() { return settings.get(MAX_QUEUE_BYTES); }
    public void setMaxQueueBytes(Long v) { settings.set(MAX_QUEUE_BYTES, v); }

    @Override
    public String toString() {
        return "HazelJmsActivationSpec" + settings;
    }
}
