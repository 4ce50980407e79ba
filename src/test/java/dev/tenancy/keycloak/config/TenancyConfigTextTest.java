package dev.tenancy.keycloak.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.keycloak.error.TenancyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TenancyConfigTextTest {

    @Test
    void readsOneRoleAndOneModulePerLine() {
        TenancyConfig config = TenancyConfigText.parse(new TenancyConfigText.Fields(
                "# roles\nadmin: manage-members, view-members\n\nmember:\n",
                "billing: admin=admin, member = read",
                " 3600 ", "acme", " true ", " backend, batch-job ,"));

        assertThat(config.permissionsOf("admin"))
                .containsExactlyInAnyOrder(TenancyPermission.MANAGE_MEMBERS, TenancyPermission.VIEW_MEMBERS);
        assertThat(config.permissionsOf("member")).isEmpty();
        assertThat(config.defaultLevel("member", "billing")).isEqualTo(ModuleLevel.READ);
        assertThat(config.invitationLifespanSeconds()).isEqualTo(3600);
        assertThat(config.apiKeyPrefix()).isEqualTo("acme");
        assertThat(config.invitationAllowDifferentEmail()).isTrue();
        assertThat(config.apiKeyClients()).containsExactly("backend", "batch-job");
    }

    @Test
    void formatThenParseGivesTheSameConfiguration() {
        TenancyConfig config = TenancyConfigText.parse(new TenancyConfigText.Fields(
                "owner: manage-tenant\noperator: view-members\nmember:", "billing: owner=admin, operator=write\nreports:",
                "7200", "tnc", "true", "backend"));

        assertThat(TenancyConfigText.parse(TenancyConfigText.format(config))).isEqualTo(config);
        assertThat(TenancyConfigText.parse(TenancyConfigText.format(TenancyConfig.defaults())))
                .isEqualTo(TenancyConfig.defaults());
    }

    @Test
    void emptySettingsTakeTheirDefaults() {
        TenancyConfig config = TenancyConfigText.parse(new TenancyConfigText.Fields("admin:", "", " ", null, "", null));

        assertThat(config.invitationLifespanSeconds()).isEqualTo(TenancyConfig.DEFAULT_INVITATION_LIFESPAN_SECONDS);
        assertThat(config.apiKeyPrefix()).isEqualTo(TenancyConfig.DEFAULT_API_KEY_PREFIX);
        assertThat(config.invitationAllowDifferentEmail()).isFalse();
        assertThat(config.apiKeyClients()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "admin manage-members|''|60|roles line 1: expected 'name: …'",
        "admin:\\nadmin: view-members|''|60|roles line 2: 'admin' appears twice",
        "admin: fly|''|60|unknown permission 'fly'",
        "admin:|billing: admin|60|modules line 1: 'admin' must be role=level",
        "admin:|billing: ghost=read|60|unknown role 'ghost'",
        "admin:|billing: admin=owner|60|'modules.billing.admin' must be one of",
        "admin:|''|soon|'invitationLifespanSeconds' must be a whole number",
        "''|''|60|at least one role",
    })
    void mistakesAreReportedWithTheLineOrField(String roles, String modules, String lifespan, String message) {
        TenancyConfigText.Fields fields = new TenancyConfigText.Fields(roles.replace("\\n", "\n"), modules, lifespan, "tnc",
                "false", "");

        assertThatThrownBy(() -> TenancyConfigText.parse(fields))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining(message);
    }

    @Test
    void theEmailSwitchIsTrueOrFalse() {
        assertThatThrownBy(() -> TenancyConfigText.parse(new TenancyConfigText.Fields("admin:", "", "", "", "yes", "")))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining("'invitationAllowDifferentEmail' must be true or false");
    }
}
