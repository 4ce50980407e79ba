package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.tenant.TenantClaims;
import dev.tenancy.keycloak.config.TenancyConfigAttribute;
import dev.tenancy.keycloak.metrics.ApiKeyPath;
import dev.tenancy.keycloak.metrics.ExchangeOutcome;
import dev.tenancy.keycloak.metrics.TenancyMetrics;
import dev.tenancy.keycloak.scope.TenancyClientScope;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeBase;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;
import org.keycloak.services.CorsErrorResponseException;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.managers.UserSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * {@code grant_type=urn:tenancy:grant-type:api-key}: a confidential client that the realm's tenancy
 * configuration lists in {@code apiKeyClients} trades a key for an access token that carries the key's
 * authority and nothing more: type {@value ApiKeyTokens#TOKEN_TYPE} (refused by every management API), no
 * realm or client roles, no ID token, {@code tenant} and {@code tenants} naming the key's tenant with modules
 * cut to the key's scopes, Keycloak's {@code organization} claim naming that tenant alone, and the key's id
 * ({@code api_key_id}). The session is transient and there is no refresh token: the key is the long-lived
 * credential. Modelled on Keycloak's client-credentials grant; this internal SPI is pinned to Keycloak 26.7
 * and covered by integration tests.
 */
final class ApiKeyGrantType extends OAuth2GrantTypeBase {

    static final String GRANT_TYPE = "urn:tenancy:grant-type:api-key";
    static final String API_KEY_PARAM = "api_key";

    @Override
    public Response process(Context context) {
        setContext(context);
        if (client.isPublicClient()) {
            throw error(Errors.INVALID_CLIENT, OAuthErrorException.UNAUTHORIZED_CLIENT,
                    "Public clients may not exchange API keys", Response.Status.UNAUTHORIZED);
        }
        if (!TenancyConfigAttribute.read(realm).apiKeyClients().contains(client.getClientId())) {
            throw error(Errors.NOT_ALLOWED, OAuthErrorException.UNAUTHORIZED_CLIENT, "Client '" + client.getClientId()
                    + "' may not exchange API keys; list it in the realm's tenancy setting apiKeyClients",
                    Response.Status.BAD_REQUEST);
        }
        String text = formParams.getFirst(API_KEY_PARAM);
        if (text == null || text.isBlank()) {
            throw error(Errors.INVALID_REQUEST, OAuthErrorException.INVALID_REQUEST,
                    "Missing form parameter: " + API_KEY_PARAM, Response.Status.BAD_REQUEST);
        }
        TenancyMetrics metrics = TenancyMetrics.of(session);
        long started = System.nanoTime();
        Optional<ActiveKey> found = new ApiKeyResolver(session, realm).resolve(text);
        if (found.isEmpty()) {
            // Only failures are limited: a working key is exchanged whatever the budget, so nobody can lock a
            // client's users out by spending it.
            String address = clientConnection.getRemoteAddr();
            long now = System.currentTimeMillis();
            FailedAttempts failures = FailedAttempts.of(session);
            long retryAfter = failures.retryAfterSeconds(realm.getId(), client.getId(), address, now);
            if (retryAfter > 0) {
                metrics.apiKeyRateLimited(ApiKeyPath.EXCHANGE, realm.getName());
                metrics.apiKeyExchange(session, ExchangeOutcome.RATE_LIMITED, realm.getName());
                event.error("too_many_failed_attempts");
                throw new WebApplicationException(cors.add(Response.status(Response.Status.TOO_MANY_REQUESTS)
                        .header("Retry-After", Long.toString(retryAfter))
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new OAuth2ErrorRepresentation("slow_down",
                                "Too many failed API key attempts; retry after " + retryAfter + " s"))));
            }
            metrics.apiKeyVerified(ApiKeyPath.EXCHANGE, false, realm.getName(), System.nanoTime() - started);
            metrics.apiKeyExchange(session, ExchangeOutcome.INACTIVE, realm.getName());
            failures.record(realm.getId(), client.getId(), address, now);
            event.detail(Details.REASON, "API key invalid, expired, revoked or powerless");
            event.error(Errors.INVALID_TOKEN);
            throw new CorsErrorResponseException(cors, OAuthErrorException.INVALID_GRANT,
                    "The API key is invalid, expired or revoked", Response.Status.BAD_REQUEST);
        }
        metrics.apiKeyVerified(ApiKeyPath.EXCHANGE, true, realm.getName(), System.nanoTime() - started);
        ActiveKey key = found.get();
        UserModel owner = key.owner();
        event.user(owner).detail(Details.USERNAME, owner.getUsername()).detail(ApiKeyEvents.KEY_ID, key.id());

        String scope = KeyTokenScope.of(getRequestedScopes(), key.tenant());
        AuthenticationSessionModel authSession = new AuthenticationSessionManager(session)
                .createAuthenticationSession(realm, false).createAuthenticationSession(client);
        authSession.setAuthenticatedUser(owner);
        authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        authSession.setClientNote(OIDCLoginProtocol.ISSUER,
                Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, scope);
        UserSessionModel userSession = new UserSessionManager(session).createUserSession(
                authSession.getParentSession().getId(), realm, owner, owner.getUsername(),
                clientConnection.getRemoteHost(), "api-key", false, null, null,
                UserSessionModel.SessionPersistenceState.TRANSIENT);
        event.session(userSession);
        AuthenticationManager.setClientScopesInSession(session, authSession);
        ClientSessionContext clientSessionCtx = TokenManager.attachAuthenticationSession(session, userSession,
                authSession);
        if (!KeyTokenClients.mapsKeyClaimsAtIntrospection(client, clientSessionCtx)) {
            throw error(Errors.NOT_ALLOWED, OAuthErrorException.UNAUTHORIZED_CLIENT, "Client '" + client.getClientId()
                    + "' may not exchange API keys: it needs the client scope '" + TenancyClientScope.NAME + "' as a "
                    + "default scope (or an optional one included in the token scope) with the tenancy claims mapper "
                    + "added to token introspection, so that the key's token reads the same wherever it is read",
                    Response.Status.BAD_REQUEST);
        }
        // Keycloak's own organization claim, like ours, names the key's tenant and no other.
        session.getContext().setOrganization(key.tenant());
        clientSessionCtx.getClientSession().setNote(OrganizationModel.ORGANIZATION_ATTRIBUTE, key.tenant().getId());
        session.setAttribute(ApiKeyTokens.ISSUING, key);

        TokenManager.AccessTokenResponseBuilder response = createTokenResponseBuilder(owner, userSession,
                clientSessionCtx, scope, null);
        AccessToken token = response.getAccessToken();
        token.type(ApiKeyTokens.TOKEN_TYPE);
        if (key.expiresAt() != null) {
            // A key's token never outlives the key's own expiry.
            token.exp(Math.min(token.getExp(), key.expiresAt() / 1000));
        }
        ApiKeyTokens.withoutRoles(session, token, clientSessionCtx);
        ApiKeyTokens.write(token.getOtherClaims(), key, token.getOtherClaims().containsKey(TenantClaims.TENANTS), true);
        token.id(ApiKeyTokens.tokenIdFor(session, token.getId(), key.id()));
        Response issued = createTokenResponse(response, clientSessionCtx, false);
        metrics.apiKeyExchange(session, ExchangeOutcome.ISSUED, realm.getName());
        return issued;
    }

    /** A refusal of the client or its request, before or after the key was read. */
    private CorsErrorResponseException error(String eventError, String error, String description,
            Response.Status status) {
        TenancyMetrics.of(session).apiKeyExchange(session, ExchangeOutcome.REFUSED, realm.getName());
        event.detail(Details.REASON, description);
        event.error(eventError);
        return new CorsErrorResponseException(cors, error, description, status);
    }

    @Override
    public EventType getEventType() {
        return EventType.CLIENT_LOGIN;
    }

    /**
     * Keycloak asks the grant of a token, wherever a bearer token is authenticated (admin REST API, account
     * API, broker token retrieval, and every extension using {@code BearerTokenAuthenticator}), whether the
     * token may be used there: a key's token nowhere. The token type {@value ApiKeyTokens#TOKEN_TYPE} refuses
     * it once more, also where this check is not made (userinfo, token exchange).
     */
    @Override
    public boolean isTokenAllowed(KeycloakSession session, AccessToken token) {
        return false;
    }

    @Override
    public Set<String> getTokenParameterNames() {
        return Collections.singleton(API_KEY_PARAM);
    }

    @Override
    protected boolean useRefreshToken() {
        return false;
    }
}
