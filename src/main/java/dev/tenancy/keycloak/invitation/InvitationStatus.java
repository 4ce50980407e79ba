package dev.tenancy.keycloak.invitation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an invitation stands. Only {@link #PENDING} can change; every other status is final. */
enum InvitationStatus {
    PENDING,
    ACCEPTED,
    DECLINED,
    REVOKED,
    EXPIRED,
    /**
     * Ended by the extension, not by a person: a member's invitation whose inviter left the tenant, was
     * disabled or deleted, or lost {@code manage-invitations}. Its authority went with them.
     */
    VOID;

    static Optional<InvitationStatus> parse(String text) {
        return Arrays.stream(values()).filter(status -> status.label().equals(text)).findFirst();
    }

    /**
     * The status a reader is shown: a pending invitation whose time is up is expired, whether or not the row
     * says so yet (the scheduled {@link InvitationExpiryTask} or the next write records it). An unknown stored
     * value reads as expired, never as something that can still be accepted.
     */
    static InvitationStatus shown(String stored, long expiresAt, long now) {
        InvitationStatus status = parse(stored).orElse(EXPIRED);
        return status == PENDING && expiresAt <= now ? EXPIRED : status;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
