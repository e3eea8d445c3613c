package dev.adhoc.action.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.List;
import java.util.Map;

/**
 * Reads a manifest document into its record. The records map their fields with Jackson
 * annotations; what a field must have (or defaults to when absent or null) is said in their
 * {@code fromJson} creators, and a missing required field is named.
 */
final class Json {
    private Json() {
    }

    static JsonNode tree(String json, ObjectMapper mapper) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    /** The record a document maps to; one that is not a JSON object reads as an object without fields. */
    static <T> T read(JsonNode document, Class<T> type, ObjectMapper mapper) {
        try {
            return mapper.treeToValue(document.isObject() ? document : mapper.createObjectNode(), type);
        } catch (ValueInstantiationException e) {
            // A creator refused the document (a missing field, a value out of range): its own message says why.
            if (e.getCause() instanceof IllegalArgumentException refused) throw refused;
            throw invalid(e);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    static <T> T required(T value, String field) {
        if (value == null) throw new IllegalArgumentException("missing field '" + field + "'");
        return value;
    }

    static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    static <K, V> Map<K, V> orEmpty(Map<K, V> values) {
        return values == null ? Map.of() : values;
    }

    private static IllegalArgumentException invalid(JsonProcessingException e) {
        return new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
}
