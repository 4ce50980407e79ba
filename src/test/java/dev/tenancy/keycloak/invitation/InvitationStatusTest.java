package dev.tenancy.keycloak.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvitationStatusTest {

    @Test
    void voidIsAStatusOfItsOwnThatTheApiCanFilterBy() {
        assertThat(InvitationStatus.parse("void")).contains(InvitationStatus.VOID);
        assertThat(InvitationStatus.VOID.label()).isEqualTo("void");
        assertThat(InvitationStatus.parse("VOID")).isEmpty();
    }

    @ParameterizedTest(name = "{0}, expiring {1} ms from now, shows as {2}")
    @CsvSource({
        "pending, 1, PENDING",
        "pending, 0, EXPIRED",
        "pending, -1, EXPIRED",
        "expired, 1000, EXPIRED",
        "accepted, -1000, ACCEPTED",
        "declined, -1000, DECLINED",
        "revoked, -1000, REVOKED",
        "void, -1000, VOID",
        "garbage, 1000, EXPIRED",
    })
    void aPendingInvitationPastItsTimeShowsAsExpiredAndEveryOtherStatusAsStored(String stored, long fromNow,
            InvitationStatus shown) {
        long now = 1_700_000_000_000L;

        assertThat(InvitationStatus.shown(stored, now + fromNow, now)).isEqualTo(shown);
    }
}
