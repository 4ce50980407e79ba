package dev.tenancy.keycloak.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.keycloak.config.ModuleLevel;
import dev.tenancy.keycloak.error.TenancyException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyScopesTest {

    @Test
    void scopesAreModuleColonLevelAndTheHighestOfADuplicateWins() {
        ApiKeyScopes scopes = ApiKeyScopes.parse(List.of("reports:read", "billing:write", "reports:admin"));

        assertThat(scopes.levels()).containsExactly(Map.entry("billing", ModuleLevel.WRITE),
                Map.entry("reports", ModuleLevel.ADMIN));
        assertThat(scopes.stored()).isEqualTo("billing:write reports:admin");
        assertThat(ApiKeyScopes.ofStored(scopes.stored())).isEqualTo(scopes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"billing", "billing:", "billing:none", "billing:owner", ":read", "Billing:read",
        "bill ing:read"})
    void malformedScopesAreRejected(String scope) {
        assertThatThrownBy(() -> ApiKeyScopes.parse(List.of(scope)))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining("'scopes' has an invalid entry");
    }

    @Test
    void aKeyIsCutToWhatTheOwnerHoldsNow() {
        ApiKeyScopes scopes = ApiKeyScopes.parse(List.of("billing:admin", "reports:read", "audit:write"));

        ApiKeyScopes cut = scopes.cutTo(Map.of("billing", ModuleLevel.READ, "reports", ModuleLevel.ADMIN,
                "audit", ModuleLevel.NONE));

        assertThat(cut.levels()).containsExactly(Map.entry("billing", ModuleLevel.READ),
                Map.entry("reports", ModuleLevel.READ));
        assertThat(scopes.cutTo(Map.of()).levels()).isEmpty();
    }

    @Test
    void scopesBeyondTheOwnerAreNamed() {
        ApiKeyScopes scopes = ApiKeyScopes.parse(List.of("billing:admin", "reports:read"));

        assertThat(scopes.beyond(Map.of("billing", ModuleLevel.WRITE, "reports", ModuleLevel.READ)))
                .containsExactly(Map.entry("billing", ModuleLevel.ADMIN));
        assertThat(scopes.beyond(Map.of("billing", ModuleLevel.ADMIN, "reports", ModuleLevel.WRITE))).isEmpty();
    }
}
