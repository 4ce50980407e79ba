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
    EXPIRED;

    static Optional<InvitationStatus> parse(String text) {
        return Arrays.stream(values()).filter(status -> status.label().equals(text)).findFirst();
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
