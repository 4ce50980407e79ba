package dev.tenancy.keycloak.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.JsonInput;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checked request bodies of the credential APIs. Every failure is a 400 naming the field, raised before
 * anything is written. The owner ({@code scope}, {@code ownerId}) is only read where the API lets the
 * caller choose it (the admin API); elsewhere the URL decides and the fields are unknown.
 */
final class CredentialInput {

    /** Provider names: lower-case identifiers such as {@code github}, {@code smtp}, {@code stripe.com}. */
    static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_METADATA_ENTRIES = 50;
    private static final int MAX_METADATA_LENGTH = 4000;
    private static final int MAX_DESCRIPTION = 1000;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> CREATE_FIELDS = Set.of("name", "provider", "type", "value", "description",
            "metadata", "expiresAt");
    private static final Set<String> UPDATE_FIELDS = Set.of("value", "description", "metadata", "expiresAt", "active");
    /** Part of what the value is sealed to ({@code CredentialBinding}): changing one would need a new seal. */
    private static final Set<String> BOUND_FIELDS = Set.of("name", "provider", "type");

    private CredentialInput() {
    }

    /** A new credential: what it is, its value and its description. */
    record Create(String name, String provider, CredentialType type, CredentialValue value, Description description) {
    }

    /** The owner an admin names in a create body. */
    record Owned(CredentialScope scope, Optional<String> ownerId, Create create) {
    }

    /** Descriptive fields; each present one replaces the stored one, {@code null} in the body clears it. */
    record Description(Optional<Optional<String>> description, Optional<Optional<String>> metadata,
            Optional<Optional<Long>> expiresAt) {
    }

    /** A change; only present fields change. A value rotates the secret. */
    record Update(Optional<CredentialValue> value, Description description, Optional<Boolean> active) {

        boolean isEmpty() {
            return value.isEmpty() && active.isEmpty() && description.description().isEmpty()
                    && description.metadata().isEmpty() && description.expiresAt().isEmpty();
        }
    }

    static Create create(JsonInput body) {
        body.allowOnly(CREATE_FIELDS);
        return readCreate(body);
    }

    static Owned createOwned(JsonInput body) {
        Set<String> fields = new HashSet<>(CREATE_FIELDS);
        fields.addAll(Set.of("scope", "ownerId"));
        body.allowOnly(fields);
        CredentialScope scope = CredentialScope.parse(body.requiredText("scope", 16)).orElseThrow(
                () -> TenancyException.invalid("Field 'scope' must be USER, TENANT or SYSTEM"));
        Optional<String> ownerId = body.optionalText("ownerId", 255);
        if (scope == CredentialScope.SYSTEM && ownerId.isPresent()) {
            throw TenancyException.invalid("Field 'ownerId' must be absent for scope SYSTEM: the realm owns it");
        }
        if (scope != CredentialScope.SYSTEM && ownerId.isEmpty()) {
            throw TenancyException.invalid("Field 'ownerId' is required for scope " + scope
                    + " (the " + (scope == CredentialScope.USER ? "user" : "tenant") + " id)");
        }
        return new Owned(scope, ownerId, readCreate(body));
    }

    static Update update(JsonInput body, CredentialType type) {
        for (String field : BOUND_FIELDS) {
            if (body.has(field) || body.isExplicitNull(field)) {
                throw TenancyException.invalid("Field '" + field + "' cannot be changed: the value is sealed to the"
                        + " credential's name, provider and type; store a new credential and delete this one");
            }
        }
        body.allowOnly(UPDATE_FIELDS);
        Optional<CredentialValue> value = body.isExplicitNull("value") ? Optional.of(CredentialValue.read(type, null))
                : Optional.ofNullable(body.raw("value")).map(raw -> CredentialValue.read(type, raw));
        Update update = new Update(value, description(body), body.optionalBoolean("active"));
        if (update.isEmpty()) {
            throw TenancyException.invalid("Nothing to change: send value, description, metadata, expiresAt"
                    + " or active");
        }
        return update;
    }

    private static Create readCreate(JsonInput body) {
        String name = body.requiredText("name", 255);
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw TenancyException.invalid("Field 'name' must not contain control characters");
        }
        String provider = body.requiredText("provider", 64);
        if (!PROVIDER.matcher(provider).matches()) {
            throw TenancyException.invalid("Field 'provider' must match " + PROVIDER.pattern());
        }
        CredentialType type = CredentialType.parse(body.requiredText("type", 16)).orElseThrow(
                () -> TenancyException.invalid("Field 'type' must be one of " + CredentialType.names()));
        CredentialValue value = CredentialValue.read(type, body.raw("value"));
        return new Create(name, provider, type, value, description(body));
    }

    private static Description description(JsonInput body) {
        Optional<Optional<String>> description = body.isExplicitNull("description") ? Optional.of(Optional.empty())
                : body.optionalText("description", MAX_DESCRIPTION).map(Optional::of);
        Optional<Optional<String>> metadata = body.isExplicitNull("metadata") ? Optional.of(Optional.empty())
                : body.has("metadata") ? Optional.of(Optional.of(metadata(body))) : Optional.empty();
        Optional<Optional<Long>> expiresAt = body.isExplicitNull("expiresAt") ? Optional.of(Optional.empty())
                : body.optionalInstant("expiresAt").map(instant -> Optional.of(instant.toEpochMilli()));
        return new Description(description, metadata, expiresAt);
    }

    /** Non-secret facts about a credential: an object of names to strings, numbers or booleans. */
    private static String metadata(JsonInput body) {
        Map<String, JsonNode> entries = body.optionalObjectEntries("metadata", METADATA_KEY, MAX_METADATA_ENTRIES);
        ObjectNode metadata = MAPPER.createObjectNode();
        entries.forEach((key, value) -> {
            if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
                throw TenancyException.invalid("'metadata." + key + "' must be a string, number or boolean");
            }
            metadata.set(key, value);
        });
        String json = metadata.toString();
        if (json.length() > MAX_METADATA_LENGTH) {
            throw TenancyException.invalid("Field 'metadata' is longer than " + MAX_METADATA_LENGTH
                    + " characters as JSON");
        }
        return json;
    }
}
