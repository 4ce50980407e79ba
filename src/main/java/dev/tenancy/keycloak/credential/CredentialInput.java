package dev.tenancy.keycloak.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.Fields;
import dev.tenancy.keycloak.json.JsonBodies;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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

    /**
     * A create body as sent. The descriptive fields stay JSON values so that an explicit {@code null} (clear)
     * differs from a field left out; {@code value} is a string or, for {@code OAUTH_TOKEN}, an object.
     */
    record CreateBody(String name, String provider, String type, JsonNode value, JsonNode description,
            JsonNode metadata, JsonNode expiresAt, String scope, String ownerId) {

        @Override
        public String toString() {
            return "CreateBody[" + provider + ", " + type + ", value=redacted]";
        }
    }

    /** An update body as sent; {@code name}, {@code provider} and {@code type} are only read to refuse them. */
    record UpdateBody(JsonNode value, JsonNode description, JsonNode metadata, JsonNode expiresAt, Boolean active,
            JsonNode name, JsonNode provider, JsonNode type) {

        @Override
        public String toString() {
            return "UpdateBody[value=redacted]";
        }
    }

    static Create create(byte[] body) {
        CreateBody create = JsonBodies.read(body, CreateBody.class);
        // Where the URL names the owner, the owner fields do not exist.
        if (create.scope() != null) {
            throw TenancyException.invalid("Unknown field 'scope'");
        }
        if (create.ownerId() != null) {
            throw TenancyException.invalid("Unknown field 'ownerId'");
        }
        return readCreate(create);
    }

    static Owned createOwned(byte[] body) {
        CreateBody create = JsonBodies.read(body, CreateBody.class);
        CredentialScope scope = CredentialScope.parse(Fields.requiredText("scope", create.scope(), 16)).orElseThrow(
                () -> TenancyException.invalid("Field 'scope' must be USER, TENANT or SYSTEM"));
        Optional<String> ownerId = Optional.ofNullable(Fields.text("ownerId", create.ownerId(), 255));
        if (scope == CredentialScope.SYSTEM && ownerId.isPresent()) {
            throw TenancyException.invalid("Field 'ownerId' must be absent for scope SYSTEM: the realm owns it");
        }
        if (scope != CredentialScope.SYSTEM && ownerId.isEmpty()) {
            throw TenancyException.invalid("Field 'ownerId' is required for scope " + scope
                    + " (the " + (scope == CredentialScope.USER ? "user" : "tenant") + " id)");
        }
        return new Owned(scope, ownerId, readCreate(create));
    }

    static Update update(byte[] body, CredentialType type) {
        UpdateBody change = JsonBodies.read(body, UpdateBody.class);
        refuseBound("name", change.name());
        refuseBound("provider", change.provider());
        refuseBound("type", change.type());
        Optional<CredentialValue> value = Optional.ofNullable(change.value())
                .map(raw -> CredentialValue.read(type, raw));
        Update update = new Update(value, description(change.description(), change.metadata(), change.expiresAt()),
                Optional.ofNullable(change.active()));
        if (update.isEmpty()) {
            throw TenancyException.invalid("Nothing to change: send value, description, metadata, expiresAt"
                    + " or active");
        }
        return update;
    }

    /** Part of what the value is sealed to ({@code CredentialBinding}): changing one would need a new seal. */
    private static void refuseBound(String field, JsonNode sent) {
        if (sent != null) {
            throw TenancyException.invalid("Field '" + field + "' cannot be changed: the value is sealed to the"
                    + " credential's name, provider and type; store a new credential and delete this one");
        }
    }

    private static Create readCreate(CreateBody body) {
        String name = Fields.requiredText("name", body.name(), 255);
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw TenancyException.invalid("Field 'name' must not contain control characters");
        }
        String provider = Fields.requiredText("provider", body.provider(), 64);
        if (!PROVIDER.matcher(provider).matches()) {
            throw TenancyException.invalid("Field 'provider' must match " + PROVIDER.pattern());
        }
        CredentialType type = CredentialType.parse(Fields.requiredText("type", body.type(), 16)).orElseThrow(
                () -> TenancyException.invalid("Field 'type' must be one of " + CredentialType.names()));
        CredentialValue value = CredentialValue.read(type, body.value());
        return new Create(name, provider, type, value, description(body.description(), body.metadata(),
                body.expiresAt()));
    }

    /** Each field: left out (empty), {@code null} (cleared) or a new value. */
    private static Description description(JsonNode description, JsonNode metadata, JsonNode expiresAt) {
        return new Description(
                sent(description, node -> Fields.text("description", text("description", node), MAX_DESCRIPTION)),
                sent(metadata, CredentialInput::metadata),
                sent(expiresAt, node -> Fields.instant("expiresAt", text("expiresAt", node)).orElseThrow()
                        .toEpochMilli()));
    }

    private static <T> Optional<Optional<T>> sent(JsonNode node, Function<JsonNode, T> read) {
        if (node == null) {
            return Optional.empty();
        }
        return Optional.of(node.isNull() ? Optional.empty() : Optional.of(read.apply(node)));
    }

    private static String text(String field, JsonNode node) {
        if (!node.isTextual()) {
            throw TenancyException.invalid("Field '" + field + "' must be a string");
        }
        return node.textValue();
    }

    /** Non-secret facts about a credential: an object of names to strings, numbers or booleans. */
    static String metadata(JsonNode value) {
        if (!value.isObject()) {
            throw TenancyException.invalid("'metadata' must be a JSON object");
        }
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        value.fields().forEachRemaining(entry -> entries.put(entry.getKey(), entry.getValue()));
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        Fields.names("metadata", entries, METADATA_KEY, MAX_METADATA_ENTRIES).forEach((key, entry) -> {
            if (!entry.isTextual() && !entry.isNumber() && !entry.isBoolean()) {
                throw TenancyException.invalid("'metadata." + key + "' must be a string, number or boolean");
            }
            metadata.set(key, entry);
        });
        String json = metadata.toString();
        if (json.length() > MAX_METADATA_LENGTH) {
            throw TenancyException.invalid("Field 'metadata' is longer than " + MAX_METADATA_LENGTH
                    + " characters as JSON");
        }
        return json;
    }
}
