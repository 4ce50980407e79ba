package dev.tenancy.keycloak.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.keycloak.config.ModuleLevel;
import dev.tenancy.keycloak.config.TenancyConfig;
import dev.tenancy.keycloak.config.TenancyConfigJson;
import dev.tenancy.keycloak.config.TenancyPermission;
import dev.tenancy.keycloak.config.TenancyConfigRepresentation;
import dev.tenancy.keycloak.json.JsonBodies;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EffectivePermissionsTest {

    private static final TenancyConfig CONFIG = TenancyConfigJson.read(JsonBodies.parse("""
            {"roles": {"admin": {"permissions": ["manage-members", "manage-tenant"]},
                       "operator": {"permissions": ["view-members"]}, "member": {}},
             "modules": {"billing": {"admin": "admin", "operator": "write", "member": "read"},
                         "reports": {"operator": "read"}}}
            """, TenancyConfigRepresentation.class));

    @ParameterizedTest
    @CsvSource({
        "member,READ,NONE",
        "operator,WRITE,READ",
        "admin,ADMIN,NONE",
        "'member,operator',WRITE,READ",
        "'admin,member',ADMIN,NONE",
        "'',NONE,NONE",
        "ghost,NONE,NONE",
    })
    void eachModuleGetsTheHighestLevelOfTheHeldRoles(String roles, ModuleLevel billing, ModuleLevel reports) {
        EffectivePermissions effective = EffectivePermissions.of(CONFIG, roleSet(roles), Map.of());

        assertThat(effective.level("billing")).isEqualTo(billing);
        assertThat(effective.level("reports")).isEqualTo(reports);
        assertThat(effective.modules()).containsOnlyKeys("billing", "reports");
    }

    @Test
    void permissionsAreTheUnionOfTheHeldRoles() {
        EffectivePermissions effective = EffectivePermissions.of(CONFIG, Set.of("operator", "admin"), Map.of());

        assertThat(effective.permissions()).containsExactlyInAnyOrder(TenancyPermission.MANAGE_MEMBERS,
                TenancyPermission.MANAGE_TENANT, TenancyPermission.VIEW_MEMBERS);
        assertThat(effective.has(TenancyPermission.MANAGE_API_KEYS)).isFalse();
    }

    @Test
    void aTenantOverrideReplacesTheRealmDefaultEvenDownwards() {
        Map<String, Map<String, ModuleLevel>> overrides = Map.of(
                "billing", Map.of("operator", ModuleLevel.ADMIN, "admin", ModuleLevel.READ));

        assertThat(EffectivePermissions.of(CONFIG, Set.of("operator"), overrides).level("billing"))
                .isEqualTo(ModuleLevel.ADMIN);
        assertThat(EffectivePermissions.of(CONFIG, Set.of("admin"), overrides).level("billing"))
                .isEqualTo(ModuleLevel.READ);
        assertThat(EffectivePermissions.of(CONFIG, Set.of("member"), overrides).level("billing"))
                .isEqualTo(ModuleLevel.READ);
    }

    @Test
    void theMatrixCoversEveryRoleAndModule() {
        var matrix = EffectivePermissions.matrix(CONFIG, Map.of("reports", Map.of("member", ModuleLevel.WRITE)));

        assertThat(matrix).containsOnlyKeys("billing", "reports");
        assertThat(matrix.get("reports")).containsEntry("admin", ModuleLevel.NONE)
                .containsEntry("operator", ModuleLevel.READ)
                .containsEntry("member", ModuleLevel.WRITE);
    }

    private static Set<String> roleSet(String roles) {
        return roles.isEmpty() ? Set.of() : Set.of(roles.split(","));
    }
}
