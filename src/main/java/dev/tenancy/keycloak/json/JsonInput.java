package dev.tenancy.keycloak.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.error.TenancyException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strict reading of a JSON request body: every failure is a 400 whose message names the field, so a
 * client learns what to fix and nothing half-parsed reaches a service.
 */
public final class JsonInput {

    /** Role and module names: lower-case, URL- and claim-safe. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ObjectNode node;
    private final String path;

    private JsonInput(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Parses a request body that must be one JSON object. */
    public static JsonInput parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw TenancyException.invalid("Request body is missing; expected a JSON object");
        }
        JsonNode parsed;
        try {
            parsed = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw TenancyException.invalid("Request body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        return of(parsed, "body");
    }

    public static JsonInput of(JsonNode parsed, String path) {
        if (parsed == null || !parsed.isObject()) {
            throw TenancyException.invalid("'" + path + "' must be a JSON object");
        }
        return new JsonInput((ObjectNode) parsed, path);
    }

    /** Rejects fields nobody reads, so a typo is reported instead of silently ignored. */
    public JsonInput allowOnly(Set<String> fields) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw TenancyException.invalid("Unknown field '" + qualified(name) + "'");
            }
        }
        return this;
    }

    public boolean has(String field) {
        return node.hasNonNull(field);
    }

    /** True when the field is present with the value {@code null}: the client asks to clear it. */
    public boolean isExplicitNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    /** The field as sent, or null when absent; for fields whose JSON type depends on other fields. */
    public JsonNode raw(String field) {
        return node.get(field);
    }

    public String requiredText(String field, int maxLength) {
        return optionalText(field, maxLength)
                .orElseThrow(() -> TenancyException.invalid("Field '" + qualified(field) + "' is required"));
    }

    public Optional<String> optionalText(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw TenancyException.invalid("Field '" + qualified(field) + "' must be a string");
        }
        String text = value.textValue().strip();
        if (text.isEmpty()) {
            throw TenancyException.invalid("Field '" + qualified(field) + "' must not be blank");
        }
        if (text.length() > maxLength) {
            throw TenancyException.invalid(
                    "Field '" + qualified(field) + "' is longer than " + maxLength + " characters");
        }
        return Optional.of(text);
    }

    /** An ISO-8601 instant such as {@code 2030-01-31T12:00:00Z}. */
    public Optional<Instant> optionalInstant(String field) {
        return optionalText(field, 40).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw TenancyException.invalid("Field '" + qualified(field) + "' must be an ISO-8601 instant such as"
                        + " 2030-01-31T12:00:00Z");
            }
        });
    }

    public Optional<Boolean> optionalBoolean(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw TenancyException.invalid("Field '" + qualified(field) + "' must be true or false");
        }
        return Optional.of(value.booleanValue());
    }

    public Optional<Long> optionalLong(String field, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw TenancyException.invalid("Field '" + qualified(field) + "' must be a whole number");
        }
        long number = value.longValue();
        if (number < min || number > max) {
            throw TenancyException.invalid(
                    "Field '" + qualified(field) + "' must be between " + min + " and " + max);
        }
        return Optional.of(number);
    }

    /** An array of strings; each must match {@code pattern}. */
    public Optional<List<String>> optionalTextList(String field, Pattern pattern, int maxItems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw TenancyException.invalid("Field '" + qualified(field) + "' must be an array of strings");
        }
        if (value.size() > maxItems) {
            throw TenancyException.invalid(
                    "Field '" + qualified(field) + "' has more than " + maxItems + " entries");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || !pattern.matcher(item.textValue()).matches()) {
                throw TenancyException.invalid("Field '" + qualified(field) + "' has an invalid entry "
                        + describe(item) + "; entries must match " + pattern.pattern());
            }
            items.add(item.textValue());
        }
        return Optional.of(items);
    }

    public List<String> requiredTextList(String field, Pattern pattern, int maxItems) {
        return optionalTextList(field, pattern, maxItems)
                .orElseThrow(() -> TenancyException.invalid("Field '" + qualified(field) + "' is required"));
    }

    /** The members of a nested object, each checked against {@code keyPattern}, in document order. */
    public Map<String, JsonNode> optionalObjectEntries(String field, Pattern keyPattern, int maxEntries) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        return entries(of(value, qualified(field)), keyPattern, maxEntries);
    }

    /** The members of this object, each checked against {@code keyPattern}, in document order. */
    public Map<String, JsonNode> entries(Pattern keyPattern, int maxEntries) {
        return entries(this, keyPattern, maxEntries);
    }

    public String path() {
        return path;
    }

    public String qualified(String field) {
        return "body".equals(path) ? field : path + "." + field;
    }

    private static Map<String, JsonNode> entries(JsonInput object, Pattern keyPattern, int maxEntries) {
        if (object.node.size() > maxEntries) {
            throw TenancyException.invalid(
                    "'" + object.path + "' has more than " + maxEntries + " entries");
        }
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        object.node.fields().forEachRemaining(entry -> {
            if (!keyPattern.matcher(entry.getKey()).matches()) {
                throw TenancyException.invalid("'" + object.qualified(entry.getKey())
                        + "' is not a valid name; names must match " + keyPattern.pattern());
            }
            entries.put(entry.getKey(), entry.getValue());
        });
        return entries;
    }

    private static String describe(JsonNode item) {
        String text = item.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
