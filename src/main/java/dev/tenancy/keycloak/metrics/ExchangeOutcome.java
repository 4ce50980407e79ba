package dev.tenancy.keycloak.metrics;

/** How a key → token exchange ended: tag {@code outcome} of {@code tenancy.api_key.exchanges}. */
public enum ExchangeOutcome {
    /** A token was issued (counted once the request's transaction committed). */
    ISSUED,
    /** The key is not a working key of the realm (unknown, revoked, expired, powerless). */
    INACTIVE,
    /** The client failed too often from its address and was answered 429 without the key being read. */
    RATE_LIMITED,
    /** The client may not exchange keys (public, not listed, without the tenancy scope) or sent no key. */
    REFUSED
}
