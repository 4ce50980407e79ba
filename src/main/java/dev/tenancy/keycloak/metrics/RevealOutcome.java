package dev.tenancy.keycloak.metrics;

/** How a credential reveal ended: tag {@code outcome} of {@code tenancy.credential.reveals}. */
public enum RevealOutcome {
    /** The value went to the reader (counted once the request's transaction committed). */
    REVEALED,
    /** Refused: the credential is deactivated. */
    DEACTIVATED,
    /** The stored row does not decrypt: altered, copied to another owner, or sealed under another key. */
    UNREADABLE,
    /** The key-encryption key the row needs is not configured on this node (or retired). */
    KEY_UNAVAILABLE
}
