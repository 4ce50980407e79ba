package dev.tenancy.keycloak.join;

import dev.tenancy.keycloak.audit.TenancyAudit;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.TokenUtil;

/**
 * Joining by verified domain at sign-in. Keycloak asks every enabled required action, at every sign-in, whether it
 * applies ({@link #evaluateTriggers}). For a tenant whose policy is {@code auto} this one joins the user, before the
 * tokens of the sign-in are made, and shows nothing. For {@code suggest} it shows, once the user has signed in, the
 * page "Your colleagues use ACME — ask to join?" — only in a sign-in that can show a page (a browser sign-in that is
 * not {@code prompt=none}), never in a password grant, which would fail with "Account is not fully set up".
 */
final class JoinByDomainAction implements RequiredActionProvider {

    static final String ID = "tenancy-join-by-domain";
    static final String TEMPLATE = "tenancy-join-suggest.ftl";
    private static final Logger LOG = Logger.getLogger(JoinByDomainAction.class);

    /**
     * Does not fail a sign-in for what it can check: a join that cannot be made (the organization feature switched
     * off, two organizations holding one domain) is logged and the user signs in without it. It runs in the
     * sign-in's own transaction, so that the tokens of this very sign-in see the membership (a transaction of its
     * own would commit after the sign-in's snapshot was taken on MariaDB); a database error in it therefore still
     * fails the sign-in, as any other database error there would.
     */
    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        if (context.getUser() == null || !context.getRealm().isOrganizationsEnabled()
                || context.getSession().getProvider(OrganizationProvider.class) == null) {
            return;
        }
        try {
            JoinService.AtSignIn outcome = joins(context).atSignIn(context.getUser());
            if (outcome == JoinService.AtSignIn.SUGGESTED && mayShowPage(context.getAuthenticationSession())) {
                context.getAuthenticationSession().addRequiredAction(ID);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Joining by verified domain failed for user %s in realm %s; the sign-in goes on without it",
                    context.getUser().getId(), context.getRealm().getName());
        }
    }

    /** A browser sign-in has a redirect to go back to; a password grant has none, {@code prompt=none} shows nothing. */
    private static boolean mayShowPage(AuthenticationSessionModel authSession) {
        return authSession.getRedirectUri() != null && !TokenUtil.hasPrompt(
                authSession.getClientNote(OIDCLoginProtocol.PROMPT_PARAM), OIDCLoginProtocol.PROMPT_VALUE_NONE);
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        Optional<OrganizationModel> tenant = joins(context).suggestionDue(context.getUser());
        if (tenant.isEmpty()) {
            context.success();
            return;
        }
        context.challenge(page(context, "suggest", tenant.get()));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        String action = context.getHttpRequest().getDecodedFormParameters().getFirst("action");
        JoinService joins = joins(context);
        if ("request".equals(action)) {
            Optional<OrganizationModel> asked = joins.request(context.getUser());
            if (asked.isPresent()) {
                context.challenge(page(context, "requested", asked.get()));
                return;
            }
        } else if ("decline".equals(action)) {
            joins.decline(context.getUser());
        }
        context.success();
    }

    private static Response page(RequiredActionContext context, String state, OrganizationModel tenant) {
        return context.form()
                .setAttribute("tenancyState", state)
                .setAttribute("tenancyTenantName", tenant.getName())
                .setAttribute("tenancySignedInAs", context.getUser().getEmail())
                .createForm(TEMPLATE);
    }

    private static JoinService joins(RequiredActionContext context) {
        return new JoinService(context.getSession(), context.getRealm(), TenancyAudit.byUser(context.getSession(),
                context.getRealm(), context.getUser(), context.getAuthenticationSession().getClient()));
    }

    @Override
    public void close() {
    }
}
