package dev.tenancy.keycloak.invitation;

import java.util.List;

/** What an accepted invitation did not grant, as the pages list it (empty lists when nothing was dropped). */
public final class InvitationDropped {

    private final List<String> roles;
    private final List<String> groups;

    private InvitationDropped(List<String> roles, List<String> groups) {
        this.roles = roles;
        this.groups = groups;
    }

    static InvitationDropped of(InvitationAuthority.Grant grant) {
        return new InvitationDropped(List.copyOf(grant.droppedRoles()), List.copyOf(grant.droppedGroups()));
    }

    public List<String> getRoles() {
        return roles;
    }

    public List<String> getGroups() {
        return groups;
    }
}
