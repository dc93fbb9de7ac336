package io.hazeljms.jms.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A message handed to the application and not yet acknowledged: where it lives in the store, and its id. */
record Delivery(String storeKey, String messageId) {

    /** Groups deliveries by destination, keeping order, so each destination gets one store call. */
    static Map<String, List<String>> byDestination(List<Delivery> deliveries) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (Delivery d : deliveries) {
            grouped.computeIfAbsent(d.storeKey(), k -> new ArrayList<>()).add(d.messageId());
        }
        return grouped;
    }
}
