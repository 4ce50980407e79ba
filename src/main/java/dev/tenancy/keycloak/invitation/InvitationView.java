package dev.tenancy.keycloak.invitation;

import java.util.List;
import java.util.SortedSet;

/**
 * An invitation as read, with the names of its roles and groups; {@link InvitationRepresentation} is how the APIs
 * show it. There is no field for the token: it is not stored.
 */
record InvitationView(
        String id,
        String tenantId,
        String email,
        InvitationStatus status,
        SortedSet<String> roles,
        List<String> groups,
        String invitedBy,
        String inviterName,
        long createdAt,
        long sentAt,
        long expiresAt,
        Long acceptedAt,
        String acceptedBy,
        Long declinedAt,
        Long revokedAt,
        String revokedBy,
        String clientId,
        String redirectUri,
        String locale,
        boolean linkShown,
        String invitedVia,
        int resendCount) {
}
