package dev.tenancy.keycloak.claims;

import dev.tenancy.keycloak.apikey.ApiKeyTokens;
import dev.tenancy.keycloak.tenant.Membership;
import dev.tenancy.keycloak.tenant.TenantClaims;
import dev.tenancy.keycloak.tenant.MembershipService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.common.Profile;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.organization.protocol.mappers.oidc.OrganizationScope;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Puts the user's tenants ({@code tenants}) and the active tenant ({@code tenant}) into tokens. The active
 * tenant is the organization Keycloak resolved for the request through its {@code organization} scope;
 * this mapper never picks one itself. Cost: Keycloak's membership lookup plus two queries, whatever the
 * number of tenants. A token made from an API key gets the key's claims instead ({@link ApiKeyTokens}), also
 * when Keycloak's introspection endpoint runs the mappers again.
 */
public final class TenantClaimsMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper,
        OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper, EnvironmentDependentProviderFactory {

    public static final String PROVIDER_ID = TenantClaims.MAPPER_ID;
    static final String ADD_TENANTS = "tenancy.claim.tenants";
    static final String ADD_TENANT = "tenancy.claim.tenant";

    private static final List<ProviderConfigProperty> CONFIG = config();

    /** A mapper model for realm set-up and tests: both claims, in the chosen tokens. */
    public static ProtocolMapperModel create(String name, boolean accessToken, boolean idToken, boolean userInfo,
            boolean introspection) {
        Map<String, String> config = new HashMap<>();
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, Boolean.toString(accessToken));
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN, Boolean.toString(idToken));
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_USERINFO, Boolean.toString(userInfo));
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION, Boolean.toString(introspection));
        config.put(ADD_TENANTS, "true");
        config.put(ADD_TENANT, "true");
        ProtocolMapperModel mapper = new ProtocolMapperModel();
        mapper.setName(name);
        mapper.setProtocolMapper(PROVIDER_ID);
        mapper.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        mapper.setConfig(config);
        return mapper;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Tenancy claims";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds the user's tenants with their tenant roles and module levels ('tenants'), and the tenant "
                + "Keycloak resolved from the 'organization' scope ('tenant').";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    /**
     * After Keycloak's own mappers (roles at 40, scripts at 50): for a token made from an API key this mapper
     * takes out the owner's roles that those mappers put in.
     */
    @Override
    public int getPriority() {
        return 100;
    }

    @Override
    public boolean isSupported(org.keycloak.Config.Scope config) {
        return Profile.isFeatureEnabled(Profile.Feature.ORGANIZATION);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession,
            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        boolean addTenants = enabled(model, ADD_TENANTS);
        boolean addTenant = enabled(model, ADD_TENANT);
        if (ApiKeyTokens.writeKeyClaims(session, token, clientSessionCtx, addTenants, addTenant)) {
            return;
        }
        if (!addTenants && !addTenant) {
            return;
        }
        List<Membership> memberships = new MembershipService(session, session.getContext().getRealm())
                .all(userSession.getUser());
        if (addTenants) {
            token.getOtherClaims().put(TenantClaims.TENANTS, TenantClaims.tenants(memberships));
        }
        if (addTenant && !memberships.isEmpty()) {
            String active = activeTenantId(session, userSession, clientSessionCtx);
            if (active != null) {
                TenantClaims.tenant(memberships, active)
                        .ifPresent(claim -> token.getOtherClaims().put(TenantClaims.TENANT, claim));
            }
        }
    }

    /** The single organization Keycloak resolved for this request, or null when none or several are active. */
    private static String activeTenantId(KeycloakSession session, UserSessionModel userSession,
            ClientSessionContext clientSessionCtx) {
        OrganizationModel resolved = session.getContext().getOrganization();
        if (resolved != null) {
            return resolved.getId();
        }
        String scopes = clientSessionCtx.getScopeString(true);
        OrganizationScope scope = OrganizationScope.valueOfScope(session, scopes);
        if (scope == null) {
            return null;
        }
        List<OrganizationModel> organizations = scope.resolveOrganizations(userSession.getUser(), scopes, session)
                .limit(2)
                .toList();
        return organizations.size() == 1 ? organizations.get(0).getId() : null;
    }

    private static boolean enabled(ProtocolMapperModel model, String option) {
        return !"false".equals(model.getConfig().get(option));
    }

    private static List<ProviderConfigProperty> config() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        ProviderConfigProperty tenants = new ProviderConfigProperty(ADD_TENANTS, "Add 'tenants'",
                "All tenants of the user, keyed by alias, with roles and module levels.",
                ProviderConfigProperty.BOOLEAN_TYPE, "true");
        ProviderConfigProperty tenant = new ProviderConfigProperty(ADD_TENANT, "Add 'tenant'",
                "The active tenant, when Keycloak resolved exactly one organization for the request "
                        + "(scope 'organization:<alias>', or the organization the user picked at login).",
                ProviderConfigProperty.BOOLEAN_TYPE, "true");
        properties.add(tenants);
        properties.add(tenant);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, TenantClaimsMapper.class);
        return List.copyOf(properties);
    }
}
