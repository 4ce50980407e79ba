package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.config.TenancyConfigAttribute;
import dev.tenancy.keycloak.http.NoStore;
import dev.tenancy.keycloak.metrics.ApiKeyPath;
import dev.tenancy.keycloak.metrics.TenancyMetrics;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponseException;

/**
 * The one answer to "is this API key working, and what may it do?" for a client that has authenticated: given
 * by Keycloak's introspection endpoint with {@code token_type_hint=api_key} ({@link ApiKeyIntrospectionProvider})
 * and by the older path {@code /tenancy/api-keys/introspect} ({@link ApiKeyIntrospection}) alike, so the two
 * cannot drift apart: the same allow-list, the same failed-attempt budget, the same claims.
 */
final class ApiKeyIntrospector {

    static final String TOKEN_TYPE = "api_key";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EventBuilder event;
    private final ApiKeyPath path;

    /** Marks {@code event} as an introspection of an API key, whatever happens next, at the endpoint {@code path}. */
    ApiKeyIntrospector(KeycloakSession session, RealmModel realm, EventBuilder event, ApiKeyPath path) {
        this.session = session;
        this.realm = realm;
        this.event = event.detail(Details.TOKEN_TYPE, TOKEN_TYPE);
        this.path = path;
    }

    /**
     * 403 unless the realm's tenancy configuration lists the client: an answer names a key's owner, tenant and
     * scopes, which a resource server that merely authenticates must not learn. Asked before the key is read,
     * so a refused client learns nothing about it and spends no failed attempt.
     */
    void requireAllowed(ClientModel client) {
        if (!TenancyConfigAttribute.read(realm).introspectionClients().contains(client.getClientId())) {
            event.error(Errors.NOT_ALLOWED);
            throw new ErrorResponseException(OAuthErrorException.UNAUTHORIZED_CLIENT, "Client '" + client.getClientId()
                    + "' may not introspect API keys; list it in the realm's tenancy setting apiKeyIntrospectionClients"
                    + " (or, when that is not set, apiKeyClients)", Response.Status.FORBIDDEN);
        }
    }

    /**
     * RFC 7662's answer for {@code token}, presented by an allowed {@code client}: {@code {"active": false}}
     * for anything that is not a working key of this realm, with no reason given; 429 instead once this client
     * has failed too often from this address (the budget the key exchange spends too) — a working key is
     * answered whatever the budget.
     */
    Response answer(ClientModel client, String token) {
        TenancyMetrics metrics = TenancyMetrics.of(session);
        long started = System.nanoTime();
        Optional<ActiveKey> key = new ApiKeyResolver(session, realm).resolve(token);
        if (key.isEmpty()) {
            // Only failures are limited: a working key always answers, so nobody can lock a client's users out.
            String address = session.getContext().getConnection().getRemoteAddr();
            long now = System.currentTimeMillis();
            FailedAttempts failures = FailedAttempts.of(session);
            long retryAfter = failures.retryAfterSeconds(realm.getId(), client.getId(), address, now);
            if (retryAfter > 0) {
                metrics.apiKeyRateLimited(path, realm.getName());
                event.error("too_many_failed_attempts");
                throw rateLimited(retryAfter);
            }
            metrics.apiKeyVerified(path, false, realm.getName(), System.nanoTime() - started);
            failures.record(realm.getId(), client.getId(), address, now);
            event.error(Errors.INVALID_TOKEN);
            return NoStore.build(Response.ok(Map.of("active", false), MediaType.APPLICATION_JSON_TYPE));
        }
        metrics.apiKeyVerified(path, true, realm.getName(), System.nanoTime() - started);
        event.user(key.get().owner()).detail(ApiKeyEvents.KEY_ID, key.get().id()).success();
        return NoStore.build(Response.ok(claims(key.get(), client), MediaType.APPLICATION_JSON_TYPE));
    }

    private static Map<String, Object> claims(ActiveKey key, ClientModel client) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("active", true);
        json.put("sub", key.owner().getId());
        json.put("username", key.owner().getUsername());
        json.put("client_id", client.getClientId());
        json.put("token_type", TOKEN_TYPE);
        json.put("key_id", key.id());
        json.put("tenant_id", key.tenant().getId());
        json.put("tenant", key.tenant().getAlias());
        json.put("scope", key.scopes().stored());
        if (key.expiresAt() != null) {
            json.put("exp", key.expiresAt() / 1000);
        }
        return json;
    }

    private static ErrorResponseException rateLimited(long retryAfterSeconds) {
        return new ErrorResponseException(Response.status(429)
                .header("Retry-After", Long.toString(retryAfterSeconds))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "slow_down", "error_description",
                        "Too many failed API key attempts; retry after " + retryAfterSeconds + " s"))
                .build());
    }
}
