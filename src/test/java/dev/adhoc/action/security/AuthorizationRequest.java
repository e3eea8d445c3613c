package dev.adhoc.action.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One question IAM answers for one API call: may the caller do {@code action} (e.g.
 * {@code ecs:RunTask}) on {@code resource} (an ARN, or {@code *} for actions IAM does not scope
 * to a resource), with these request condition keys ({@code ecs:cluster}, {@code iam:PassedToService}, ...)?
 * One call may raise several: one per resource it concerns, plus those it implies (PassRole).
 */
record AuthorizationRequest(String action, String resource, Map<String, List<String>> context) {
    AuthorizationRequest {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        context.forEach((key, values) -> keys.put(key.toLowerCase(Locale.ROOT), List.copyOf(values)));
        context = Map.copyOf(keys);
    }

    static AuthorizationRequest of(String action, String resource) {
        return new AuthorizationRequest(action, resource, Map.of());
    }

    /**
     * The same request with condition key {@code key} (names are case-insensitive, as in IAM) set
     * to {@code values}; no values leave the key out, as a request without them carries none.
     */
    AuthorizationRequest with(String key, String... values) {
        return with(key, List.of(values));
    }

    AuthorizationRequest with(String key, List<String> values) {
        if (values.isEmpty()) return this;
        Map<String, List<String>> keys = new LinkedHashMap<>(context);
        keys.put(key.toLowerCase(Locale.ROOT), values);
        return new AuthorizationRequest(action, resource, keys);
    }

    /** The same request carrying the tags it sets: {@code aws:TagKeys} and one {@code aws:RequestTag/<key>} each. */
    AuthorizationRequest withTags(Map<String, String> tags) {
        AuthorizationRequest request = with("aws:TagKeys", List.copyOf(tags.keySet()));
        for (Map.Entry<String, String> tag : tags.entrySet()) request = request.with("aws:RequestTag/" + tag.getKey(), tag.getValue());
        return request;
    }

    /** The values of condition key {@code key} in this request, {@code null} when the request does not carry it. */
    List<String> values(String key) {
        return context.get(key.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return action + " on " + resource + (context.isEmpty() ? "" : " with " + context);
    }
}
