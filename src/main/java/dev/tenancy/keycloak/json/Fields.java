package dev.tenancy.keycloak.json;

import dev.tenancy.keycloak.error.TenancyException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The field rules of request records that JSON types cannot say: required, not blank, length, range, pattern.
 * Called from the records' constructors, so a record that exists is a valid one; each failure is a 400 naming
 * the field as the client wrote it.
 */
public final class Fields {

    private static final int SHOWN_NAME_LENGTH = 100;

    /** Role and module names: lower-case, URL- and claim-safe. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private Fields() {
    }

    public static TenancyException required(String field) {
        return TenancyException.invalid("Field '" + field + "' is required");
    }

    /** Stripped text; absent (null) stays null. */
    public static String text(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (text.isEmpty()) {
            throw TenancyException.invalid("Field '" + field + "' must not be blank");
        }
        if (text.length() > maxLength) {
            throw TenancyException.invalid("Field '" + field + "' is longer than " + maxLength + " characters");
        }
        return text;
    }

    public static String requiredText(String field, String value, int maxLength) {
        if (value == null) {
            throw required(field);
        }
        return text(field, value, maxLength);
    }

    public static Long range(String field, Long value, long min, long max) {
        if (value != null && (value < min || value > max)) {
            throw TenancyException.invalid("Field '" + field + "' must be between " + min + " and " + max);
        }
        return value;
    }

    /** An ISO-8601 instant such as {@code 2030-01-31T12:00:00Z}. */
    public static Optional<Instant> instant(String field, String value) {
        return Optional.ofNullable(text(field, value, 40)).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw TenancyException.invalid("Field '" + field + "' must be an ISO-8601 instant such as"
                        + " 2030-01-31T12:00:00Z");
            }
        });
    }

    /** Strings that each match {@code pattern}; null stays null. */
    public static List<String> textList(String field, List<String> values, Pattern pattern, int maxItems) {
        if (values == null) {
            return null;
        }
        if (values.size() > maxItems) {
            throw TenancyException.invalid("Field '" + field + "' has more than " + maxItems + " entries");
        }
        for (String item : values) {
            if (item == null || !pattern.matcher(item).matches()) {
                throw TenancyException.invalid("Field '" + field + "' has an invalid entry " + quoted(item)
                        + "; entries must match " + pattern.pattern());
            }
        }
        return List.copyOf(values);
    }

    /** The members of an object, each name checked against {@code keyPattern}, in document order; null stays null. */
    public static <V> Map<String, V> names(String field, Map<String, V> entries, Pattern keyPattern, int maxEntries) {
        if (entries == null) {
            return null;
        }
        if (entries.size() > maxEntries) {
            throw TenancyException.invalid("'" + field + "' has more than " + maxEntries + " entries");
        }
        Map<String, V> checked = new LinkedHashMap<>();
        entries.forEach((name, value) -> {
            if (!keyPattern.matcher(name).matches()) {
                throw TenancyException.invalid("'" + shown(qualified(field, name))
                        + "' is not a valid name; names must match " + keyPattern.pattern());
            }
            checked.put(name, value);
        });
        return checked;
    }

    private static String qualified(String field, String name) {
        return field.isEmpty() || field.equals("body") ? name : field + "." + name;
    }

    /**
     * A field name from the request as an error message shows it: control characters as {@code ?} and at most
     * {@value #SHOWN_NAME_LENGTH} characters, so a client cannot blow up answers and logs with its own keys.
     */
    static String shown(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().limit(SHOWN_NAME_LENGTH)
                .forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return name.codePointCount(0, name.length()) > SHOWN_NAME_LENGTH ? shown + "…" : shown.toString();
    }

    private static String quoted(String item) {
        if (item == null) {
            return "null";
        }
        String text = JsonBodies.write(item);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
