package dev.tenancy.keycloak.error;

import java.util.OptionalLong;

/**
 * The one failure type of the extension's services and stores: what went wrong, in a message that names the
 * problem and never holds a secret. It knows nothing of HTTP; {@code rest.TenancyExceptionMapper} turns it into
 * Keycloak's admin error body {@code {"errorMessage": "…"}} with the status its {@link Kind} stands for.
 */
public final class TenancyException extends RuntimeException {

    /** What kind of failure: the caller's input, its identity or rights, the data's state, or the server's. */
    public enum Kind {
        /** The request is malformed or breaks a rule of the data: fix it and send again. */
        INVALID,
        /** Nobody, or a credential that cannot be used here, is calling. */
        UNAUTHENTICATED,
        /** The caller is known but may not do this. */
        FORBIDDEN,
        /** No such thing, or none the caller may know of. */
        NOT_FOUND,
        /** The request clashes with what exists (a duplicate, a state that no longer allows it). */
        CONFLICT,
        /** Too many attempts; may be tried again after {@link #retryAfterSeconds()}. */
        RATE_LIMITED,
        /** The server cannot do this now, through no fault of the request (e.g. no key-encryption key). */
        UNAVAILABLE,
        /** Stored data failed a check (e.g. ciphertext that does not authenticate); the message says which. */
        BROKEN
    }

    private final Kind kind;
    private final long retryAfterSeconds;

    private TenancyException(Kind kind, String message, long retryAfterSeconds) {
        // No stack trace for expected refusals: they are answers, not bugs, and cost nothing to build.
        super(message, null, false, kind == Kind.BROKEN);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    private TenancyException(Kind kind, String message) {
        this(kind, message, -1);
    }

    public static TenancyException invalid(String message) {
        return new TenancyException(Kind.INVALID, message);
    }

    public static TenancyException unauthenticated(String message) {
        return new TenancyException(Kind.UNAUTHENTICATED, message);
    }

    public static TenancyException forbidden(String message) {
        return new TenancyException(Kind.FORBIDDEN, message);
    }

    public static TenancyException notFound(String message) {
        return new TenancyException(Kind.NOT_FOUND, message);
    }

    public static TenancyException conflict(String message) {
        return new TenancyException(Kind.CONFLICT, message);
    }

    /** Too many attempts: the caller may try again after {@code retryAfterSeconds} (at least one second). */
    public static TenancyException rateLimited(String message, long retryAfterSeconds) {
        return new TenancyException(Kind.RATE_LIMITED, message, Math.max(1, retryAfterSeconds));
    }

    public static TenancyException unavailable(String message) {
        return new TenancyException(Kind.UNAVAILABLE, message);
    }

    /** Stored data failed a check; the message says which check, never the data. */
    public static TenancyException broken(String message) {
        return new TenancyException(Kind.BROKEN, message);
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#RATE_LIMITED}: when the caller may try again. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds < 0 ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }
}
