package dev.tenancy.keycloak.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** One HTTP response: status, body text and headers (names compared case-insensitively). */
public record HttpResult(int status, String body, Map<String, List<String>> headers) {

    public JsonNode json() {
        return Json.parse(body);
    }

    /** The first value of the header, or null when absent. */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
                .map(entry -> entry.getValue().get(0))
                .findFirst()
                .orElse(null);
    }

    /** The last path segment of {@code Location}: the id the admin API gives a created resource. */
    public String createdId() {
        String location = header("Location");
        if (location == null) {
            throw new IllegalStateException("no Location header in " + this);
        }
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + body;
    }
}
