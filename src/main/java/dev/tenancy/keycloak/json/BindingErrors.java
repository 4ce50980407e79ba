package dev.tenancy.keycloak.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.tenancy.keycloak.error.TenancyException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Jackson's binding failures as the 400s clients have always read: the field by its path ({@code value.accessToken},
 * {@code roles.admin.permissions}) and what it must be, never Jackson's own text (it may quote the secret sent).
 */
final class BindingErrors {

    /** Only to write enum constants as their JSON labels. */
    private static final ObjectMapper LABELS = new ObjectMapper();

    private BindingErrors() {
    }

    static TenancyException translated(JacksonException e, String prefix) {
        Optional<TenancyException> rule = cause(e);
        if (rule.isPresent()) {
            return rule.get();
        }
        Optional<StreamReadException> syntax = syntaxError(e);
        // Data after the object is a syntax error to the client; Jackson reports it as a binding error.
        boolean trailing = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token");
        if (syntax.isPresent() || trailing || !(e instanceof JsonMappingException mapping)) {
            JsonLocation at = syntax.<JacksonException>map(found -> found).orElse(e).getLocation();
            return TenancyException.invalid("Request body is not valid JSON (line "
                    + (at == null ? 0 : at.getLineNr()) + ", column " + (at == null ? 0 : at.getColumnNr()) + ")");
        }
        List<JsonMappingException.Reference> path = mapping.getPath();
        String field = qualified(prefix, path);
        if (e instanceof UnrecognizedPropertyException) {
            return TenancyException.invalid("Unknown field '" + Fields.shown(field) + "'");
        }
        if (field.isEmpty()) {
            return TenancyException.invalid("'body' must be a JSON object");
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        int index = path.get(path.size() - 1).getIndex();
        if (index >= 0) {
            return TenancyException.invalid(entryMessage(qualified(prefix, path.subList(0, path.size() - 1)), index));
        }
        return TenancyException.invalid(message(field, target));
    }

    private static String message(String field, Class<?> target) {
        if (target == null) {
            return "Field '" + field + "' has an invalid value";
        }
        if (target.isEnum()) {
            return "'" + field + "' must be one of " + labels(target);
        }
        if (CharSequence.class.isAssignableFrom(target)) {
            return "Field '" + field + "' must be a string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "Field '" + field + "' must be true or false";
        }
        if (isWholeNumber(target)) {
            return "Field '" + field + "' must be a whole number";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "Field '" + field + "' must be an array of strings";
        }
        return "'" + field + "' must be a JSON object";
    }

    /** Every list in our bodies holds strings (names, paths, scopes). */
    private static String entryMessage(String list, int index) {
        return "Field '" + list + "' has an invalid entry at index " + index + "; entries must be strings";
    }

    private static boolean isWholeNumber(Class<?> target) {
        return target == Long.class || target == long.class || target == Integer.class || target == int.class;
    }

    /** An enum's JSON labels (as Jackson writes them, e.g. through a {@code @JsonValue} method), in order. */
    private static String labels(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(constant -> LABELS.convertValue(constant, String.class))
                .collect(Collectors.joining(", "));
    }

    private static String qualified(String prefix, List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder(prefix);
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** A syntax error (a duplicate key, too) may reach us wrapped in a binding error. */
    private static Optional<StreamReadException> syntaxError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException syntax) {
                return Optional.of(syntax);
            }
        }
        return Optional.empty();
    }

    /** A rule broken in a record's constructor reaches us wrapped by Jackson; the rule's own 400 is the answer. */
    static Optional<TenancyException> cause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TenancyException rule) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
