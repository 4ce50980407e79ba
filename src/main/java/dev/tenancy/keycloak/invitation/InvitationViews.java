package dev.tenancy.keycloak.invitation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Turns invitation rows into what the API shows: roles and groups of a whole page in two queries. */
final class InvitationViews {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final InvitationStore store;

    InvitationViews(KeycloakSession session, RealmModel realm, InvitationStore store) {
        this.session = session;
        this.realm = realm;
        this.store = store;
    }

    InvitationView of(TenancyInvitationEntity invitation) {
        return of(List.of(invitation)).get(0);
    }

    List<InvitationView> of(List<TenancyInvitationEntity> invitations) {
        List<String> ids = invitations.stream().map(TenancyInvitationEntity::id).toList();
        Map<String, SortedSet<String>> roles = store.rolesOf(ids);
        Map<String, SortedSet<String>> groups = store.groupsOf(ids);
        return invitations.stream()
                .map(invitation -> view(invitation, roles.getOrDefault(invitation.id(), new TreeSet<>()),
                        groupPaths(groups.getOrDefault(invitation.id(), new TreeSet<>()))))
                .toList();
    }

    /** A pending invitation whose time is up shows as expired even before anyone marked it so. */
    static InvitationView view(TenancyInvitationEntity invitation, SortedSet<String> roles, List<String> groups) {
        InvitationStatus status = InvitationStatus.shown(invitation.status(), invitation.expiresAt(),
                System.currentTimeMillis());
        return new InvitationView(invitation.id(), invitation.tenantId(), invitation.email(), status, roles, groups,
                invitation.invitedBy(), invitation.inviterName(), invitation.createdAt(), invitation.sentAt(),
                invitation.expiresAt(), invitation.acceptedAt(), invitation.acceptedBy(), invitation.declinedAt(),
                invitation.revokedAt(), invitation.revokedBy(), invitation.clientId(), invitation.redirectUri(),
                invitation.locale(), invitation.linkShown(), invitation.invitedVia(), invitation.resendCount());
    }

    /** "First Last", or the username when the user has no name. */
    static String displayName(UserModel user) {
        if (user == null) {
            return null;
        }
        String name = String.join(" ", Objects.toString(user.getFirstName(), ""),
                Objects.toString(user.getLastName(), "")).strip();
        return name.isEmpty() ? user.getUsername() : name;
    }

    /** Paths of the groups that still exist; a deleted group drops out. */
    private List<String> groupPaths(SortedSet<String> groupIds) {
        return groupIds.stream()
                .map(id -> session.groups().getGroupById(realm, id))
                .filter(Objects::nonNull)
                .map(KeycloakModelUtils::buildGroupPath)
                .sorted()
                .toList();
    }
}
