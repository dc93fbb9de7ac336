package io.hazeljms.jms.client;

import io.hazeljms.store.Address;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A message handed to the application and not yet acknowledged: the queue or subscription it came from, and its id. */
record Delivery(Address address, String messageId) {

    /** Groups deliveries by queue or subscription, keeping order, so each gets one store call. */
    static Map<Address, List<String>> byAddress(List<Delivery> deliveries) {
        Map<Address, List<String>> grouped = new LinkedHashMap<>();
        for (Delivery d : deliveries) {
            grouped.computeIfAbsent(d.address(), k -> new ArrayList<>()).add(d.messageId());
        }
        return grouped;
    }
}
