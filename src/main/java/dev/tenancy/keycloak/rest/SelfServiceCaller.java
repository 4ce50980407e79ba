package dev.tenancy.keycloak.rest;

import dev.tenancy.keycloak.apikey.ApiKeyTokens;
import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.http.HttpsRequirement;
import dev.tenancy.keycloak.scope.TenancyClientScope;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * The user behind a self-service request: a valid access token of a user of the URL's realm (else 401) that
 * was issued for this API, i.e. carries the audience of the client scope {@code tenancy} (else 403). A token
 * made from an API key is never a caller here: it carries the key's authority, not its owner's.
 */
record SelfServiceCaller(AuthResult auth) {

    static SelfServiceCaller authenticate(KeycloakSession session, RealmModel realm) {
        if (!HttpsRequirement.isMet(session, realm)) {
            throw TenancyException.forbidden("HTTPS required");
        }
        AppAuthManager.AuthHeader header = AppAuthManager.extractAuthorizationHeaderTokenOrReturnNull(
                session.getContext().getRequestHeaders());
        if (header == null) {
            throw TenancyException.unauthenticated("A bearer access token is required");
        }
        if (ApiKeyTokens.isKeyToken(header.getToken())) {
            throw TenancyException.unauthenticated(
                    "A token made from an API key cannot call the self-service API; sign in as the user instead");
        }
        AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).authenticate();
        if (auth == null || auth.user() == null) {
            throw TenancyException.unauthenticated("The access token is invalid, expired or not of this realm");
        }
        // Before any refusal of ours, so that a browser can read why.
        SelfServiceCors.allow(auth.token());
        if (!auth.token().hasAudience(TenancyClientScope.AUDIENCE)) {
            throw TenancyException.forbidden("The access token is not meant for the tenancy API: its client must "
                    + "request the client scope '" + TenancyClientScope.NAME + "' (audience '"
                    + TenancyClientScope.AUDIENCE + "')");
        }
        return new SelfServiceCaller(auth);
    }

    /** Changes made through the self-service API are admin events too, with the member as the actor. */
    TenancyAudit audit(KeycloakSession session, RealmModel realm) {
        AdminAuth adminAuth = new AdminAuth(realm, auth.token(), auth.user(), auth.client());
        return new TenancyAudit(new AdminEventBuilder(realm, adminAuth, session, session.getContext().getConnection()));
    }
}
