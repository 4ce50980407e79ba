package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.http.HttpsRequirement;
import dev.tenancy.keycloak.metrics.ApiKeyPath;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.utils.AuthorizeClientUtil;
import org.keycloak.services.ErrorResponseException;

/**
 * {@code POST /realms/{realm}/tenancy/api-keys/introspect}: the older path for introspecting API keys, kept as
 * an alias of Keycloak's {@code …/protocol/openid-connect/token/introspect} with {@code token_type_hint=api_key}
 * for this release. It checks HTTPS and authenticates the client itself, then gives the same answer
 * ({@link ApiKeyIntrospector}); its error answers are those it always gave.
 */
public final class ApiKeyIntrospection {

    private final KeycloakSession session;
    private final RealmModel realm;

    public ApiKeyIntrospection(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response introspect() {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.INTROSPECT_TOKEN);
        ApiKeyIntrospector introspector = new ApiKeyIntrospector(session, realm, event, ApiKeyPath.LEGACY_INTROSPECTION);
        if (!HttpsRequirement.isMet(session, realm)) {
            event.error(Errors.SSL_REQUIRED);
            throw new ErrorResponseException(OAuthErrorException.INVALID_REQUEST, "HTTPS required",
                    Response.Status.FORBIDDEN);
        }
        ClientModel client = authenticate(event);
        introspector.requireAllowed(client);
        MultivaluedMap<String, String> form = session.getContext().getHttpRequest().getDecodedFormParameters();
        if (form.get("token") == null || form.get("token").size() != 1) {
            event.error(Errors.INVALID_REQUEST);
            throw new ErrorResponseException(OAuthErrorException.INVALID_REQUEST,
                    "Form parameter 'token' is required once", Response.Status.BAD_REQUEST);
        }
        return introspector.answer(client, form.getFirst("token"));
    }

    private ClientModel authenticate(EventBuilder event) {
        ClientModel client;
        try {
            client = AuthorizeClientUtil.authorizeClient(session, event, null).getClient();
        } catch (ErrorResponseException e) {
            throw e;
        } catch (WebApplicationException e) {
            throw new ErrorResponseException(OAuthErrorException.INVALID_CLIENT, "Client authentication failed",
                    Response.Status.UNAUTHORIZED);
        }
        if (client == null || client.isPublicClient()) {
            event.error(Errors.INVALID_CLIENT);
            throw new ErrorResponseException(OAuthErrorException.INVALID_CLIENT,
                    "Only confidential clients may introspect API keys", Response.Status.FORBIDDEN);
        }
        event.client(client);
        return client;
    }
}
