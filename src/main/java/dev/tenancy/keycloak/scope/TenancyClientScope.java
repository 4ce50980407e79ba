package dev.tenancy.keycloak.scope;

import dev.tenancy.keycloak.claims.TenantClaimsMapper;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AudienceProtocolMapper;

/**
 * The client scope {@code tenancy} that every realm has: it puts the audience {@value #AUDIENCE}, which the
 * self-service API requires (as Keycloak's account API requires {@code account}), and the tenant claims into
 * tokens. Realm admins add it to the clients that may act in the user's tenants; a client the user merely
 * consented to for {@code profile} gets a token the self-service API refuses.
 */
public final class TenancyClientScope {

    public static final String NAME = "tenancy";
    public static final String AUDIENCE = "urn:tenancy:self-service";
    static final String AUDIENCE_MAPPER = "tenancy audience";
    static final String CLAIMS_MAPPER = "tenancy claims";

    private static final Logger LOG = Logger.getLogger(TenancyClientScope.class);

    private TenancyClientScope() {
    }

    /**
     * Creates the scope with both mappers when the realm has none of that name; an existing scope (a realm
     * imported with its own {@code tenancy} scope, or made by hand as the README once said) only gets the
     * audience mapper when it lacks one, and is otherwise left as its admins made it.
     */
    public static void ensure(RealmModel realm) {
        ClientScopeModel scope = realm.getClientScopesStream()
                .filter(candidate -> NAME.equals(candidate.getName()))
                .findFirst()
                .orElse(null);
        if (scope == null) {
            scope = realm.addClientScope(NAME);
            scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
            scope.setDescription("Calls to the tenancy self-service API; the user's tenants, tenant roles and "
                    + "module levels (keycloak-tenancy)");
            scope.setIncludeInTokenScope(true);
            scope.setDisplayOnConsentScreen(true);
            scope.setConsentScreenText("Your tenants, and acting in them on your behalf");
            scope.addProtocolMapper(TenantClaimsMapper.create(CLAIMS_MAPPER, true, true, true, true));
            LOG.infof("Created the client scope '%s' in realm %s", NAME, realm.getName());
        }
        if (!hasAudienceMapper(scope)) {
            scope.addProtocolMapper(AudienceProtocolMapper.createClaimMapper(AUDIENCE_MAPPER, null, AUDIENCE, true,
                    false, true, true));
            LOG.infof("Added the audience '%s' to the client scope '%s' in realm %s", AUDIENCE, NAME, realm.getName());
        }
    }

    private static boolean hasAudienceMapper(ClientScopeModel scope) {
        return scope.getProtocolMappersStream().anyMatch(TenancyClientScope::addsOurAudience);
    }

    private static boolean addsOurAudience(ProtocolMapperModel mapper) {
        return AudienceProtocolMapper.PROVIDER_ID.equals(mapper.getProtocolMapper())
                && AUDIENCE.equals(mapper.getConfig().get(AudienceProtocolMapper.INCLUDED_CUSTOM_AUDIENCE));
    }
}
