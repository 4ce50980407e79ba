package dev.tenancy.keycloak.console;

import dev.tenancy.keycloak.scope.TenancyClientScope;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * The public client {@code tenancy-console} that the tenancy console signs in with, made the way Keycloak makes
 * {@code account-console}: authorization code with PKCE (S256), no other grant, redirects only back to the
 * console, and the {@code tenancy} scope so that its tokens may call the self-service API.
 */
public final class TenancyConsoleClient {

    public static final String CLIENT_ID = "tenancy-console";

    /**
     * The admin roles a realm admin's console token may carry: those the tenancy admin API asks for (realm
     * configuration, credentials, KEK) and Keycloak's organization roles (tenants). Not the realm's other admin
     * roles: the console's token opens no more of the admin API than the console uses.
     */
    static final List<String> ADMIN_ROLES = List.of(AdminRoles.VIEW_REALM, AdminRoles.MANAGE_REALM,
            AdminRoles.VIEW_ORGANIZATIONS, AdminRoles.MANAGE_ORGANIZATIONS, AdminRoles.QUERY_ORGANIZATIONS,
            AdminRoles.QUERY_GROUPS, AdminRoles.VIEW_USERS, AdminRoles.MANAGE_USERS);

    private static final Logger LOG = Logger.getLogger(TenancyConsoleClient.class);

    private TenancyConsoleClient() {
    }

    /** The console's own address in a realm, relative to Keycloak's base URL. */
    public static String path(RealmModel realm) {
        return "/realms/" + realm.getName() + "/tenancy/console/";
    }

    /**
     * Creates the client when the realm has none of that id; an existing one (imported, or changed by the realm's
     * admins) is left as it is. Runs after {@link TenancyClientScope#ensure}, whose scope it takes as default.
     */
    public static void ensure(RealmModel realm) {
        if (realm.getClientByClientId(CLIENT_ID) != null) {
            return;
        }
        ClientModel client = KeycloakModelUtils.createPublicClient(realm, CLIENT_ID);
        client.setName("Tenancy console");
        client.setDescription("Tenants, members, invitations, API keys and credentials (keycloak-tenancy)");
        client.setEnabled(true);
        client.setAlwaysDisplayInConsole(true);
        client.setFullScopeAllowed(false);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setServiceAccountsEnabled(false);
        client.setConsentRequired(false);
        client.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        client.setRootUrl(Constants.AUTH_BASE_URL_PROP);
        client.setBaseUrl(path(realm));
        client.addRedirectUri(path(realm) + "*");
        client.addWebOrigin("+");
        client.setAttribute(OIDCConfigAttributes.POST_LOGOUT_REDIRECT_URIS, "+");
        client.setAttribute(OIDCConfigAttributes.PKCE_CODE_CHALLENGE_METHOD, "S256");
        realm.getClientScopesStream()
                .filter(scope -> TenancyClientScope.NAME.equals(scope.getName()))
                .findFirst()
                .ifPresent(scope -> client.addClientScope(scope, true));
        adminRoles(realm).forEach(client::addScopeMapping);
        LOG.infof("Created the client '%s' in realm %s", CLIENT_ID, realm.getName());
    }

    private static List<RoleModel> adminRoles(RealmModel realm) {
        // The admin realm keeps its own admin roles in its master admin client ("master-realm").
        ClientModel masterAdmin = realm.getMasterAdminClient();
        ClientModel management = masterAdmin != null && realm.getId().equals(masterAdmin.getRealm().getId())
                ? masterAdmin
                : realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        if (management == null) {
            return List.of();
        }
        return ADMIN_ROLES.stream().map(management::getRole).filter(Objects::nonNull).toList();
    }
}
