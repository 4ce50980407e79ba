package dev.tenancy.keycloak.claims;

import dev.tenancy.keycloak.scope.TenancyClientScope;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AudienceProtocolMapper;

/** Makes a realm's client scope {@code tenancy} ({@link TenancyClientScope}) with its audience and claims mappers. */
public final class TenancyScopeSetup {

    static final String AUDIENCE_MAPPER = "tenancy audience";
    static final String CLAIMS_MAPPER = "tenancy claims";

    private static final Logger LOG = Logger.getLogger(TenancyScopeSetup.class);

    private TenancyScopeSetup() {
    }

    /**
     * Creates the scope with both mappers when the realm has none of that name; an existing scope (a realm
     * imported with its own {@code tenancy} scope, or made by hand as the README once said) only gets the
     * audience mapper when it lacks one, and is otherwise left as its admins made it.
     */
    public static void ensure(RealmModel realm) {
        ClientScopeModel scope = realm.getClientScopesStream()
                .filter(candidate -> TenancyClientScope.NAME.equals(candidate.getName()))
                .findFirst()
                .orElse(null);
        if (scope == null) {
            scope = realm.addClientScope(TenancyClientScope.NAME);
            scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
            scope.setDescription("Calls to the tenancy self-service API; the user's tenants, tenant roles and "
                    + "module levels (keycloak-tenancy)");
            scope.setIncludeInTokenScope(true);
            scope.setDisplayOnConsentScreen(true);
            scope.setConsentScreenText("Your tenants, and acting in them on your behalf");
            scope.addProtocolMapper(TenantClaimsMapper.create(CLAIMS_MAPPER, true, true, true, true));
            LOG.infof("Created the client scope '%s' in realm %s", TenancyClientScope.NAME, realm.getName());
        }
        if (!hasAudienceMapper(scope)) {
            scope.addProtocolMapper(AudienceProtocolMapper.createClaimMapper(AUDIENCE_MAPPER, null,
                    TenancyClientScope.AUDIENCE, true, false, true, true));
            LOG.infof("Added the audience '%s' to the client scope '%s' in realm %s", TenancyClientScope.AUDIENCE,
                    TenancyClientScope.NAME, realm.getName());
        }
    }

    private static boolean hasAudienceMapper(ClientScopeModel scope) {
        return scope.getProtocolMappersStream().anyMatch(TenancyScopeSetup::addsOurAudience);
    }

    private static boolean addsOurAudience(ProtocolMapperModel mapper) {
        return AudienceProtocolMapper.PROVIDER_ID.equals(mapper.getProtocolMapper())
                && TenancyClientScope.AUDIENCE.equals(mapper.getConfig().get(AudienceProtocolMapper.INCLUDED_CUSTOM_AUDIENCE));
    }
}
