package dev.tenancy.keycloak.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvitationTokenTest {

    @Test
    void aTokenIs256RandomBitsInBase64Url() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String value = InvitationToken.generate().value();
            assertThat(value).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(InvitationToken.isWellFormed(value)).isTrue();
            seen.add(value);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void onlyTheSha256IsKeptAndItIsStable() {
        InvitationToken token = InvitationToken.generate();

        assertThat(token.hash()).hasSize(64).matches("[0-9a-f]+").isEqualTo(InvitationToken.hash(token.value()));
        assertThat(token.hash()).doesNotContain(token.value());
        assertThat(InvitationToken.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void strangeTextIsNotAToken() {
        assertThat(InvitationToken.isWellFormed(null)).isFalse();
        assertThat(InvitationToken.isWellFormed("")).isFalse();
        assertThat(InvitationToken.isWellFormed("A".repeat(42))).isFalse();
        assertThat(InvitationToken.isWellFormed("A".repeat(44))).isFalse();
        assertThat(InvitationToken.isWellFormed("A".repeat(42) + "=")).isFalse();
        assertThat(InvitationToken.isWellFormed("A".repeat(42) + "%")).isFalse();
    }

    @Test
    void thePendingKeyIsOnePerTenantAndEmailWhateverTheCase() {
        assertThat(InvitationToken.pendingKey("t1", "Ann@Example.com"))
                .isEqualTo(InvitationToken.pendingKey("t1", "ann@example.com"))
                .isNotEqualTo(InvitationToken.pendingKey("t2", "ann@example.com"))
                .isNotEqualTo(InvitationToken.pendingKey("t1", "bob@example.com"));
    }
}
