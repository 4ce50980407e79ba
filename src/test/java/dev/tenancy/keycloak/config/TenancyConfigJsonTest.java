package dev.tenancy.keycloak.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.JsonBodies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TenancyConfigJsonTest {

    private static final String VALID = """
            {"roles": {"admin": {"permissions": ["manage-members", "manage-tenant"]},
                       "operator": {"permissions": ["view-members"]}, "member": {}},
             "modules": {"billing": {"admin": "admin", "operator": "write", "member": "read"}},
             "invitationLifespanSeconds": 3600, "apiKeyPrefix": "acme", "invitationAllowDifferentEmail": true,
             "apiKeyClients": ["backend"], "apiKeyIntrospectionClients": ["orders-api"],
             "invitationMailsPerSenderPerHour": 5, "invitationMailsPerTenantPerHour": 50, "invitationMaxResends": 0}
            """;

    @Test
    void readsTheDocumentedShape() {
        TenancyConfig config = read(VALID);

        assertThat(config.roles()).containsOnlyKeys("admin", "operator", "member");
        assertThat(config.permissionsOf("admin"))
                .containsExactlyInAnyOrder(TenancyPermission.MANAGE_MEMBERS, TenancyPermission.MANAGE_TENANT);
        assertThat(config.permissionsOf("member")).isEmpty();
        assertThat(config.defaultLevel("operator", "billing")).isEqualTo(ModuleLevel.WRITE);
        assertThat(config.defaultLevel("operator", "reports")).isEqualTo(ModuleLevel.NONE);
        assertThat(config.invitationLifespanSeconds()).isEqualTo(3600);
        assertThat(config.apiKeyPrefix()).isEqualTo("acme");
        assertThat(config.invitationAllowDifferentEmail()).isTrue();
        assertThat(config.apiKeyClients()).containsExactly("backend");
        assertThat(config.introspectionClients()).containsExactly("orders-api");
        assertThat(config.invitationLimits()).isEqualTo(new InvitationLimits(5, 50, 0));
    }

    @Test
    void writesWhatItReads() throws Exception {
        TenancyConfig config = read(VALID);
        String written = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(TenancyConfigJson.write(config));

        assertThat(read(written)).isEqualTo(config);
    }

    @Test
    void missingSettingsTakeTheirDefaults() {
        TenancyConfig config = read("{\"roles\": {\"admin\": {\"permissions\": []}}}");

        assertThat(config.invitationLifespanSeconds()).isEqualTo(TenancyConfig.DEFAULT_INVITATION_LIFESPAN_SECONDS);
        assertThat(config.apiKeyPrefix()).isEqualTo("tnc");
        assertThat(config.invitationAllowDifferentEmail()).isFalse();
        assertThat(config.modules()).isEmpty();
        assertThat(config.invitationLimits()).isEqualTo(InvitationLimits.DEFAULTS);
    }

    @Test
    void introspectionClientsFollowTheExchangeClientsUntilSet() {
        TenancyConfig unset = read("{\"roles\": {\"admin\": {}}, \"apiKeyClients\": [\"backend\"]}");
        TenancyConfig empty = read("{\"roles\": {\"admin\": {}}, \"apiKeyClients\": [\"backend\"], "
                + "\"apiKeyIntrospectionClients\": []}");

        assertThat(unset.introspectionClients()).containsExactly("backend");
        assertThat(empty.introspectionClients()).isEmpty();
        assertThat(TenancyConfigJson.write(unset).apiKeyIntrospectionClients()).isNull();
        assertThat(JsonBodies.write(TenancyConfigJson.write(unset))).doesNotContain("apiKeyIntrospectionClients");
    }

    @Test
    void defaultsGiveAdminEveryPermissionAndOperatorViewMembers() {
        TenancyConfig defaults = TenancyConfig.defaults();

        assertThat(defaults.permissionsOf("admin")).containsExactlyInAnyOrder(TenancyPermission.values());
        assertThat(defaults.permissionsOf("operator")).containsExactly(TenancyPermission.VIEW_MEMBERS);
        assertThat(defaults.permissionsOf("member")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}|Field 'roles' is required",
        "{\"roles\": {}}|at least one role",
        "{\"roles\": []}|'roles' must be a JSON object",
        "{\"roles\": {\"Admin\": {}}}|'roles.Admin' is not a valid name",
        "{\"roles\": {\"admin\": {\"permissions\": [\"fly\"]}}}|unknown permission 'fly'",
        "{\"roles\": {\"admin\": {\"permissions\": \"manage-tenant\"}}}|'roles.admin.permissions' must be an array",
        "{\"roles\": {\"admin\": {\"perms\": []}}}|Unknown field 'roles.admin.perms'",
        "{\"roles\": {\"admin\": {}}, \"modules\": {\"billing\": {\"ghost\": \"read\"}}}|unknown role 'ghost'",
        "{\"roles\": {\"admin\": {}}, \"modules\": {\"billing\": {\"admin\": \"owner\"}}}|'modules.billing.admin' must be one of",
        "{\"roles\": {\"admin\": {}}, \"modules\": {\"billing\": {\"admin\": 3}}}|'modules.billing.admin' must be one of",
        "{\"roles\": {\"admin\": {}}, \"invitationLifespanSeconds\": 5}|between 60 and",
        "{\"roles\": {\"admin\": {}}, \"invitationLifespanSeconds\": \"1h\"}|must be a whole number",
        "{\"roles\": {\"admin\": {}}, \"apiKeyPrefix\": \"TNC_\"}|'apiKeyPrefix' must match",
        "{\"roles\": {\"admin\": {}}, \"colour\": \"red\"}|Unknown field 'colour'",
    })
    void rejectsInconsistentDocumentsNamingTheField(String json, String message) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((TenancyException) e).kind()).isEqualTo(TenancyException.Kind.INVALID));
    }

    private static TenancyConfig read(String json) {
        return TenancyConfigJson.read(JsonBodies.parse(json, TenancyConfigRepresentation.class));
    }
}
