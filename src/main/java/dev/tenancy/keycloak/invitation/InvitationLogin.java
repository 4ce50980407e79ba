package dev.tenancy.keycloak.invitation;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.SystemClientUtil;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.util.AuthenticationFlowURLHelper;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * Sends the invitee through Keycloak's own browser login (password, OTP, identity providers — whatever
 * the realm's flow asks), for the client the invitation names or else the account console, the way
 * Keycloak starts a login for an action-token link. With a ticket, the login ends in
 * {@link AcceptInvitationAction}, which asks the signed-in user to confirm.
 */
final class InvitationLogin {

    private final KeycloakSession session;
    private final RealmModel realm;

    InvitationLogin(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /**
     * A login that ends with the confirmation of {@code ticket}. No login hint: a browser already signed in
     * stays with its account (Keycloak would force a new sign-in for a hinted other user), and the
     * confirmation page names the account, so a wrong one is seen and never accepts.
     */
    Response toConfirm(InvitationAcceptance.Ticket ticket) {
        return toConfirm(ticket, null);
    }

    /**
     * The same for an account just made from a shown link, hinted by its username: Keycloak's verify-email
     * step (a required action of higher priority) runs before the confirmation.
     */
    Response toConfirm(InvitationAcceptance.Ticket ticket, String loginHint) {
        AcceptInvitationActionFactory.ensureRegistered(realm);
        AuthenticationSessionModel authSession = start(ticket.clientId(), ticket.redirectUri(),
                ticket.tenant().getAlias(), loginHint);
        authSession.setClientNote(AcceptInvitationAction.TOKEN_HASH_NOTE, ticket.tokenHash());
        authSession.addRequiredAction(AcceptInvitationAction.ID);
        return redirect(authSession);
    }

    /** A plain login, for a new account whose invitation is already accepted. */
    Response toSignIn(String clientId, String redirectUri, String tenantAlias, String loginHint) {
        return redirect(start(clientId, redirectUri, tenantAlias, loginHint));
    }

    private AuthenticationSessionModel start(String clientId, String redirectUri, String tenantAlias,
            String loginHint) {
        ClientModel client = clientId == null ? null : session.clients().getClientByClientId(realm, clientId);
        // Checked again now: the client's valid redirect URIs may have changed since the invitation was made.
        String target = client == null || !client.isEnabled() ? null
                : RedirectUtils.verifyRedirectUri(session, redirectUri, client);
        if (target == null) {
            client = SystemClientUtil.getSystemClient(realm);
            target = Urls.accountBase(session.getContext().getUri().getBaseUri()).path("/")
                    .build(realm.getName()).toString();
        }
        RootAuthenticationSessionModel root = new AuthenticationSessionManager(session)
                .createAuthenticationSession(realm, true);
        AuthenticationSessionModel authSession = root.createAuthenticationSession(client);
        authSession.setAction(AuthenticationSessionModel.Action.AUTHENTICATE.name());
        authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        authSession.setRedirectUri(target);
        authSession.setClientNote(OIDCLoginProtocol.RESPONSE_TYPE_PARAM, OAuth2Constants.CODE);
        authSession.setClientNote(OIDCLoginProtocol.REDIRECT_URI_PARAM, target);
        authSession.setClientNote(OIDCLoginProtocol.ISSUER,
                Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, scope(client, tenantAlias));
        if (loginHint != null) {
            authSession.setClientNote(OIDCLoginProtocol.LOGIN_HINT_PARAM, loginHint);
        }
        return authSession;
    }

    /** {@code openid}, plus the invited tenant as the active one when the client has Keycloak's organization scope. */
    private static String scope(ClientModel client, String tenantAlias) {
        boolean organizationScope = client.getClientScopes(true).containsKey(OAuth2Constants.ORGANIZATION)
                || client.getClientScopes(false).containsKey(OAuth2Constants.ORGANIZATION);
        return organizationScope && tenantAlias != null
                ? OAuth2Constants.SCOPE_OPENID + " " + OAuth2Constants.ORGANIZATION + ":" + tenantAlias
                : OAuth2Constants.SCOPE_OPENID;
    }

    private Response redirect(AuthenticationSessionModel authSession) {
        URI uri = new AuthenticationFlowURLHelper(session, realm, session.getContext().getUri())
                .getLastExecutionUrl(authSession);
        return Response.seeOther(uri).build();
    }
}
