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

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
