package dev.tenancy.keycloak.credential;

import java.util.Arrays;
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

    static Optional<CredentialType> parse(String text) {
        return Arrays.stream(values()).filter(type -> type.name().equals(text)).findFirst();
    }
}
