package dev.tenancy.keycloak.http;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The realm's "Require SSL" setting, applied as Keycloak applies it to its own login and token endpoints:
 * plain HTTP is refused unless the realm allows it for this client address. Endpoints that receive
 * secrets (invitation links, API keys) check it before reading them.
 */
public final class HttpsRequirement {

    private HttpsRequirement() {
    }

    public static boolean isMet(KeycloakSession session, RealmModel realm) {
        return "https".equals(session.getContext().getUri().getBaseUri().getScheme())
                || !realm.getSslRequired().isRequired(session.getContext().getConnection());
    }
}
