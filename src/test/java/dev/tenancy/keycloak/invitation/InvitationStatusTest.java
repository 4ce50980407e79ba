package dev.tenancy.keycloak.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvitationStatusTest {

    @Test
    void voidIsAStatusOfItsOwnThatTheApiCanFilterBy() {
        assertThat(InvitationStatus.parse("void")).contains(InvitationStatus.VOID);
        assertThat(InvitationStatus.VOID.label()).isEqualTo("void");
        assertThat(InvitationStatus.parse("VOID")).isEmpty();
    }
}
