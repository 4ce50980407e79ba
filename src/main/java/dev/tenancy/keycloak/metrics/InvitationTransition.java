package dev.tenancy.keycloak.metrics;

/** What happened to an invitation: tag {@code transition} of {@code tenancy.invitations}. */
public enum InvitationTransition {
    CREATED,
    /** A new link (and expiry) for a pending invitation. */
    RESENT,
    ACCEPTED,
    DECLINED,
    REVOKED,
    /** Recorded as expired (by the scheduled task, a new invitation to the address, or the invitee's click). */
    EXPIRED,
    /** Ended because the member who made it lost the authority to invite (left, demoted, disabled, deleted). */
    VOIDED
}
