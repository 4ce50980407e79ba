package dev.tenancy.keycloak.invitation;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.UserModel;

/**
 * The last step of the login an invitation link starts: the signed-in user sees the invitation and accepts
 * or declines it. A user whose verified email is not the invited one is told so and goes on without
 * accepting; the invitation stays pending for its owner. An account made from a shown link carries this
 * action on the user instead: its login starts from Keycloak's set-up mail, so the invitation is found by
 * the address that login has just verified.
 */
final class AcceptInvitationAction implements RequiredActionProvider {

    static final String ID = "tenancy-accept-invitation";
    /**
     * Client note naming the invitation, by the hash of its token. A client note, not an auth note: it
     * survives "Restart login", which clears auth notes and the session's required actions.
     */
    static final String TOKEN_HASH_NOTE = "tenancy.invitation.token-hash";
    static final String TEMPLATE = "tenancy-invitation-confirm.ftl";

    /** Runs in a login an invitation link started, and in no other (never stored on the user). */
    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        if (tokenHash(context) != null) {
            context.getAuthenticationSession().addRequiredAction(ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        InvitationAcceptance acceptance = new InvitationAcceptance(context.getSession(), context.getRealm());
        if (tokenHash(context) == null && !fromUser(context, acceptance)) {
            return;
        }
        InvitationAcceptance.Lookup lookup = acceptance.byHash(tokenHash(context));
        if (!lookup.valid()) {
            context.challenge(ended(context, InvitationPages.refusalMessage(lookup.refusal())));
        } else if (!acceptance.mayAccept(lookup.ticket(), context.getUser())) {
            context.challenge(page(context, "wrongAccount", lookup.ticket(), null));
        } else {
            context.challenge(page(context, "confirm", lookup.ticket(), null));
        }
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = form.getFirst("action");
        if ("continue".equals(action)) {
            done(context);
            return;
        }
        InvitationAcceptance acceptance = new InvitationAcceptance(context.getSession(), context.getRealm());
        InvitationAcceptance.Lookup lookup = acceptance.byHash(tokenHash(context));
        if (!lookup.valid()) {
            context.challenge(ended(context, InvitationPages.refusalMessage(lookup.refusal())));
            return;
        }
        InvitationAcceptance.Ticket ticket = lookup.ticket();
        UserModel user = context.getUser();
        if ("decline".equals(action)) {
            boolean declined = acceptance.decline(ticket);
            context.challenge(declined
                    ? ended(context, "tenancyInvitationDeclined", "tenancyInvitationTitle")
                    : ended(context, "tenancyInvitationNoLongerValid"));
        } else if ("accept".equals(action)) {
            if (!acceptance.mayAccept(ticket, user)) {
                context.challenge(page(context, "wrongAccount", ticket, null));
            } else {
                Optional<InvitationAcceptance.Accepted> accepted = acceptance.accept(ticket, () -> user);
                if (accepted.isEmpty()) {
                    context.challenge(ended(context, "tenancyInvitationNoLongerValid"));
                } else if (accepted.get().grant().cut()) {
                    // Tell what no longer stood before going on; "continue" then ends this action.
                    context.challenge(context.form()
                            .setAttribute("tenancyState", "acceptedWithChanges")
                            .setAttribute("tenancyDropped", InvitationDropped.of(accepted.get().grant()))
                            .createForm(TEMPLATE));
                } else {
                    done(context);
                }
            }
        } else {
            context.challenge(page(context, "confirm", ticket, "tenancyInvitationChooseAction"));
        }
    }

    /**
     * For the action stored on the user: names the newest pending invitation to the user's address in the
     * login, and says whether there is one to show. Without a verified address it waits for a later login;
     * with no invitation left (accepted, revoked, expired meanwhile) it ends.
     */
    private static boolean fromUser(RequiredActionContext context, InvitationAcceptance acceptance) {
        UserModel user = context.getUser();
        if (!user.isEmailVerified()) {
            context.ignore();
            return false;
        }
        Optional<InvitationAcceptance.Ticket> ticket = acceptance.pendingFor(user);
        if (ticket.isEmpty()) {
            context.success();
            return false;
        }
        context.getAuthenticationSession().setClientNote(TOKEN_HASH_NOTE, ticket.get().tokenHash());
        return true;
    }

    private static void done(RequiredActionContext context) {
        context.getAuthenticationSession().removeClientNote(TOKEN_HASH_NOTE);
        context.success();
    }

    private static String tokenHash(RequiredActionContext context) {
        return context.getAuthenticationSession().getClientNote(TOKEN_HASH_NOTE);
    }

    private static Response page(RequiredActionContext context, String state, InvitationAcceptance.Ticket ticket,
            String error) {
        var form = context.form()
                .setAttribute("tenancyState", state)
                .setAttribute("tenancyInvitation", InvitationPageBean.of(context.getSession(), ticket))
                .setAttribute("tenancySignedInAs", context.getUser().getEmail() == null
                        ? context.getUser().getUsername() : context.getUser().getEmail());
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(TEMPLATE);
    }

    private static Response ended(RequiredActionContext context, String message) {
        return ended(context, message, "tenancyInvitationNoLongerValidTitle");
    }

    private static Response ended(RequiredActionContext context, String message, String title) {
        return context.form()
                .setAttribute("tenancyState", "ended")
                .setAttribute("tenancyMessage", message)
                .setAttribute("tenancyTitle", title)
                .createForm(TEMPLATE);
    }

    @Override
    public void close() {
    }
}
