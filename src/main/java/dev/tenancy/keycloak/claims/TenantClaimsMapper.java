package dev.tenancy.keycloak.claims;

import dev.tenancy.keycloak.apikey.ApiKeyTokens;
import dev.tenancy.keycloak.tenant.Membership;
import dev.tenancy.keycloak.tenant.TenantClaims;
import dev.tenancy.keycloak.tenant.MembershipService;
import dev.tenancy.keycloak.tenant.TenantsClaimShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.common.Profile;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.organization.protocol.mappers.oidc.OrganizationScope;
import org.keycloak.protocol.ProtocolMapperConfigException;
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
import org.keycloak.services.Urls;

/**
 * Puts the user's tenants ({@code tenants}) and the active tenant ({@code tenant}) into tokens. The active
 * tenant is the organization Keycloak resolved for the request through its {@code organization} scope;
 * this mapper never picks one itself. {@code tenants} lists at most a configured number of tenants in a
 * configured shape ({@link TenantsClaimOptions}); when it leaves some out, {@code tenants_truncated} says how many
 * there are and where the full list is. Cost: Keycloak's membership lookup plus two queries, whatever the
 * number of tenants; only the tenants written are turned into memberships. A token made from an API key gets
 * the key's claims instead ({@link ApiKeyTokens}), also when Keycloak's introspection endpoint runs the
 * mappers again.
 */
public final class TenantClaimsMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper,
        OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper, EnvironmentDependentProviderFactory {

    public static final String PROVIDER_ID = TenantClaims.MAPPER_ID;
    static final String ADD_TENANTS = "tenancy.claim.tenants";
    static final String ADD_TENANT = "tenancy.claim.tenant";
    /** Where the self-service API lists the caller's tenants, under the realm's address ({@code TenancyRealmResource}). */
    static final String FULL_LIST_PATH = "/tenancy/me/tenants";
    private static final String INVALID_OPTION = "tenancyClaimsInvalidOption";

    private static final List<ProviderConfigProperty> CONFIG = config();

    /** A mapper model for realm set-up and tests: both claims, in the chosen tokens, {@code tenants} as by default. */
    public static ProtocolMapperModel create(String name, boolean accessToken, boolean idToken, boolean userInfo,
            boolean introspection) {
        return create(name, accessToken, idToken, userInfo, introspection, TenantsClaimOptions.DEFAULT);
    }

    /** A mapper model for realm set-up and tests: both claims, in the chosen tokens, {@code tenants} as given. */
    public static ProtocolMapperModel create(String name, boolean accessToken, boolean idToken, boolean userInfo,
            boolean introspection, TenantsClaimOptions tenants) {
        Map<String, String> config = new HashMap<>();
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, Boolean.toString(accessToken));
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN, Boolean.toString(idToken));
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_USERINFO, Boolean.toString(userInfo));
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION, Boolean.toString(introspection));
        config.put(ADD_TENANTS, "true");
        config.put(ADD_TENANT, "true");
        tenants.writeTo(config);
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
        return "Adds the user's tenants ('tenants', in a chosen shape and up to a limit) and the tenant Keycloak "
                + "resolved from the 'organization' scope with its roles and module levels ('tenant').";
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

    /** The admin API (create and update of a mapper) refuses options the mapper would not apply. */
    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel container,
            ProtocolMapperModel model) throws ProtocolMapperConfigException {
        Optional<String> problem = TenantsClaimOptions.problem(model.getConfig() == null ? Map.of() : model.getConfig());
        if (problem.isPresent()) {
            throw new ProtocolMapperConfigException(problem.get(), INVALID_OPTION);
        }
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
        MembershipService memberships = new MembershipService(session, session.getContext().getRealm());
        List<OrganizationModel> tenants = memberships.tenantsOf(userSession.getUser());
        if (tenants.isEmpty()) {
            if (addTenants) {
                token.getOtherClaims().put(TenantClaims.TENANTS, Map.of());
                token.getOtherClaims().remove(TenantClaims.TENANTS_TRUNCATED);
            }
            return;
        }
        TenantsClaimOptions options = TenantsClaimOptions.of(model.getConfig());
        String active = addTenant || tenants.size() > options.limit()
                ? activeTenantId(session, userSession, clientSessionCtx) : null;
        ListedTenants<OrganizationModel> listed = addTenants
                ? ListedTenants.of(tenants, options.limit(), tenant -> tenant.getId().equals(active))
                : new ListedTenants<>(List.of(), 0);
        // Memberships (our two queries, and the module levels) only for the tenants written.
        List<OrganizationModel> written = new ArrayList<>(listed.listed());
        if (addTenant && active != null && written.stream().noneMatch(tenant -> tenant.getId().equals(active))) {
            tenants.stream().filter(tenant -> tenant.getId().equals(active)).findFirst().ifPresent(written::add);
        }
        List<Membership> loaded = memberships.in(written, userSession.getUser());
        Map<String, Object> claims = token.getOtherClaims();
        if (addTenants) {
            claims.put(TenantClaims.TENANTS, TenantClaims.tenants(loaded.subList(0, listed.listed().size()),
                    options.shape()));
            if (listed.truncated()) {
                claims.put(TenantClaims.TENANTS_TRUNCATED, TenantClaims.truncated(listed.total(),
                        fullListUrl(session, token)));
            } else {
                // Keycloak's introspection runs the mappers again over a token's claims: no old marker stays.
                claims.remove(TenantClaims.TENANTS_TRUNCATED);
            }
        }
        if (addTenant && active != null) {
            TenantClaims.tenant(loaded, active).ifPresent(claim -> claims.put(TenantClaims.TENANT, claim));
        }
    }

    /** The self-service list of all the user's tenants, under the token's issuer (the realm's address). */
    private static String fullListUrl(KeycloakSession session, IDToken token) {
        String issuer = token.getIssuer() != null ? token.getIssuer()
                : Urls.realmIssuer(session.getContext().getUri().getBaseUri(), session.getContext().getRealm().getName());
        return issuer + FULL_LIST_PATH;
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
                "The tenants of the user, keyed by alias, in the shape and up to the limit below.",
                ProviderConfigProperty.BOOLEAN_TYPE, "true");
        ProviderConfigProperty tenant = new ProviderConfigProperty(ADD_TENANT, "Add 'tenant'",
                "The active tenant, when Keycloak resolved exactly one organization for the request "
                        + "(scope 'organization:<alias>', or the organization the user picked at login).",
                ProviderConfigProperty.BOOLEAN_TYPE, "true");
        ProviderConfigProperty shape = new ProviderConfigProperty(TenantsClaimOptions.SHAPE, "Shape of 'tenants'",
                "What each tenant in 'tenants' holds: 'roles' = {\"roles\": [...]}; 'full' = id, name, roles and "
                        + "module levels (grows with the realm's modules); 'aliases' = {} (the alias alone). The "
                        + "active tenant ('tenant') always has roles and modules.",
                ProviderConfigProperty.LIST_TYPE, TenantsClaimOptions.DEFAULT.shape().label());
        shape.setOptions(Arrays.stream(TenantsClaimShape.values()).map(TenantsClaimShape::label).toList());
        ProviderConfigProperty limit = new ProviderConfigProperty(TenantsClaimOptions.LIMIT, "Limit of 'tenants'",
                "How many tenants 'tenants' lists at most (1 to " + TenantsClaimOptions.MAX_LIMIT + "): the first by "
                        + "alias, the active tenant always among them. When some are left out, 'tenants_truncated' "
                        + "gives their total and the address of the full list.",
                ProviderConfigProperty.INTEGER_TYPE, Integer.toString(TenantsClaimOptions.DEFAULT.limit()));
        properties.add(tenants);
        properties.add(shape);
        properties.add(limit);
        properties.add(tenant);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, TenantClaimsMapper.class);
        return List.copyOf(properties);
    }
}
