package io.hazeljms.sample.campaign;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A campaign as accepted: what to send, to whom, how urgently. Travels as JSON on {@code mail.campaigns}; a
 * generated recipient list travels as its count (the splitter expands it), an explicit one as the list.
 *
 * @param id           job id, answered to the client at once
 * @param subject      mail subject
 * @param body         mail body
 * @param recipients   who gets it
 * @param priority     JMS priority of every mail of the campaign, 0 (lowest) to 9
 * @param delayMillis  simulated SMTP latency per mail (so a run can be watched)
 */
public record CampaignOrder(String id, String subject, String body, Recipients recipients, int priority,
                            int delayMillis) {

    public static final int MAX_RECIPIENTS = 100_000;
    public static final int MAX_DELAY_MILLIS = 10_000;

    public CampaignOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipients, "recipients");
        List<String> errors = new ArrayList<>();
        if (subject == null || subject.isBlank()) {
            errors.add("subject is required");
        }
        if (body == null) {
            body = "";
        }
        if (priority < 0 || priority > 9) {
            errors.add("priority must be 0..9, not " + priority);
        }
        if (delayMillis < 0 || delayMillis > MAX_DELAY_MILLIS) {
            errors.add("delayMillis must be 0.." + MAX_DELAY_MILLIS + ", not " + delayMillis);
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
    }

    public int size() {
        return recipients.size();
    }

    public String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", id)
                .add("subject", subject)
                .add("body", body)
                .add("priority", priority)
                .add("delayMillis", delayMillis);
        if (recipients.isGenerated()) {
            json.add("count", recipients.size()).add("failing", recipients.failing());
        } else {
            JsonArrayBuilder list = Json.createArrayBuilder();
            recipients.forEach(list::add);
            json.add("recipients", list);
        }
        return json.build().toString();
    }

    public static CampaignOrder fromJson(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            Recipients recipients = json.containsKey("recipients")
                    ? Recipients.of(json.getJsonArray("recipients").getValuesAs(v -> ((jakarta.json.JsonString) v).getString()))
                    : Recipients.generated(json.getInt("count"), json.getInt("failing", 0));
            return new CampaignOrder(json.getString("id"), json.getString("subject"), json.getString("body", ""),
                    recipients, json.getInt("priority"), json.getInt("delayMillis", 0));
        }
    }

    /**
     * Reads a client's request: {@code subject}, {@code body}, {@code recipients} (a count N, or a list of
     * addresses), optional {@code failing} (how many of N generated addresses fail), {@code priority} (default 4)
     * and {@code delayMillis} (default 0).
     *
     * @throws IllegalArgumentException naming every problem
     */
    public static CampaignOrder fromRequest(String id, JsonObject request) {
        List<String> errors = new ArrayList<>();
        Recipients recipients = null;
        JsonValue value = request.get("recipients");
        int failing = intOr(request, "failing", 0, errors);
        if (value == null) {
            errors.add("recipients is required: a count or a list of addresses");
        } else if (value.getValueType() == JsonValue.ValueType.NUMBER) {
            int count = wholeNumber("recipients", (JsonNumber) value, errors);
            if (count == Integer.MIN_VALUE) {
                recipients = null; // reported
            } else if (count < 1 || count > MAX_RECIPIENTS) {
                errors.add("recipients must be 1.." + MAX_RECIPIENTS + ", not " + count);
            } else if (failing < 0 || failing > count) {
                errors.add("failing must be 0..recipients, not " + failing);
            } else {
                recipients = Recipients.generated(count, failing);
            }
        } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            List<String> list = new ArrayList<>();
            List<String> malformed = new ArrayList<>();
            for (JsonValue each : value.asJsonArray()) {
                if (each.getValueType() != JsonValue.ValueType.STRING) {
                    errors.add("recipients must be strings");
                    break;
                }
                String address = ((jakarta.json.JsonString) each).getString().trim();
                if (!Recipients.isAddress(address)) {
                    malformed.add(address);
                }
                list.add(address);
            }
            if (!malformed.isEmpty()) {
                errors.add(malformed.size() + " recipient(s) are not mail addresses (name@domain.tld), e.g. '"
                        + malformed.get(0) + "'");
            } else if (list.isEmpty() || list.size() > MAX_RECIPIENTS) {
                errors.add("recipients must list 1.." + MAX_RECIPIENTS + " addresses");
            } else {
                recipients = Recipients.of(list);
            }
        } else {
            errors.add("recipients must be a count or a list of addresses");
        }
        String subject = text(request, "subject", null, errors);
        String body = text(request, "body", "", errors);
        int priority = intOr(request, "priority", 4, errors);
        int delay = intOr(request, "delayMillis", 0, errors);
        if (recipients == null) {
            recipients = Recipients.generated(1, 0); // placeholder so that the other fields are checked too
        }
        try {
            CampaignOrder order = new CampaignOrder(id, subject, body, recipients, priority, delay);
            if (errors.isEmpty()) {
                return order;
            }
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        throw new IllegalArgumentException(String.join("; ", errors));
    }

    /** A whole number that fits an int, or {@link Integer#MIN_VALUE} with the problem added to {@code errors}. */
    private static int wholeNumber(String key, JsonNumber number, List<String> errors) {
        if (!number.isIntegral()) {
            errors.add(key + " must be a whole number, not " + number);
            return Integer.MIN_VALUE;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            errors.add(key + " is out of range: " + number);
            return Integer.MIN_VALUE;
        }
    }

    private static String text(JsonObject request, String key, String fallback, List<String> errors) {
        JsonValue value = request.get(key);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            errors.add(key + " must be a string");
            return fallback;
        }
        return ((jakarta.json.JsonString) value).getString();
    }

    private static int intOr(JsonObject request, String key, int fallback, List<String> errors) {
        JsonValue value = request.get(key);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (value.getValueType() == JsonValue.ValueType.NUMBER) {
            int exact = wholeNumber(key, (JsonNumber) value, errors);
            return exact == Integer.MIN_VALUE ? fallback : exact;
        }
        if (value.getValueType() == JsonValue.ValueType.STRING) {
            try {
                return Integer.parseInt(((jakarta.json.JsonString) value).getString().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        errors.add(key + " must be a number");
        return fallback;
    }
}
