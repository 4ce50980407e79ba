package dev.tenancy.keycloak.console;

import dev.tenancy.keycloak.scope.TenancyClientScope;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.Encode;
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

    private static final Pattern GENERATED = Pattern.compile("/realms/[^/]+/tenancy/console/");
    private static final Logger LOG = Logger.getLogger(TenancyConsoleClient.class);

    private TenancyConsoleClient() {
    }

    /** Marks a realm whose client we made once: an operator who deletes it turns the console off for good. */
    static final String MADE = "tenancy.consoleClient";

    /** The console's own address in a realm, relative to Keycloak's base URL (the realm's name encoded). */
    public static String path(RealmModel realm) {
        return "/realms/" + Encode.encodePathAsIs(realm.getName()) + "/tenancy/console/";
    }

    /**
     * Creates the client once per realm, not in the admin realm (master): tenants live in the SaaS's realms, and a
     * second way to obtain master admin tokens is not something to add silently. An existing client (imported, or
     * changed by the realm's admins) is left as it is, except that its generated addresses follow a renamed realm;
     * a client the realm's admins deleted is not made again. Runs after {@link TenancyClientScope#ensure}, whose
     * scope it takes as default.
     */
    public static void ensure(RealmModel realm) {
        if (Config.getAdminRealm().equals(realm.getName())) {
            return;
        }
        ClientModel existing = realm.getClientByClientId(CLIENT_ID);
        if (existing != null) {
            followRename(realm, existing);
            if (realm.getAttribute(MADE) == null) {
                realm.setAttribute(MADE, "true");
            }
            return;
        }
        if (realm.getAttribute(MADE) != null) {
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
        likeTheAdminConsole(realm, client);
        realm.setAttribute(MADE, "true");
        LOG.infof("Created the client '%s' in realm %s", CLIENT_ID, realm.getName());
    }

    /**
     * Its tokens can carry admin roles, so sign-in takes the admin console's path: the same authentication flow
     * overrides and ACR requirements as the realm's {@code security-admin-console}, if its admins set any (a step
     * up required for the admin console is not bypassed through ours).
     */
    private static void likeTheAdminConsole(RealmModel realm, ClientModel client) {
        ClientModel adminConsole = realm.getClientByClientId(Constants.ADMIN_CONSOLE_CLIENT_ID);
        if (adminConsole == null) {
            return;
        }
        adminConsole.getAuthenticationFlowBindingOverrides().forEach(client::setAuthenticationFlowBindingOverride);
        for (String acr : List.of(Constants.DEFAULT_ACR_VALUES, Constants.MINIMUM_ACR_VALUE)) {
            String value = adminConsole.getAttribute(acr);
            if (value != null) {
                client.setAttribute(acr, value);
            }
        }
    }

    /**
     * Keycloak rewrites its own consoles' addresses when a realm is renamed, not ours: at the next start, addresses
     * that are exactly what we generated for another name are rewritten; anything else was set by an admin.
     */
    private static void followRename(RealmModel realm, ClientModel client) {
        String base = client.getBaseUrl();
        if (base == null || path(realm).equals(base) || !GENERATED.matcher(base).matches()) {
            return;
        }
        client.setBaseUrl(path(realm));
        for (String uri : Set.copyOf(client.getRedirectUris())) {
            if (uri.equals(base + "*")) {
                client.removeRedirectUri(uri);
                client.addRedirectUri(path(realm) + "*");
            }
        }
        LOG.infof("Moved the client '%s' of realm %s to its new address %s", CLIENT_ID, realm.getName(), path(realm));
    }

    private static List<RoleModel> adminRoles(RealmModel realm) {
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        if (management == null) {
            return List.of();
        }
        return ADMIN_ROLES.stream().map(management::getRole).filter(Objects::nonNull).toList();
    }
}
