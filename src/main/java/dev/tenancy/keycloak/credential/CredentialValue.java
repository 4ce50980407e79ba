package dev.tenancy.keycloak.credential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.credential.crypto.MaskedValue;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.Fields;
import dev.tenancy.keycloak.json.JsonBodies;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A secret as the API receives and reveals it: one string, or for {@code OAUTH_TOKEN} an object
 * {@code {"accessToken", "refreshToken", "expiresAt", "scopes", "providerAccountId", "tokenType"}}. What is
 * sealed is the string's UTF-8, or the object's compact JSON. {@link #toString()} never shows it.
 */
final class CredentialValue {

    static final int MAX_LENGTH = 16_384;
    private static final Pattern OAUTH_SCOPE = Pattern.compile("[\\x21-\\x7e]{1,200}");
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
    Object revealed() {
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
        OAuthToken sent = JsonBodies.convert(value, "value", OAuthToken.class);
        // The sealed form: compact JSON in this field order, absent fields left out.
        ObjectNode token = MAPPER.createObjectNode();
        token.put("accessToken", sent.accessToken());
        if (sent.refreshToken() != null) {
            token.put("refreshToken", sent.refreshToken());
        }
        Fields.instant("value.expiresAt", sent.expiresAt()).ifPresent(expiry -> token.put("expiresAt", expiry.toString()));
        if (sent.scopes() != null) {
            sent.scopes().forEach(token.putArray("scopes")::add);
        }
        if (sent.providerAccountId() != null) {
            token.put("providerAccountId", sent.providerAccountId());
        }
        if (sent.tokenType() != null) {
            token.put("tokenType", sent.tokenType());
        }
        String json = token.toString();
        if (json.length() > MAX_LENGTH) {
            throw TenancyException.invalid("Field 'value' is longer than " + MAX_LENGTH + " characters as JSON");
        }
        return json;
    }

    /** The {@code value} of an {@code OAUTH_TOKEN} as sent. */
    record OAuthToken(String accessToken, String refreshToken, String expiresAt, List<String> scopes,
            String providerAccountId, String tokenType) implements JsonBodies.Validated<OAuthToken> {

        @Override
        public OAuthToken validated() {
            String access = checked("value.accessToken", Fields.requiredText("value.accessToken", accessToken, MAX_LENGTH));
            String refresh = Fields.text("value.refreshToken", refreshToken, MAX_LENGTH);
            return new OAuthToken(access, refresh == null ? null : checked("value.refreshToken", refresh), expiresAt,
                    Fields.textList("value.scopes", scopes, OAUTH_SCOPE, 100),
                    Fields.text("value.providerAccountId", providerAccountId, 255),
                    Fields.text("value.tokenType", tokenType, 40));
        }

        @Override
        public String toString() {
            return "OAuthToken[redacted]";
        }
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
