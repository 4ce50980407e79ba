package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.config.TenancyConfigAttribute;
import dev.tenancy.keycloak.http.HttpsRequirement;
import dev.tenancy.keycloak.http.NoStore;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.utils.AuthorizeClientUtil;
import org.keycloak.services.ErrorResponseException;

/**
 * {@code POST /realms/{realm}/tenancy/api-keys/introspect}: RFC 7662 for API keys. The caller authenticates
 * as a confidential client of the realm that the tenancy configuration allows to introspect keys (else 403:
 * an answer names a key's owner, tenant and scopes); anything that is not a working key of this realm is
 * {@code {"active": false}}, with no reason given.
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
                .event(EventType.INTROSPECT_TOKEN).detail(Details.TOKEN_TYPE, "api_key");
        if (!HttpsRequirement.isMet(session, realm)) {
            event.error(Errors.SSL_REQUIRED);
            throw new ErrorResponseException(OAuthErrorException.INVALID_REQUEST, "HTTPS required",
                    Response.Status.FORBIDDEN);
        }
        ClientModel client = authenticate(event);
        MultivaluedMap<String, String> form = session.getContext().getHttpRequest().getDecodedFormParameters();
        if (form.get("token") == null || form.get("token").size() != 1) {
            event.error(Errors.INVALID_REQUEST);
            throw new ErrorResponseException(OAuthErrorException.INVALID_REQUEST,
                    "Form parameter 'token' is required once", Response.Status.BAD_REQUEST);
        }
        String address = session.getContext().getConnection().getRemoteAddr();
        long now = System.currentTimeMillis();
        long retryAfter = FailedAttempts.retryAfterSeconds(realm.getId(), client.getId(), address, now);
        if (retryAfter > 0) {
            event.error("too_many_failed_attempts");
            throw rateLimited(retryAfter);
        }
        Optional<ActiveKey> key = new ApiKeyResolver(session, realm).resolve(form.getFirst("token"));
        if (key.isEmpty()) {
            FailedAttempts.record(realm.getId(), client.getId(), address, now);
            event.error(Errors.INVALID_TOKEN);
            return NoStore.build(Response.ok(Map.of("active", false)));
        }
        event.user(key.get().owner()).detail(ApiKeyEvents.KEY_ID, key.get().id()).success();
        return NoStore.build(Response.ok(answer(key.get(), client)));
    }

    private static Map<String, Object> answer(ActiveKey key, ClientModel client) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("active", true);
        json.put("sub", key.owner().getId());
        json.put("username", key.owner().getUsername());
        json.put("client_id", client.getClientId());
        json.put("token_type", "api_key");
        json.put("key_id", key.id());
        json.put("tenant_id", key.tenant().getId());
        json.put("tenant", key.tenant().getAlias());
        json.put("scope", key.scopes().stored());
        if (key.expiresAt() != null) {
            json.put("exp", key.expiresAt() / 1000);
        }
        return json;
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
        if (!TenancyConfigAttribute.read(realm).introspectionClients().contains(client.getClientId())) {
            event.error(Errors.NOT_ALLOWED);
            throw new ErrorResponseException(OAuthErrorException.UNAUTHORIZED_CLIENT, "Client '" + client.getClientId()
                    + "' may not introspect API keys; list it in the realm's tenancy setting apiKeyIntrospectionClients"
                    + " (or, when that is not set, apiKeyClients)", Response.Status.FORBIDDEN);
        }
        return client;
    }

    static ErrorResponseException rateLimited(long retryAfterSeconds) {
        return new ErrorResponseException(Response.status(429)
                .header("Retry-After", Long.toString(retryAfterSeconds))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "slow_down", "error_description",
                        "Too many failed API key attempts; retry after " + retryAfterSeconds + " s"))
                .build());
    }
}
