package dev.tenancy.keycloak.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.keycloak.error.TenancyException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantorTest {

    @Test
    void aMemberMayChangeOnlyRolesTheyHold() {
        Grantor operator = Grantor.member(Set.of("operator", "member"));

        assertThatCode(() -> operator.requireMayChange(Set.of("member", "operator"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> operator.requireMayChange(Set.of("member", "admin")))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining("[admin]")
                .satisfies(e -> assertThat(((TenancyException) e).status()).isEqualTo(403));
    }

    @Test
    void onlyARealmAdminAddsMembersDirectly() {
        assertThat(Grantor.realmAdmin().mayAddMembers()).isTrue();
        assertThat(Grantor.member(Set.of("admin")).mayAddMembers()).isFalse();
        assertThatCode(() -> Grantor.realmAdmin().requireMayChange(Set.of("anything"))).doesNotThrowAnyException();
    }

    @Test
    void beyondNamesWhatRequireMayChangeRefuses() {
        assertThat(Grantor.member(Set.of("operator")).beyond(Set.of("operator", "admin"))).containsExactly("admin");
        assertThat(Grantor.nobody().beyond(Set.of("member", "admin"))).containsExactly("admin", "member");
        assertThat(Grantor.realmAdmin().beyond(Set.of("anything"))).isEmpty();
    }
}
