package dev.tenancy.keycloak.credential;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What kind of secret a credential holds. {@code OAUTH_TOKEN} holds a JSON object (access token, refresh
 * token, expiry, scopes, provider account id); every other type holds one string.
 */
public enum CredentialType {
    API_KEY,
    OAUTH_TOKEN,
    ACCESS_TOKEN,
    SECRET,
    PASSWORD,
    CUSTOM;

    /** The names, for messages: {@code [API_KEY, OAUTH_TOKEN, …]}. */
    static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    static Optional<CredentialType> parse(String text) {
        return Arrays.stream(values()).filter(type -> type.name().equals(text)).findFirst();
    }
}
