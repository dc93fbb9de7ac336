package io.hazeljms.jms.config;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.store.DestinationSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.hazeljms.jms.config.Settings.*;

/**
 * Values of the per-destination settings ({@link Scope#DESTINATION}) and how they map onto the store's
 * {@link DestinationSettings}: the defaults of a node ({@link #of}) or what one MDB gives ({@link #given}).
 */
public final class DestinationPolicy {

    /** What applying a policy did: whether it created the destination, and each "setting old → new". */
    public record Update(boolean created, List<String> changes) {
    }

    private static final String QUEUE_PREFIX = "queue:";

    private final Map<Setting<?>, Object> values;

    private DestinationPolicy(Map<Setting<?>, Object> values) {
        this.values = values;
    }

    /** Every per-destination setting: the value given or its default. */
    public static DestinationPolicy of(SettingValues given) {
        Map<Setting<?>, Object> map = new LinkedHashMap<>();
        for (Setting<?> setting : Settings.in(Scope.DESTINATION)) {
            Object value = given.get(setting);
            if (value != null) {
                map.put(setting, value);
            }
        }
        return new DestinationPolicy(map);
    }

    /** Only the per-destination settings that were given: the rest stays as the destination has it. */
    public static DestinationPolicy given(SettingValues given) {
        Map<Setting<?>, Object> map = new LinkedHashMap<>();
        for (Setting<?> setting : Settings.in(Scope.DESTINATION)) {
            if (given.isSet(setting)) {
                map.put(setting, given.get(setting));
            }
        }
        return new DestinationPolicy(map);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** {@code base} with these values. */
    public DestinationSettings applyTo(DestinationSettings base) {
        DestinationSettings s = base;
        for (Map.Entry<Setting<?>, Object> e : values.entrySet()) {
            Setting<?> setting = e.getKey();
            Object v = e.getValue();
            if (setting == MAX_DELIVERY_ATTEMPTS) {
                s = s.withMaxDeliveryAttempts((Integer) v);
            } else if (setting == REDELIVERY_DELAY_MILLIS) {
                s = s.withRedeliveryDelayMillis((Long) v);
            } else if (setting == LEASE_TIMEOUT_MILLIS) {
                s = s.withLeaseTimeoutMillis((Long) v);
            } else if (setting == DUPLICATE_ID_CACHE_SIZE) {
                s = s.withDuplicateIdCacheSize((Integer) v);
            } else if (setting == DEAD_LETTER_QUEUE) {
                s = s.withDeadLetterQueue(queueKey((String) v));
            } else if (setting == EXPIRY_QUEUE) {
                s = s.withExpiryQueue(queueKey((String) v));
            } else if (setting == MAX_QUEUE_MESSAGES) {
                s = s.withMaxMessages((Integer) v);
            } else if (setting == MAX_QUEUE_BYTES) {
                s = s.withMaxBytes((Long) v);
            } else {
                throw new IllegalStateException(ProviderError.NO_STORE_MAPPING.text(setting));
            }
        }
        return s;
    }

    /** What these values change in {@code current}, one "name old → new" each; empty when nothing. */
    public List<String> changesTo(DestinationSettings current) {
        List<String> changes = new ArrayList<>();
        DestinationSettings next = applyTo(current);
        for (Setting<?> setting : values.keySet()) {
            Object before = valueIn(current, setting);
            Object after = valueIn(next, setting);
            if (!Objects.equals(before, after)) {
                changes.add(setting.name() + " " + shown(before) + " → " + shown(after));
            }
        }
        return changes;
    }

    private static Object valueIn(DestinationSettings s, Setting<?> setting) {
        if (setting == MAX_DELIVERY_ATTEMPTS) {
            return s.deadLetter().maxDeliveryAttempts();
        } else if (setting == REDELIVERY_DELAY_MILLIS) {
            return s.redelivery().delayMillis();
        } else if (setting == LEASE_TIMEOUT_MILLIS) {
            return s.lease().timeoutMillis();
        } else if (setting == DUPLICATE_ID_CACHE_SIZE) {
            return s.duplicates().idCacheSize();
        } else if (setting == DEAD_LETTER_QUEUE) {
            return queueName(s.deadLetter().queue());
        } else if (setting == EXPIRY_QUEUE) {
            return queueName(s.expiry().queue());
        } else if (setting == MAX_QUEUE_MESSAGES) {
            return s.maxMessages();
        } else if (setting == MAX_QUEUE_BYTES) {
            return s.maxBytes();
        }
        throw new IllegalStateException(ProviderError.NO_STORE_MAPPING.text(setting));
    }

    private static String queueKey(String name) {
        return name == null || name.isBlank() ? null : QUEUE_PREFIX + name.trim();
    }

    private static String queueName(String key) {
        return key == null ? null : key.startsWith(QUEUE_PREFIX) ? key.substring(QUEUE_PREFIX.length()) : key;
    }

    private static String shown(Object value) {
        return value == null ? "(none)" : value.toString();
    }

    /**
     * Gives a destination these settings, keeping the others it has (or the broker's defaults when it does not
     * exist yet, then it is created). Cluster-wide.
     */
    public Update applyOn(io.hazeljms.store.Broker broker, io.hazeljms.store.DestinationKey key) {
        DestinationSettings current = broker.administration().settings(key);
        boolean exists = current != null;
        DestinationSettings base = exists ? current : broker.defaults();
        List<String> changes = changesTo(base);
        if (!exists || !changes.isEmpty()) {
            broker.administration().createDestination(key, applyTo(base));
        }
        return new Update(!exists, changes);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
