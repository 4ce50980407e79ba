package dev.tenancy.keycloak.invitation;

import dev.tenancy.keycloak.config.TenancyPermission;
import dev.tenancy.keycloak.tenant.Grantor;
import dev.tenancy.keycloak.tenant.MembershipService;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Whether an invitation still stands, and what it may still grant, when it is accepted. An invitation made
 * by a tenant member rests on that member's authority: it is void once the inviter is no longer an enabled
 * member holding {@code manage-invitations} in the tenant; otherwise its roles are cut to what the inviter
 * could grant now (the same {@link Grantor} rule as at creation), and it keeps no groups (only realm admins
 * hand those out).
 */
final class InvitationAuthority {

    static final String VIA_ADMIN = "admin";
    static final String VIA_MEMBER = "member";

    private final KeycloakSession session;
    private final RealmModel realm;

    InvitationAuthority(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** What is granted, and what was dropped (group paths, for the invitee to read). */
    record Grant(SortedSet<String> roles, List<String> groupIds, SortedSet<String> droppedRoles,
            List<String> droppedGroups) {

        boolean cut() {
            return !droppedRoles.isEmpty() || !droppedGroups.isEmpty();
        }
    }

    /**
     * False when a member's invitation (or an older one that does not say who made it) lost its inviter's
     * authority: the inviter was deleted or disabled, left the tenant, or may no longer invite there.
     * Admin-made invitations are not re-checked here (see docs/decisions.md).
     */
    boolean stands(OrganizationModel tenant, String invitedBy, String invitedVia) {
        if (VIA_ADMIN.equals(invitedVia)) {
            return true;
        }
        UserModel inviter = invitedBy == null ? null : session.users().getUserById(realm, invitedBy);
        if (inviter == null || !inviter.isEnabled()) {
            return false;
        }
        return new MembershipService(session, realm).in(tenant, inviter)
                .map(membership -> membership.has(TenancyPermission.MANAGE_INVITATIONS))
                .orElse(false);
    }

    Grant now(InvitationAcceptance.Ticket ticket) {
        if (VIA_ADMIN.equals(ticket.invitedVia())) {
            return new Grant(ticket.roles(), ticket.groupIds(), new TreeSet<>(), List.of());
        }
        // A member's invitation, or an older one that does not say (checked the strict way).
        SortedSet<String> dropped = inviterNow(ticket).beyond(ticket.roles());
        SortedSet<String> roles = new TreeSet<>(ticket.roles());
        roles.removeAll(dropped);
        List<String> droppedGroups = new ArrayList<>();
        for (String groupId : ticket.groupIds()) {
            GroupModel group = session.groups().getGroupById(realm, groupId);
            if (group != null) {
                droppedGroups.add(KeycloakModelUtils.buildGroupPath(group));
            }
        }
        return new Grant(roles, List.of(), dropped, droppedGroups);
    }

    private Grantor inviterNow(InvitationAcceptance.Ticket ticket) {
        MembershipService memberships = new MembershipService(session, realm);
        UserModel inviter = ticket.invitedBy() == null ? null : session.users().getUserById(realm, ticket.invitedBy());
        if (inviter == null || !inviter.isEnabled()) {
            return Grantor.nobody(memberships.matrix(ticket.tenant()));
        }
        return memberships.grantorIn(ticket.tenant(), inviter);
    }
}
