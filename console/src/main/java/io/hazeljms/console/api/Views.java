package io.hazeljms.console.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * The console's records ({@code Member}, {@code DestinationFigures}, {@code BrowsedMessage}) as JSON objects, one
 * field per record component under the component's name: what the API answers is what the JMX side reads, with no
 * second list of names to keep in step.
 */
final class Views {

    private Views() {
    }

    static JsonObject error(String message) {
        return Json.createObjectBuilder().add("error", message == null ? "" : message).build();
    }

    static JsonObject of(Record record) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            o.add(c.getName(), value(read(c, record)));
        }
        return o.build();
    }

    static JsonArrayBuilder array(Collection<?> items) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        items.forEach(item -> a.add(value(item)));
        return a;
    }

    private static JsonValue value(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        } else if (v instanceof Record r) {
            return of(r);
        } else if (v instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? JsonValue.NULL : Json.createValue(d);
        } else if (v instanceof Long || v instanceof Integer) {
            return Json.createValue(((Number) v).longValue());
        } else if (v instanceof Map<?, ?> map) {
            JsonObjectBuilder o = Json.createObjectBuilder();
            map.forEach((k, e) -> o.add(String.valueOf(k), value(e)));
            return o.build();
        } else if (v instanceof Collection<?> c) {
            return array(c).build();
        }
        return Json.createValue(v.toString());
    }

    private static Object read(RecordComponent c, Record record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass(), e);
        }
    }
}
