package dev.tenancy.keycloak.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The one failure type of the extension: carries the HTTP status and a message that names the problem,
 * rendered as Keycloak's admin error body {@code {"errorMessage": "…"}}.
 */
public final class TenancyException extends WebApplicationException {

    private TenancyException(Response.Status status, String message) {
        this(Response.status(status), message);
    }

    private TenancyException(Response.ResponseBuilder response, String message) {
        super(message, response
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("errorMessage", message))
                .build());
    }

    public static TenancyException badRequest(String message) {
        return new TenancyException(Response.Status.BAD_REQUEST, message);
    }

    public static TenancyException unauthorized(String message) {
        return new TenancyException(Response.Status.UNAUTHORIZED, message);
    }

    public static TenancyException forbidden(String message) {
        return new TenancyException(Response.Status.FORBIDDEN, message);
    }

    public static TenancyException notFound(String message) {
        return new TenancyException(Response.Status.NOT_FOUND, message);
    }

    public static TenancyException conflict(String message) {
        return new TenancyException(Response.Status.CONFLICT, message);
    }

    /**
     * Rate limited: the caller may try again after {@code retryAfterSeconds}; the answer carries
     * {@code Retry-After} so clients need not guess.
     */
    public static TenancyException tooManyRequests(String message, long retryAfterSeconds) {
        return new TenancyException(Response.status(Response.Status.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))), message);
    }

    /** The server cannot do this now, through no fault of the request (e.g. no key-encryption key is configured). */
    public static TenancyException unavailable(String message) {
        return new TenancyException(Response.Status.SERVICE_UNAVAILABLE, message);
    }

    /** Stored data failed a check (e.g. ciphertext that does not authenticate); the message says which, never data. */
    public static TenancyException internal(String message) {
        return new TenancyException(Response.Status.INTERNAL_SERVER_ERROR, message);
    }

    public int status() {
        return getResponse().getStatus();
    }
}
