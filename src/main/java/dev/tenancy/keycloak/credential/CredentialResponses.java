package dev.tenancy.keycloak.credential;

import dev.tenancy.keycloak.http.NoStore;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;

/** The answers of the credential APIs that need more than a body: 201 with its location, and an uncached reveal. */
final class CredentialResponses {

    private CredentialResponses() {
    }

    static Response created(KeycloakSession session, CredentialView view) {
        return Response.created(session.getContext().getUri().getAbsolutePathBuilder().path(view.id()).build())
                .entity(view.representation()).build();
    }

    static Response revealed(CredentialRepresentation.Revealed revealed) {
        return NoStore.build(Response.ok(revealed));
    }
}
