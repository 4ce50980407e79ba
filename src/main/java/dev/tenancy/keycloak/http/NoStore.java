package dev.tenancy.keycloak.http;

import jakarta.ws.rs.core.Response;

/**
 * Answers that carry a secret (a new API key, a revealed credential, an introspection result) must not be
 * kept by any cache: {@code Cache-Control: no-store} and {@code Pragma: no-cache}, as RFC 6749 §5.1 asks of
 * token responses.
 */
public final class NoStore {

    private NoStore() {
    }

    public static Response build(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
