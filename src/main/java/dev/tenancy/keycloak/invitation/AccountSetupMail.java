package dev.tenancy.keycloak.invitation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionToken;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.SystemClientUtil;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.resources.LoginActionsService;

/**
 * Keycloak's execute-actions mail (verify the address, choose a password) for an account made from a shown
 * invitation link, sent the way the admin console's "send email" does it. Whoever saw the link could type any
 * password; only the owner of the mailbox chooses one, so a squatter never holds the invitee's account.
 */
final class AccountSetupMail {

    static final List<String> ACTIONS = List.of(UserModel.RequiredAction.VERIFY_EMAIL.name(),
            UserModel.RequiredAction.UPDATE_PASSWORD.name());

    private final KeycloakSession session;
    private final RealmModel realm;

    AccountSetupMail(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /**
     * Why a shown link cannot make an account in this realm, in words for realm admins; empty when it can.
     * The mail needs SMTP, and the two required actions it carries must be enabled.
     */
    static Optional<String> unavailable(RealmModel realm) {
        Map<String, String> smtp = realm.getSmtpConfig();
        if (smtp == null || smtp.get("host") == null || smtp.get("host").isBlank()) {
            return Optional.of("The realm has no SMTP server configured, so a new account cannot be created from"
                    + " this link (its address must be confirmed by mail first); only an existing account can"
                    + " accept it");
        }
        for (String action : ACTIONS) {
            RequiredActionProviderModel model = realm.getRequiredActionProviderByAlias(action);
            if (model == null || !model.isEnabled()) {
                return Optional.of("The required action " + action + " is disabled in this realm, so a new account"
                        + " cannot be created from this link; only an existing account can accept it");
            }
        }
        return Optional.empty();
    }

    /** Sends the mail to the user's address; the link leads back to the invitation's client when it still can. */
    void send(UserModel user, InvitationAcceptance.Ticket ticket) throws EmailException {
        ClientModel client = ticket.clientId() == null ? null
                : session.clients().getClientByClientId(realm, ticket.clientId());
        String redirectUri = client == null || !client.isEnabled() ? null
                : RedirectUtils.verifyRedirectUri(session, ticket.redirectUri(), client);
        if (redirectUri == null) {
            client = SystemClientUtil.getSystemClient(realm);
        }
        int lifespan = realm.getActionTokenGeneratedByAdminLifespan();
        ExecuteActionsActionToken token = new ExecuteActionsActionToken(user.getId(), user.getEmail(),
                Time.currentTime() + lifespan, ACTIONS, redirectUri, client.getClientId());
        String link = LoginActionsService.actionTokenProcessor(session.getContext().getUri())
                .queryParam("key", token.serialize(session, realm, session.getContext().getUri()))
                .build(realm.getName()).toString();
        session.getProvider(EmailTemplateProvider.class)
                .setAttribute(Constants.TEMPLATE_ATTR_REQUIRED_ACTIONS, token.getRequiredActions())
                .setRealm(realm)
                .setUser(user)
                .sendExecuteActions(link, TimeUnit.SECONDS.toMinutes(lifespan));
    }
}
