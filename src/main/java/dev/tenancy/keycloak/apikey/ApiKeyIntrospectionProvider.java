package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.metrics.ApiKeyPath;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.TokenIntrospectionProvider;
import org.keycloak.services.ErrorResponseException;

/**
 * API keys at Keycloak's own introspection endpoint, chosen by {@code token_type_hint=api_key}. Keycloak has
 * already checked HTTPS and the realm, authenticated the client, refused public clients, duplicated and missing
 * parameters, and applied the realm's client policies; what is left is ours: the allow-list, the failed-attempt
 * budget and the answer ({@link ApiKeyIntrospector}).
 */
final class ApiKeyIntrospectionProvider implements TokenIntrospectionProvider {

    private final KeycloakSession session;

    ApiKeyIntrospectionProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Response introspect(String token, EventBuilder event) {
        ApiKeyIntrospector introspector = new ApiKeyIntrospector(session, session.getContext().getRealm(), event,
                ApiKeyPath.INTROSPECTION);
        ClientModel client = session.getContext().getClient();
        // Keycloak's endpoint refused these before calling us; anything else that calls a provider may not have.
        if (client == null || client.isPublicClient()) {
            event.error(Errors.INVALID_CLIENT);
            throw new ErrorResponseException(OAuthErrorException.INVALID_CLIENT,
                    "Only confidential clients may introspect API keys", Response.Status.FORBIDDEN);
        }
        introspector.requireAllowed(client);
        return introspector.answer(client, token);
    }

    @Override
    public void close() {
    }
}
