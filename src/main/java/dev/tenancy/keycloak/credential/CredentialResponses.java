package dev.tenancy.keycloak.credential;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.models.KeycloakSession;

/** The answers of the credential APIs that need more than a body: 201 with its location, and an uncached reveal. */
final class CredentialResponses {

    private CredentialResponses() {
    }

    static Response created(KeycloakSession session, CredentialView view) {
        return Response.created(session.getContext().getUri().getAbsolutePathBuilder().path(view.id()).build())
                .entity(view.toJson()).build();
    }

    static Response revealed(Map<String, Object> revealed) {
        return Response.ok(revealed).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
