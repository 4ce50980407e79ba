package dev.tenancy.keycloak.apikey;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.OrganizationModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocolFactory;
import dev.tenancy.keycloak.scope.TenancyClientScope;

/**
 * The scope a key's token is made with: what the client asked for, without {@code openid} (an exchange is
 * not a sign-in: no ID token, no userinfo), with the client scope {@code tenancy} (whose mapper writes the
 * key's claims), and with Keycloak's organization scope pinned to the key's tenant — so that Keycloak's
 * {@code organization} claim, also when the introspection endpoint maps the token again, names that tenant
 * and no other.
 */
final class KeyTokenScope {

    private KeyTokenScope() {
    }

    static String of(String requested, OrganizationModel tenant) {
        Set<String> scopes = new LinkedHashSet<>();
        if (requested != null) {
            Arrays.stream(requested.split(" "))
                    .filter(scope -> !scope.isBlank())
                    .filter(scope -> !OAuth2Constants.SCOPE_OPENID.equals(scope))
                    .filter(scope -> !isOrganizationScope(scope))
                    .forEach(scopes::add);
        }
        scopes.add(TenancyClientScope.NAME);
        scopes.add(OIDCLoginProtocolFactory.ORGANIZATION + ":" + tenant.getAlias());
        return String.join(" ", scopes);
    }

    private static boolean isOrganizationScope(String scope) {
        return scope.equals(OIDCLoginProtocolFactory.ORGANIZATION)
                || scope.startsWith(OIDCLoginProtocolFactory.ORGANIZATION + ":");
    }
}
