package dev.tenancy.keycloak.metrics;

/** Whose credential a reveal read: tag {@code scope} of {@code tenancy.credential.reveals}. */
public enum RevealScope {
    USER,
    TENANT,
    SYSTEM
}
