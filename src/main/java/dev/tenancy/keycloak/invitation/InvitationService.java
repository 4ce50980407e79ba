package dev.tenancy.keycloak.invitation;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.audit.TenancyResourceType;
import dev.tenancy.keycloak.config.TenancyConfig;
import dev.tenancy.keycloak.config.TenancyConfigAttribute;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.metrics.InvitationTransition;
import dev.tenancy.keycloak.metrics.TenancyMetrics;
import dev.tenancy.keycloak.tenant.TenantAccess;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * Creating, listing, resending and revoking the invitations of one tenant. Accepting and declining happen
 * on the invitation pages ({@link InvitationAcceptance}).
 */
public final class InvitationService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final InvitationStore store;
    private final InvitationViews views;
    private final InvitationExpiry expiry;
    private final TenancyAudit audit;

    public InvitationService(KeycloakSession session, RealmModel realm, TenancyAudit audit) {
        this.session = session;
        this.realm = realm;
        this.store = new InvitationStore(session, realm.getId());
        this.views = new InvitationViews(session, realm, store);
        this.expiry = new InvitationExpiry(session, realm, store, audit);
        this.audit = audit;
    }

    /**
     * The answer to a create or resend: the invitation, the link when the caller asked for it, the mail, and a
     * warning when a shown link cannot make a new account in this realm.
     */
    record Issued(InvitationView invitation, String link, InvitationMail.Outcome mail, String warning) {

        InvitationRepresentation representation() {
            return InvitationRepresentation.issued(this);
        }
    }

    Issued create(OrganizationModel tenant, InvitationInput input, TenantAccess access) {
        requireMayShowLink(input.sendEmail(), access);
        TenancyConfig config = TenancyConfigAttribute.read(realm);
        for (String role : input.roles()) {
            if (!config.hasRole(role)) {
                throw TenancyException.invalid("Field 'roles' names unknown role '" + role + "'");
            }
        }
        access.grantor().requireMayChange(input.roles());
        List<GroupModel> groups = new ArrayList<>();
        for (String path : input.groupPaths()) {
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, path);
            if (group == null) {
                throw TenancyException.invalid("Field 'groups' names unknown group '" + path + "'");
            }
            access.requireMayAssignGroup(group);
            groups.add(group);
        }
        InvitationLanding landing = InvitationLanding.of(session, realm, input);

        UserModel existing = session.users().getUserByEmail(realm, input.email());
        if (existing != null && organizations().isMember(tenant, existing)) {
            throw TenancyException.conflict("A user with this email is already a member of this tenant");
        }
        long now = System.currentTimeMillis();
        String pendingKey = InvitationToken.pendingKey(tenant.getId(), input.email());
        Optional<TenancyInvitationEntity> earlier = store.findPending(pendingKey);
        // An earlier invitation whose time is up is recorded as expired here, which frees its pending key.
        if (earlier.isPresent() && !expiry.expireIfDue(earlier.get(), now)) {
            throw TenancyException.conflict("A pending invitation for this email already exists in this tenant;"
                    + " resend or revoke it");
        }

        UserModel inviter = access.actor();
        if (input.sendEmail()) {
            mailLimit(config).requireMaySend(tenant.getId(), sender(access), now);
        }
        long lifespan = input.lifespanSeconds().orElse(config.invitationLifespanSeconds());
        // Never the existing user's locale: the answer would tell whether the address has an account.
        String locale = input.locale().orElseGet(this::realmLocale);
        InvitationToken token = InvitationToken.generate();
        TenancyInvitationEntity invitation = new TenancyInvitationEntity(KeycloakModelUtils.generateId(),
                realm.getId(), tenant.getId(), input.email(), inviter == null ? null : inviter.getId(),
                InvitationViews.displayName(inviter), token.hash(), pendingKey, locale,
                landing.clientId(), landing.redirectUri(), now, now + lifespan * 1000,
                access.viaAdminApi() ? InvitationAuthority.VIA_ADMIN : InvitationAuthority.VIA_MEMBER,
                input.sendEmail());
        try {
            store.insert(invitation, input.roles(), groups.stream().map(GroupModel::getId).toList());
        } catch (PersistenceException e) {
            // Another request created the same pending invitation between our check and our insert.
            throw TenancyException.conflict("A pending invitation for this email already exists in this tenant");
        }
        InvitationView view = InvitationViews.view(invitation, new TreeSet<>(input.roles()),
                groups.stream().map(KeycloakModelUtils::buildGroupPath).toList());
        audit.tenantChange(TenancyResourceType.TENANCY_INVITATION, OperationType.CREATE, tenant.getId(), InvitationRepresentation.of(view),
                "tenants", tenant.getId(), "invitations", invitation.id());
        counted(InvitationTransition.CREATED);
        return deliver(tenant, view, token, input.sendEmail(), access);
    }

    /** Reads only: an invitation whose time is up is shown and filtered as expired, without writing it so. */
    List<InvitationView> list(OrganizationModel tenant, InvitationStatus status, String emailPart, int first,
            int max) {
        return views.of(store.list(tenant.getId(), status, emailPart == null ? null
                : emailPart.toLowerCase(Locale.ROOT), first, max, System.currentTimeMillis()));
    }

    InvitationView get(OrganizationModel tenant, String id) {
        return views.of(require(tenant, id));
    }

    /**
     * A new token and a new expiry for a pending invitation; the old link stops working at once. Held to the
     * rules of create: the caller must be able to hand out its roles and groups, a link only for admins.
     */
    Issued resend(OrganizationModel tenant, String id, boolean sendEmail, TenantAccess access) {
        requireMayShowLink(sendEmail, access);
        long now = System.currentTimeMillis();
        TenancyInvitationEntity invitation = require(tenant, id);
        requireMayHandOut(invitation, access);
        InvitationMailLimit limit = mailLimit(TenancyConfigAttribute.read(realm));
        limit.requireMayResend(invitation);
        if (sendEmail) {
            limit.requireMaySend(tenant.getId(), sender(access), now);
        }
        InvitationToken token = InvitationToken.generate();
        long lifespan = invitation.expiresAt() - invitation.sentAt();
        UserModel actor = access.actor();
        boolean reissued = store.reissue(invitation.id(), invitation.tokenHash(), token.hash(), now, now + lifespan,
                sendEmail, actor == null ? null : actor.getId());
        store.refresh(invitation);
        if (!reissued) {
            throw notPending(invitation);
        }
        InvitationView view = views.of(invitation);
        audit.tenantChange(TenancyResourceType.TENANCY_INVITATION, OperationType.ACTION, tenant.getId(),
                event(view, "resend"), "tenants", tenant.getId(), "invitations", id, "resend");
        counted(InvitationTransition.RESENT);
        return deliver(tenant, view, token, sendEmail, access);
    }

    /** Held to the rules of create, as resend: whoever could not make this invitation cannot end it either. */
    InvitationView revoke(OrganizationModel tenant, String id, TenantAccess access) {
        long now = System.currentTimeMillis();
        TenancyInvitationEntity invitation = require(tenant, id);
        requireMayHandOut(invitation, access);
        UserModel actor = access.actor();
        boolean revoked = store.revoke(invitation.id(), actor == null ? null : actor.getId(), now);
        store.refresh(invitation);
        if (!revoked) {
            throw notPending(invitation);
        }
        InvitationView view = views.of(invitation);
        audit.tenantChange(TenancyResourceType.TENANCY_INVITATION, OperationType.ACTION, tenant.getId(),
                event(view, "revoke"), "tenants", tenant.getId(), "invitations", id, "revoke");
        counted(InvitationTransition.REVOKED);
        return view;
    }

    /** Counted once the request commits: a create refused later (a mail limit, say) rolls back and counts nothing. */
    private void counted(InvitationTransition transition) {
        TenancyMetrics.of(session).invitations(session, transition, realm.getName(), 1);
    }

    private Issued deliver(OrganizationModel tenant, InvitationView view, InvitationToken token, boolean sendEmail,
            TenantAccess access) {
        String link = InvitationPages.link(session, realm, token.value());
        if (!sendEmail) {
            return new Issued(view, link, null, AccountSetupMail.unavailable(realm).orElse(null));
        }
        InvitationMail.Outcome mail = new InvitationMail(session, realm).send(view.email(), mailLocale(view),
                tenant.getName(), view.inviterName(), List.copyOf(view.roles()), view.expiresAt(), link,
                access.viaAdminApi());
        return new Issued(view, null, mail, null);
    }

    /**
     * The mail speaks the invitee's language when their account chose one: read only here, for the mail,
     * and never stored or shown, so no answer tells whether the address has an account.
     */
    private Locale mailLocale(InvitationView view) {
        UserModel existing = session.users().getUserByEmail(realm, view.email());
        String userLocale = existing == null ? null : existing.getFirstAttribute(UserModel.LOCALE);
        String tag = userLocale != null && !userLocale.isBlank() ? userLocale : view.locale();
        return Locale.forLanguageTag(tag == null ? "en" : tag);
    }

    /**
     * A link returned in the answer can be used by whoever reads it, for example to register the invited
     * address: only realm admins may ask for one.
     */
    private static void requireMayShowLink(boolean sendEmail, TenantAccess access) {
        if (!sendEmail && !access.viaAdminApi()) {
            throw TenancyException.forbidden("Only realm admins may invite without mail ('sendEmail': false);"
                    + " the invitation link goes to the invited address by mail");
        }
    }

    /** The gates of create, for an existing invitation: its roles through the grantor, its groups one by one. */
    private void requireMayHandOut(TenancyInvitationEntity invitation, TenantAccess access) {
        List<String> ids = List.of(invitation.id());
        access.grantor().requireMayChange(store.rolesOf(ids).getOrDefault(invitation.id(), new TreeSet<>()));
        for (String groupId : store.groupsOf(ids).getOrDefault(invitation.id(), new TreeSet<>())) {
            GroupModel group = session.groups().getGroupById(realm, groupId);
            if (group != null) {
                access.requireMayAssignGroup(group);
            }
        }
    }

    private InvitationMailLimit mailLimit(TenancyConfig config) {
        return new InvitationMailLimit(store, config.invitationLimits());
    }

    /** Whose per-sender limit a mail counts against: none for realm admins on the admin API. */
    private static String sender(TenantAccess access) {
        UserModel actor = access.actor();
        return access.viaAdminApi() || actor == null ? null : actor.getId();
    }

    private TenancyInvitationEntity require(OrganizationModel tenant, String id) {
        if (id == null || id.length() > 36) {
            throw TenancyException.notFound("Invitation not found");
        }
        return store.find(tenant.getId(), id)
                .orElseThrow(() -> TenancyException.notFound("Invitation not found"));
    }

    /** The 409 for a resend or revoke that found the invitation ended (or ended meanwhile by another request). */
    private static TenancyException notPending(TenancyInvitationEntity invitation) {
        boolean pending = InvitationStatus.PENDING.label().equals(invitation.status());
        if (pending && invitation.expiresAt() > System.currentTimeMillis()) {
            return TenancyException.conflict("The invitation changed meanwhile; load it again");
        }
        String status = pending ? InvitationStatus.EXPIRED.label() : invitation.status();
        return TenancyException.conflict("The invitation is no longer pending (" + status + ")");
    }

    private String realmLocale() {
        return realm.getDefaultLocale() == null ? "en" : realm.getDefaultLocale();
    }

    private static Map<String, Object> event(InvitationView view, String action) {
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("id", view.id());
        representation.put("email", view.email());
        representation.put("action", action);
        representation.put("status", view.status().label());
        representation.put("expiresAt", InvitationRepresentation.time(view.expiresAt()));
        return representation;
    }

    private OrganizationProvider organizations() {
        return session.getProvider(OrganizationProvider.class);
    }
}
