package dev.tenancy.keycloak.invitation;

import dev.tenancy.keycloak.http.HttpsRequirement;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * {@code /realms/{realm}/tenancy/invitation}: where the link of an invitation mail leads. Shows who invited
 * whom to which tenant with which roles, and the same two choices to everyone — create an account here, or
 * sign in through Keycloak's login and confirm — so the page does not tell whether the address has an
 * account; that shows only when the visitor acts. Every link that cannot be used gets a page that says why. The
 * answers are HTML whatever the client accepts, as Keycloak's own login pages are.
 */
public final class InvitationPages {

    private static final Logger LOG = Logger.getLogger(InvitationPages.class);
    static final String TEMPLATE = "tenancy-invitation.ftl";
    static final String MESSAGE_TEMPLATE = "tenancy-invitation-message.ftl";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final InvitationAcceptance acceptance;

    public InvitationPages(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.acceptance = new InvitationAcceptance(session, realm);
    }

    /** The link sent to the invitee; the one place the token appears. */
    static String link(KeycloakSession session, RealmModel realm, String token) {
        return session.getContext().getUri().getBaseUriBuilder()
                .path("realms").path(realm.getName()).path("tenancy").path("invitation")
                .queryParam("token", token)
                .build().toString();
    }

    static String refusalMessage(InvitationAcceptance.Refusal refusal) {
        return switch (refusal) {
            case UNKNOWN -> "tenancyInvitationUnknown";
            case EXPIRED -> "tenancyInvitationExpired";
            case ACCEPTED -> "tenancyInvitationUsed";
            case DECLINED -> "tenancyInvitationWasDeclined";
            case REVOKED -> "tenancyInvitationRevoked";
            case TENANT_UNAVAILABLE -> "tenancyInvitationTenantUnavailable";
            case VOID -> "tenancyInvitationVoid";
        };
    }

    @GET
    public Response open(@QueryParam("token") String token) {
        if (!HttpsRequirement.isMet(session, realm)) {
            return httpsRequired();
        }
        InvitationAcceptance.Lookup lookup = acceptance.byToken(token);
        if (!lookup.valid()) {
            return refused(lookup.refusal());
        }
        InvitationAcceptance.Ticket ticket = lookup.ticket();
        return invitation(ticket, token, new MultivaluedHashMap<>(), List.of(), Response.Status.OK);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(MultivaluedMap<String, String> form) {
        if (!HttpsRequirement.isMet(session, realm)) {
            return httpsRequired();
        }
        String token = form.getFirst("token");
        InvitationAcceptance.Lookup lookup = acceptance.byToken(token);
        if (!lookup.valid()) {
            return refused(lookup.refusal());
        }
        InvitationAcceptance.Ticket ticket = lookup.ticket();
        String action = Optional.ofNullable(form.getFirst("action")).orElse("");
        return switch (action) {
            case "decline" -> acceptance.decline(ticket)
                    ? message("tenancyInvitationDeclined", null, Response.Status.OK)
                    : noLongerValid();
            case "sign-in" -> new InvitationLogin(session, realm).toConfirm(ticket);
            case "register" -> register(ticket, token, form);
            default -> invitation(ticket, token, new MultivaluedHashMap<>(),
                    List.of(new FormMessage(null, "tenancyInvitationChooseAction")), Response.Status.BAD_REQUEST);
        };
    }

    private Response register(InvitationAcceptance.Ticket ticket, String token, MultivaluedMap<String, String> form) {
        boolean accountExists = acceptance.invitedUser(ticket).isPresent();
        InvitationRegistration registration = new InvitationRegistration(session, realm);
        List<FormMessage> errors = accountExists ? List.of()
                : registration.validate(ticket.email(), form, !ticket.linkShown());
        if ((accountExists || !errors.isEmpty()) && !acceptance.stillPending(ticket)) {
            // A concurrent request accepted the invitation (and made the account) a moment ago.
            return noLongerValid();
        }
        if (accountExists) {
            return invitation(ticket, token, new MultivaluedHashMap<>(),
                    List.of(new FormMessage(null, "tenancyInvitationAccountExists")), Response.Status.CONFLICT);
        }
        if (ticket.linkShown() && AccountSetupMail.unavailable(realm).isPresent()) {
            LOG.debugf("Invitation %s: shown link cannot register a new account: %s", ticket.id(),
                    AccountSetupMail.unavailable(realm).get());
            return message("tenancyInvitationCannotRegister", "tenancyInvitationTitle", Response.Status.CONFLICT);
        }
        if (!errors.isEmpty()) {
            return invitation(ticket, token, form, errors, Response.Status.BAD_REQUEST);
        }
        try {
            return ticket.linkShown() ? registerUnproven(ticket, form, registration) : registerProven(ticket, form,
                    registration);
        } catch (ModelDuplicateException e) {
            session.getTransactionManager().setRollbackOnly();
            return invitation(ticket, token, form,
                    List.of(new FormMessage(InvitationRegistration.USERNAME, "usernameExistsMessage")),
                    Response.Status.CONFLICT);
        }
    }

    /**
     * A link that only went out by mail proves the mailbox: the account is made verified and the invitation
     * accepted at once, then the invitee signs in.
     */
    private Response registerProven(InvitationAcceptance.Ticket ticket, MultivaluedMap<String, String> form,
            InvitationRegistration registration) {
        Optional<InvitationAcceptance.Accepted> accepted = acceptance.accept(ticket, () -> {
            UserModel created = registration.createProven(ticket.email(), form);
            acceptance.registered(ticket, created);
            return created;
        });
        if (accepted.isEmpty()) {
            return noLongerValid();
        }
        UserModel user = accepted.get().user();
        LOG.debugf("Invitation %s accepted by new user %s", ticket.id(), user.getId());
        Response signIn = new InvitationLogin(session, realm).toSignIn(ticket.clientId(), ticket.redirectUri(),
                ticket.tenant().getAlias(), user.getUsername());
        if (!accepted.get().grant().cut()) {
            return signIn;
        }
        // The invitee must learn that part of the invitation no longer stands before signing in.
        return session.getProvider(LoginFormsProvider.class)
                .setAttribute("tenancyMessage", "tenancyInvitationAcceptedWithChanges")
                .setAttribute("tenancyTitle", "tenancyInvitationAcceptedTitle")
                .setAttribute("tenancyDropped", InvitationDropped.of(accepted.get().grant()))
                .setAttribute("tenancyContinueUrl", signIn.getLocation().toString())
                .setStatus(Response.Status.OK)
                .createForm(MESSAGE_TEMPLATE);
    }

    /**
     * A link that was shown to its creator proves nothing about the mailbox: whoever saw it could be
     * registering someone else's address. The account is made unverified and without a password, and
     * Keycloak's execute-actions mail goes to the invited address; only its owner can verify it and choose a
     * password. The invitation stays pending and is accepted at the end of that step (or of a later sign-in)
     * by {@link AcceptInvitationAction}, which accepts only for the verified invited address.
     */
    private Response registerUnproven(InvitationAcceptance.Ticket ticket, MultivaluedMap<String, String> form,
            InvitationRegistration registration) {
        UserModel user = registration.createUnproven(ticket.email(), form);
        try {
            new AccountSetupMail(session, realm).send(user, ticket);
        } catch (EmailException e) {
            // No account without its mail: nobody could ever set its password.
            session.getTransactionManager().setRollbackOnly();
            LOG.warnf("Account set-up mail for invitation %s could not be sent: %s", ticket.id(), e.getMessage());
            return message("tenancyInvitationSetupMailFailed", "tenancyInvitationTitle",
                    Response.Status.SERVICE_UNAVAILABLE);
        }
        acceptance.registered(ticket, user);
        LOG.debugf("New user %s registered from the shown link of invitation %s; set-up mail sent",
                user.getId(), ticket.id());
        return session.getProvider(LoginFormsProvider.class)
                .setAttribute("tenancyMessage", "tenancyInvitationSetupMailSent")
                .setAttribute("tenancyMessageParameter", ticket.email())
                .setAttribute("tenancyTitle", "tenancyInvitationSetupMailSentTitle")
                .setStatus(Response.Status.OK)
                .createForm(MESSAGE_TEMPLATE);
    }

    private Response httpsRequired() {
        return message("httpsRequiredMessage", "tenancyInvitationTitle", Response.Status.FORBIDDEN);
    }

    private Response noLongerValid() {
        return message("tenancyInvitationNoLongerValid", "tenancyInvitationNoLongerValidTitle",
                Response.Status.CONFLICT);
    }

    private Response invitation(InvitationAcceptance.Ticket ticket, String token,
            MultivaluedMap<String, String> form, List<FormMessage> errors, Response.Status status) {
        LoginFormsProvider page = session.getProvider(LoginFormsProvider.class)
                .setAttribute("tenancyInvitation", InvitationPageBean.of(session, ticket))
                .setAttribute("tenancyToken", token)
                .setAttribute("tenancyActionUrl", actionUrl())
                .setAttribute("tenancyForm", new InvitationFormBean(form))
                .setAttribute("registrationEmailAsUsername", realm.isRegistrationEmailAsUsername())
                // A shown link takes no password: the mailbox owner chooses it (see registerUnproven).
                .setAttribute("tenancyPasswordAtRegistration", !ticket.linkShown())
                .setStatus(status);
        if (!errors.isEmpty()) {
            page.setErrors(errors);
        }
        return page.createForm(TEMPLATE);
    }

    private Response refused(InvitationAcceptance.Refusal refusal) {
        Response.Status status = refusal == InvitationAcceptance.Refusal.UNKNOWN
                ? Response.Status.NOT_FOUND : Response.Status.GONE;
        return message(refusalMessage(refusal), "tenancyInvitationNoLongerValidTitle", status);
    }

    private Response message(String message, String title, Response.Status status) {
        return session.getProvider(LoginFormsProvider.class)
                .setAttribute("tenancyMessage", message)
                .setAttribute("tenancyTitle", title == null ? "tenancyInvitationTitle" : title)
                .setStatus(status)
                .createForm(MESSAGE_TEMPLATE);
    }

    private String actionUrl() {
        return session.getContext().getUri().getBaseUriBuilder()
                .path("realms").path(realm.getName()).path("tenancy").path("invitation")
                .build().toString();
    }
}
