package dev.tenancy.keycloak.credential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.credential.crypto.MaskedValue;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.JsonInput;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A secret as the API receives and reveals it: one string, or for {@code OAUTH_TOKEN} an object
 * {@code {"accessToken", "refreshToken", "expiresAt", "scopes", "providerAccountId", "tokenType"}}. What is
 * sealed is the string's UTF-8, or the object's compact JSON. {@link #toString()} never shows it.
 */
final class CredentialValue {

    static final int MAX_LENGTH = 16_384;
    private static final Pattern OAUTH_SCOPE = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Set<String> OAUTH_FIELDS = Set.of("accessToken", "refreshToken", "expiresAt", "scopes",
            "providerAccountId", "tokenType");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CredentialType type;
    private final String text;

    private CredentialValue(CredentialType type, String text) {
        this.type = type;
        this.text = text;
    }

    /** Reads {@code body.value} for a credential of {@code type}; 400 naming the field when it does not fit. */
    static CredentialValue read(CredentialType type, JsonNode value) {
        if (value == null || value.isNull()) {
            throw TenancyException.invalid("Field 'value' is required");
        }
        if (type == CredentialType.OAUTH_TOKEN) {
            return new CredentialValue(type, oauthToken(value));
        }
        if (!value.isTextual()) {
            throw TenancyException.invalid("Field 'value' must be a string for type " + type);
        }
        return new CredentialValue(type, checked("value", value.textValue()));
    }

    /** The plaintext of an opened credential. */
    static CredentialValue opened(CredentialType type, byte[] plaintext) {
        return new CredentialValue(type, new String(plaintext, StandardCharsets.UTF_8));
    }

    byte[] plaintext() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The string for simple types; the object's JSON text for {@code OAUTH_TOKEN}. */
    String text() {
        return text;
    }

    String masked() {
        if (type != CredentialType.OAUTH_TOKEN) {
            return MaskedValue.of(text);
        }
        return MaskedValue.of(asJson().path("accessToken").asText(null));
    }

    /** What {@code reveal} answers: the string, or the token object. */
    Object toJson() {
        return type == CredentialType.OAUTH_TOKEN ? asJson() : text;
    }

    private JsonNode asJson() {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            // Without the cause: Jackson's message quotes the text it could not parse, i.e. the secret.
            throw new IllegalStateException("A stored OAuth token is not JSON");
        }
    }

    private static String oauthToken(JsonNode value) {
        if (!value.isObject()) {
            throw TenancyException.invalid("Field 'value' must be an object for type OAUTH_TOKEN, with"
                    + " accessToken and optionally refreshToken, expiresAt, scopes, providerAccountId, tokenType");
        }
        JsonInput input = JsonInput.of(value, "value").allowOnly(OAUTH_FIELDS);
        ObjectNode token = MAPPER.createObjectNode();
        token.put("accessToken", checked("value.accessToken", input.requiredText("accessToken", MAX_LENGTH)));
        input.optionalText("refreshToken", MAX_LENGTH)
                .ifPresent(refresh -> token.put("refreshToken", checked("value.refreshToken", refresh)));
        input.optionalInstant("expiresAt").ifPresent(expiry -> token.put("expiresAt", expiry.toString()));
        input.optionalTextList("scopes", OAUTH_SCOPE, 100).ifPresent(scopes -> {
            var array = token.putArray("scopes");
            scopes.forEach(array::add);
        });
        input.optionalText("providerAccountId", 255).ifPresent(account -> token.put("providerAccountId", account));
        input.optionalText("tokenType", 40).ifPresent(tokenType -> token.put("tokenType", tokenType));
        String json = token.toString();
        if (json.length() > MAX_LENGTH) {
            throw TenancyException.invalid("Field 'value' is longer than " + MAX_LENGTH + " characters as JSON");
        }
        return json;
    }

    // Secrets are kept as given: no stripping, so a value with meaningful spaces reveals unchanged.
    private static String checked(String field, String text) {
        if (text.isEmpty()) {
            throw TenancyException.invalid("Field '" + field + "' must not be empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw TenancyException.invalid("Field '" + field + "' is longer than " + MAX_LENGTH + " characters");
        }
        if (text.chars().anyMatch(c -> c == 0)) {
            throw TenancyException.invalid("Field '" + field + "' must not contain NUL characters");
        }
        return text;
    }

    @Override
    public String toString() {
        return "CredentialValue[" + type + ", redacted]";
    }
}
