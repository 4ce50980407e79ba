package dev.tenancy.keycloak.rest;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.http.HttpsRequirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/** The user behind a self-service request: a valid access token of a user of the URL's realm, or 401. */
record SelfServiceCaller(AuthResult auth) {

    static SelfServiceCaller authenticate(KeycloakSession session, RealmModel realm) {
        if (!HttpsRequirement.isMet(session, realm)) {
            throw TenancyException.forbidden("HTTPS required");
        }
        String header = session.getContext().getRequestHeaders().getHeaderString("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw TenancyException.unauthorized("A bearer access token is required");
        }
        AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).authenticate();
        if (auth == null || auth.user() == null) {
            throw TenancyException.unauthorized("The access token is invalid, expired or not of this realm");
        }
        return new SelfServiceCaller(auth);
    }

    /** Changes made through the self-service API are admin events too, with the member as the actor. */
    TenancyAudit audit(KeycloakSession session, RealmModel realm) {
        AdminAuth adminAuth = new AdminAuth(realm, auth.token(), auth.user(), auth.client());
        return new TenancyAudit(new AdminEventBuilder(realm, adminAuth, session, session.getContext().getConnection()));
    }
}
