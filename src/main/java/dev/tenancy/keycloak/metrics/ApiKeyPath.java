package dev.tenancy.keycloak.metrics;

/** Where an API key was presented: tag {@code path} of the key meters. */
public enum ApiKeyPath {
    /** The token endpoint, {@code grant_type=urn:tenancy:grant-type:api-key}. */
    EXCHANGE,
    /** Keycloak's introspection endpoint with {@code token_type_hint=api_key}. */
    INTROSPECTION,
    /** The deprecated {@code /realms/{realm}/tenancy/api-keys/introspect}. */
    LEGACY_INTROSPECTION
}
