package dev.adhoc.action.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small, strict readers for manifest documents: a missing required field is named. */
final class Json {
    private Json() {
    }

    static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) throw new IllegalArgumentException("missing field '" + field + "'");
        return value;
    }

    static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }

    static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    static Optional<JsonNode> optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    static List<String> strings(JsonNode node, String field) {
        List<String> result = new ArrayList<>();
        JsonNode array = node.get(field);
        if (array != null) array.forEach(item -> result.add(item.asText()));
        return result;
    }

    static Map<String, String> stringMap(JsonNode node, String field) {
        Map<String, String> result = new LinkedHashMap<>();
        JsonNode object = node.get(field);
        if (object != null) object.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }
}
