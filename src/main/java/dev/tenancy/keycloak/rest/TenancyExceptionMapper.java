package dev.tenancy.keycloak.rest;

import dev.tenancy.keycloak.error.TenancyException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * The one place where a {@link TenancyException} becomes HTTP: the status its kind stands for and Keycloak's
 * admin error body {@code {"errorMessage": "…"}} (with {@code Retry-After} when rate limited), and the request's
 * transaction rolled back. Registered with
 * Keycloak's JAX-RS runtime as a provider of this jar; it is more specific than Keycloak's own
 * {@code KeycloakErrorHandler} for {@code Throwable}, so it decides for our exceptions only.
 */
@Provider
public final class TenancyExceptionMapper implements ExceptionMapper<TenancyException> {

    @Override
    public Response toResponse(TenancyException exception) {
        // As Keycloak's own error handler does: nothing a refused request wrote before the refusal is kept. What
        // must outlive a failure (the failed reveal's admin event) is written in a transaction of its own.
        KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
        if (session != null) {
            session.getTransactionManager().setRollbackOnly();
        }
        return response(exception);
    }

    static Response response(TenancyException exception) {
        Response.ResponseBuilder response = Response.status(status(exception.kind()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("errorMessage", exception.getMessage()));
        exception.retryAfterSeconds().ifPresent(seconds -> response.header("Retry-After", Long.toString(seconds)));
        return response.build();
    }

    static Response.Status status(TenancyException.Kind kind) {
        return switch (kind) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case UNAUTHENTICATED -> Response.Status.UNAUTHORIZED;
            case FORBIDDEN -> Response.Status.FORBIDDEN;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
            case RATE_LIMITED -> Response.Status.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> Response.Status.SERVICE_UNAVAILABLE;
            case BROKEN -> Response.Status.INTERNAL_SERVER_ERROR;
        };
    }
}
