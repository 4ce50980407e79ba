package dev.tenancy.keycloak.invitation;

import dev.tenancy.keycloak.tenant.TenantDirectory;
import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.config.TenancyConfigAttribute;
import dev.tenancy.keycloak.metrics.InvitationTransition;
import dev.tenancy.keycloak.metrics.TenancyMetrics;
import dev.tenancy.keycloak.tenant.MemberService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * What the invitee does with an invitation: look it up by its token, accept it as a user, or decline it.
 * Accepting is one conditional update followed by membership, roles and groups in the same transaction, so
 * of many concurrent accepts exactly one wins. Raises user events: {@code INVITE_ORG} on accept,
 * {@code INVITE_ORG_ERROR} with the reason on decline, expiry and lost races.
 */
final class InvitationAcceptance {

    static final String INVITATION_ID = "tenancy_invitation_id";
    static final String ERROR_DECLINED = "invitation_declined";
    static final String ERROR_EXPIRED = "invitation_expired";
    static final String ERROR_NOT_PENDING = "invitation_not_pending";
    static final String ERROR_VOID = "invitation_void";
    static final String REGISTER_METHOD = "tenancy_invitation";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final InvitationStore store;

    InvitationAcceptance(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.store = new InvitationStore(session, realm.getId());
    }

    /** Why a link cannot be used. */
    enum Refusal {
        UNKNOWN,
        EXPIRED,
        ACCEPTED,
        DECLINED,
        REVOKED,
        TENANT_UNAVAILABLE,
        /** The member who made it may no longer invite to the tenant: nothing of it is granted. */
        VOID
    }

    /** A pending invitation, with what the pages show. */
    record Ticket(String id, String tokenHash, OrganizationModel tenant, String email, String inviterName,
            SortedSet<String> roles, List<String> groupIds, long expiresAt, String clientId, String redirectUri,
            String invitedBy, String invitedVia, boolean linkShown) {
    }

    /** An accepted invitation: who joined, and what the inviter's authority still granted. */
    record Accepted(UserModel user, InvitationAuthority.Grant grant) {
    }

    /** Either a ticket or the reason there is none. */
    record Lookup(Ticket ticket, Refusal refusal) {

        boolean valid() {
            return ticket != null;
        }
    }

    Lookup byToken(String token) {
        if (!InvitationToken.isWellFormed(token)) {
            return new Lookup(null, Refusal.UNKNOWN);
        }
        return byHash(InvitationToken.hash(token));
    }

    Lookup byHash(String tokenHash) {
        Optional<TenancyInvitationEntity> found = tokenHash == null ? Optional.empty()
                : store.findByTokenHash(tokenHash);
        if (found.isEmpty()) {
            return new Lookup(null, Refusal.UNKNOWN);
        }
        TenancyInvitationEntity invitation = found.get();
        InvitationStatus status = InvitationStatus.parse(invitation.status()).orElse(InvitationStatus.EXPIRED);
        long now = System.currentTimeMillis();
        if (status == InvitationStatus.PENDING && invitation.expiresAt() <= now) {
            // Opening the link is the invitee's step in a login flow, not a read of the API: the expiry is
            // recorded as the scheduled task records it (admin event), and the invitee's event says what they met.
            if (new InvitationExpiry(session, realm, store, TenancyAudit.bySystem(session, realm))
                    .expireIfDue(invitation, now)) {
                event(invitation, EventType.INVITE_ORG_ERROR, null).error(ERROR_EXPIRED);
            }
            status = InvitationStatus.EXPIRED;
        }
        switch (status) {
            case PENDING -> {
                OrganizationModel tenant = new TenantDirectory(session, realm).findEnabled(invitation.tenantId())
                        .orElse(null);
                if (tenant == null) {
                    return new Lookup(null, Refusal.TENANT_UNAVAILABLE);
                }
                // Checked on every look-up, so each request that may accept checks it just before.
                if (!new InvitationAuthority(session, realm).stands(tenant, invitation.invitedBy(),
                        invitation.invitedVia())) {
                    if (store.voidInvitation(invitation.id(), now)) {
                        event(invitation, EventType.INVITE_ORG_ERROR, null).error(ERROR_VOID);
                        counted(InvitationTransition.VOIDED);
                    }
                    return new Lookup(null, Refusal.VOID);
                }
                List<String> ids = List.of(invitation.id());
                return new Lookup(new Ticket(invitation.id(), invitation.tokenHash(), tenant, invitation.email(),
                        invitation.inviterName(), store.rolesOf(ids).getOrDefault(invitation.id(), new TreeSet<>()),
                        List.copyOf(store.groupsOf(ids).getOrDefault(invitation.id(), new TreeSet<>())),
                        invitation.expiresAt(), invitation.clientId(), invitation.redirectUri(),
                        invitation.invitedBy(), invitation.invitedVia(), invitation.linkShown()), null);
            }
            case ACCEPTED -> {
                return new Lookup(null, Refusal.ACCEPTED);
            }
            case DECLINED -> {
                return new Lookup(null, Refusal.DECLINED);
            }
            case REVOKED -> {
                return new Lookup(null, Refusal.REVOKED);
            }
            case VOID -> {
                return new Lookup(null, Refusal.VOID);
            }
            default -> {
                return new Lookup(null, Refusal.EXPIRED);
            }
        }
    }

    /** Reads the invitation again from the database: whether it is still pending after what others did. */
    boolean stillPending(Ticket ticket) {
        return store.findByTokenHash(ticket.tokenHash())
                .map(invitation -> {
                    store.refresh(invitation);
                    return InvitationStatus.PENDING.label().equals(invitation.status());
                })
                .orElse(false);
    }

    /** The user registered for this invitation, if any: the account that holds the invited email. */
    Optional<UserModel> invitedUser(Ticket ticket) {
        return Optional.ofNullable(session.users().getUserByEmail(realm, ticket.email()));
    }

    /**
     * Whether {@code user} may accept: their verified email is the invited one, or the realm allows any
     * signed-in user to accept.
     */
    boolean mayAccept(Ticket ticket, UserModel user) {
        // An account still asked to prove its address (one made from a shown link) never accepts, whatever
        // the realm allows: Keycloak's verify-email step runs first in the login and lifts this.
        if (user.getRequiredActionsStream().anyMatch(UserModel.RequiredAction.VERIFY_EMAIL.name()::equals)) {
            return false;
        }
        // An invitation lets someone in; it does not hand roles to the inviter, nor to someone who is in
        // already (roles of members change through the grant rule, and nobody changes their own).
        if (user.getId().equals(ticket.invitedBy())
                || organizations().isMember(ticket.tenant(), user)) {
            return false;
        }
        if (TenancyConfigAttribute.read(realm).invitationAllowDifferentEmail()) {
            return true;
        }
        return user.isEmailVerified() && user.getEmail() != null
                && user.getEmail().toLowerCase(Locale.ROOT).equals(ticket.email());
    }

    /**
     * Claims the invitation, then takes the user from {@code invitee} (an existing account, or one created
     * now) and lets them in with what the inviter may still grant ({@link InvitationAuthority}). Empty when
     * another request claimed the invitation first or it ended meanwhile; nothing is changed then and
     * {@code invitee} is not called. Claiming first means a racing request never gets as far as creating an
     * account.
     */
    Optional<Accepted> accept(Ticket ticket, Supplier<UserModel> invitee) {
        if (!store.accept(ticket.id(), ticket.tokenHash(), System.currentTimeMillis())) {
            event(ticket, EventType.INVITE_ORG_ERROR, null).error(ERROR_NOT_PENDING);
            return Optional.empty();
        }
        UserModel user = invitee.get();
        store.acceptedBy(ticket.id(), user.getId());
        InvitationAuthority.Grant grant = new InvitationAuthority(session, realm).now(ticket);
        SortedSet<String> roles = new MemberService(session, realm, TenancyAudit.none())
                .admit(ticket.tenant(), user, grant.roles());
        for (String groupId : grant.groupIds()) {
            GroupModel group = session.groups().getGroupById(realm, groupId);
            if (group != null && !user.isMemberOf(group)) {
                user.joinGroup(group);
            }
        }
        EventBuilder event = event(ticket, EventType.INVITE_ORG, user).detail("tenancy_roles", roles);
        if (grant.cut()) {
            event.detail("tenancy_dropped_roles", grant.droppedRoles())
                    .detail("tenancy_dropped_groups", grant.droppedGroups());
        }
        event.success();
        counted(InvitationTransition.ACCEPTED);
        return Optional.of(new Accepted(user, grant));
    }

    /**
     * The ticket of the newest pending invitation to the user's address, for an account made from a shown
     * link: its login has no invitation link to name the invitation, only the address it proved.
     */
    Optional<Ticket> pendingFor(UserModel user) {
        if (user.getEmail() == null) {
            return Optional.empty();
        }
        return store.pendingFor(user.getEmail().toLowerCase(Locale.ROOT), System.currentTimeMillis()).stream()
                .map(invitation -> byHash(invitation.tokenHash()))
                .filter(Lookup::valid)
                .map(Lookup::ticket)
                .findFirst();
    }

    /** Keycloak's REGISTER user event, for an account the invitation page made. */
    void registered(Ticket ticket, UserModel user) {
        event(ticket, EventType.REGISTER, user).detail(Details.REGISTER_METHOD, REGISTER_METHOD).success();
    }

    boolean decline(Ticket ticket) {
        if (!store.decline(ticket.id(), ticket.tokenHash(), System.currentTimeMillis())) {
            return false;
        }
        event(ticket, EventType.INVITE_ORG_ERROR, null).error(ERROR_DECLINED);
        counted(InvitationTransition.DECLINED);
        return true;
    }

    /** Counted once the request commits: an acceptance whose account could not be made rolls back uncounted. */
    private void counted(InvitationTransition transition) {
        TenancyMetrics.of(session).invitations(session, transition, realm.getName(), 1);
    }

    private EventBuilder event(Ticket ticket, EventType type, UserModel user) {
        return event(type, user, ticket.id(), ticket.tenant().getId(), ticket.email());
    }

    private EventBuilder event(TenancyInvitationEntity invitation, EventType type, UserModel user) {
        return event(type, user, invitation.id(), invitation.tenantId(), invitation.email());
    }

    private EventBuilder event(EventType type, UserModel user, String invitationId, String tenantId, String email) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(type)
                .detail(Details.ORG_ID, tenantId)
                .detail(INVITATION_ID, invitationId)
                .detail(Details.EMAIL, email);
        if (user != null) {
            event.user(user).detail(Details.USERNAME, user.getUsername());
        }
        return event;
    }

    private OrganizationProvider organizations() {
        return session.getProvider(OrganizationProvider.class);
    }
}
