package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.tenant.TenantClaims;
import dev.tenancy.keycloak.tenant.Membership;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.ProtocolMapper;
import org.keycloak.protocol.oidc.mappers.AbstractUserRoleMappingMapper;
import org.keycloak.protocol.oidc.mappers.GroupMembershipMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.encode.AccessTokenContext;
import org.keycloak.protocol.oidc.encode.TokenContextEncoderProvider;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;
import org.keycloak.utils.JsonUtils;

/**
 * What sets a token made from an API key apart, and the claims it carries wherever it is read.
 *
 * <p>Its type ({@code typ}) is {@value #TOKEN_TYPE}, not {@code Bearer}: Keycloak's bearer-token checks (admin
 * REST API, account API, userinfo, token exchange) and our self-service API accept only {@code Bearer} and
 * {@code DPoP}, so the token is refused there whatever the exchanging client's scope settings, while resource
 * servers that check signature, issuer and expiry accept it. Its id names the key
 * ({@code <Keycloak's context>:<key id>.<random>}), so that when Keycloak's introspection endpoint runs the
 * mappers again, the claims mapper finds the key and gives the same narrow answer as the JWT.
 */
public final class ApiKeyTokens {

    public static final String TOKEN_TYPE = "ApiKey";
    static final String KEY_ID_CLAIM = "api_key_id";
    static final String KEY_SCOPE_CLAIM = "api_key_scope";
    /** The session attribute through which the grant hands the key it is issuing for to the claims mapper. */
    static final String ISSUING = ApiKeyTokens.class.getName() + ".issuing";
    private static final char KEY_ID_END = '.';

    private ApiKeyTokens() {
    }

    /** Whether this JWT, read without checking its signature, claims to be made from an API key. */
    public static boolean isKeyToken(String jwt) {
        try {
            return TOKEN_TYPE.equals(new JWSInput(jwt).readJsonContent(AccessToken.class).getType());
        } catch (JWSInputException | RuntimeException e) {
            return false;
        }
    }

    /**
     * For a token made from an API key, replaces what the claims mapper would write with the key's claims
     * and returns true; returns false for every other token, which the mapper handles as usual.
     */
    public static boolean writeKeyClaims(KeycloakSession session, IDToken token, ClientSessionContext context,
            boolean tenants, boolean tenant) {
        ActiveKey issuing = session.getAttribute(ISSUING, ActiveKey.class);
        if (issuing != null) {
            withoutRoles(session, token, context);
            write(token.getOtherClaims(), issuing, tenants, tenant);
            return true;
        }
        Optional<String> keyId = keyIdOf(session, token.getId());
        if (keyId.isEmpty()) {
            return false;
        }
        withoutRoles(session, token, context);
        Map<String, Object> claims = token.getOtherClaims();
        claims.remove(TenantClaims.TENANTS);
        claims.remove(TenantClaims.TENANT);
        claims.put(KEY_ID_CLAIM, keyId.get());
        // A key revoked or powerless since the token was made leaves the token its id and nothing to act on.
        new ApiKeyResolver(session, session.getContext().getRealm()).resolveById(keyId.get())
                .ifPresent(key -> write(claims, key, tenants, tenant));
        return true;
    }

    /**
     * The key's claims: its id, its scopes, its tenant with modules cut to them and no roles (the owner's
     * tenant roles are not the key's); {@code tenants} names that tenant alone.
     */
    static void write(Map<String, Object> claims, ActiveKey key, boolean tenants, boolean tenant) {
        claims.put(KEY_ID_CLAIM, key.id());
        claims.put(KEY_SCOPE_CLAIM, key.scopes().stored());
        List<Membership> scoped = List.of(key.scopedMembership());
        if (tenants) {
            claims.put(TenantClaims.TENANTS, TenantClaims.tenants(scoped));
        } else {
            claims.remove(TenantClaims.TENANTS);
        }
        if (tenant) {
            TenantClaims.tenant(scoped, key.tenant().getId()).ifPresent(claim -> claims.put(TenantClaims.TENANT, claim));
        }
    }

    /**
     * Keycloak's realm and client roles and groups are the owner's authority, not the key's: takes out
     * {@code realm_access}, {@code resource_access} and every claim that a role or group mapper of this
     * client writes under a name of its own (such as MicroProfile JWT's {@code groups}).
     */
    static void withoutRoles(KeycloakSession session, IDToken token, ClientSessionContext context) {
        if (token instanceof AccessToken access) {
            access.setRealmAccess(null);
            access.setResourceAccess(null);
        }
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        context.getProtocolMappersStream()
                .filter(model -> isRoleOrGroupMapper(factory.getProviderFactory(ProtocolMapper.class,
                        model.getProtocolMapper())))
                .map(model -> model.getConfig().get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME))
                .filter(name -> name != null && !name.isBlank())
                .map(name -> JsonUtils.splitClaimPath(name).get(0))
                .forEach(token.getOtherClaims()::remove);
    }

    private static boolean isRoleOrGroupMapper(Object mapper) {
        return mapper instanceof AbstractUserRoleMappingMapper || mapper instanceof GroupMembershipMapper;
    }

    /** This token id with the key's id in front of its random part. */
    static String tokenIdFor(KeycloakSession session, String tokenId, String keyId) {
        TokenContextEncoderProvider encoder = session.getProvider(TokenContextEncoderProvider.class);
        AccessTokenContext context = encoder.getTokenContextFromTokenId(tokenId);
        return encoder.encodeTokenId(new AccessTokenContext(context.getSessionType(), context.getTokenType(),
                context.getGrantType(), keyId + KEY_ID_END + context.getRawTokenId()));
    }

    /** The key id in the id of a token of the API key grant; nothing for any other token. */
    static Optional<String> keyIdOf(KeycloakSession session, String tokenId) {
        if (tokenId == null) {
            return Optional.empty();
        }
        AccessTokenContext context;
        try {
            context = session.getProvider(TokenContextEncoderProvider.class).getTokenContextFromTokenId(tokenId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String raw = context.getRawTokenId();
        int end = raw == null ? -1 : raw.indexOf(KEY_ID_END);
        if (!ApiKeyGrantType.GRANT_TYPE.equals(context.getGrantType()) || end <= 0) {
            return Optional.empty();
        }
        return Optional.of(raw.substring(0, end));
    }
}
