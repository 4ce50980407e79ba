package dev.tenancy.keycloak.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.keycloak.config.ModuleLevel;
import dev.tenancy.keycloak.config.TenancyConfig;
import dev.tenancy.keycloak.config.TenancyConfigJson;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.config.TenancyConfigRepresentation;
import dev.tenancy.keycloak.json.JsonBodies;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dominance rule for module overrides: nobody raises a role above themselves or touches one above them. */
class GrantorOverrideTest {

    private static final TenancyConfig CONFIG = TenancyConfigJson.read(JsonBodies.parse("""
            {"roles": {"admin": {"permissions": ["manage-tenant", "manage-members", "view-members"]},
                       "manager": {"permissions": ["manage-tenant", "view-members"]},
                       "auditor": {"permissions": ["view-members"]},
                       "member": {}},
             "modules": {"billing": {"admin": "admin", "manager": "write", "auditor": "read", "member": "read"},
                         "reports": {"admin": "admin", "manager": "read", "auditor": "write", "member": "none"}}}
            """, TenancyConfigRepresentation.class));

    @ParameterizedTest(name = "{0} sets {1}.{2}={3}: allowed={4}")
    @CsvSource({
            // the manager (billing write, reports read) on roles at or below them
            "manager, member,  billing, write, true",
            "manager, member,  billing, none,  true",
            "manager, manager, billing, read,  true",
            "manager, member,  reports, read,  true",
            // ties are allowed, more is not
            "manager, member,  billing, admin, false",
            "manager, manager, billing, admin, false",
            "manager, member,  reports, write, false",
            // roles above them may not be touched, not even lowered
            "manager, admin,   billing, none,  false",
            // a role with lower permissions but more power on another module is above them too
            "manager, auditor, billing, none,  false",
            // the admin holds everything the others have
            "admin,   manager, billing, admin, true",
            "admin,   auditor, reports, admin, true",
    })
    void aMemberChangesOnlyRolesTheyDominate(String actor, String role, String module, String level,
            boolean allowed) {
        Grantor grantor = member(actor, Map.of());
        Map<String, Map<String, ModuleLevel>> overrides = Map.of(module, Map.of(role, ModuleLevel.parse(level).orElseThrow()));

        var check = assertThatCode(() -> grantor.requireMayOverride(overrides));
        if (allowed) {
            check.doesNotThrowAnyException();
        } else {
            check.isInstanceOf(TenancyException.class).hasMessageContaining("role '" + role + "'");
        }
    }

    @org.junit.jupiter.api.Test
    void theGrantorsOwnOverridesCountAsTheirLevel() {
        // In this tenant the manager already has admin on billing: granting admin there to member is a tie.
        Map<String, Map<String, ModuleLevel>> current = Map.of("billing", Map.of("manager", ModuleLevel.ADMIN));
        Grantor grantor = member("manager", current);
        Map<String, Map<String, ModuleLevel>> next = Map.of("billing",
                Map.of("manager", ModuleLevel.ADMIN, "member", ModuleLevel.ADMIN));

        assertThatCode(() -> grantor.requireMayOverride(next)).doesNotThrowAnyException();
    }

    @org.junit.jupiter.api.Test
    void anOverrideOfARoleAboveThatIsKeptDoesNotBlockTheChange() {
        Map<String, Map<String, ModuleLevel>> current = Map.of("billing", Map.of("admin", ModuleLevel.ADMIN));
        Grantor grantor = member("manager", current);
        Map<String, Map<String, ModuleLevel>> next = Map.of("billing",
                Map.of("admin", ModuleLevel.ADMIN, "member", ModuleLevel.NONE));

        assertThatCode(() -> grantor.requireMayOverride(next)).doesNotThrowAnyException();
    }

    @org.junit.jupiter.api.Test
    void pinningOrUnpinningARoleAboveIsRefusedEvenAtItsDefaultLevel() {
        // The override equals the realm default today, but it decides what happens when the default changes.
        Map<String, Map<String, ModuleLevel>> pinned = Map.of("billing", Map.of("admin", ModuleLevel.ADMIN));
        Grantor grantor = member("manager", Map.of());

        assertThatThrownBy(() -> grantor.requireMayOverride(pinned))
                .hasMessageContaining("role 'admin'");
        assertThatThrownBy(() -> member("manager", pinned).requireMayOverride(Map.of()))
                .hasMessageContaining("role 'admin'");
    }

    @org.junit.jupiter.api.Test
    void theRefusalNamesTheRoleTheModuleAndBothLevels() {
        Grantor grantor = member("manager", Map.of());

        assertThatThrownBy(() -> grantor.requireMayOverride(
                Map.of("billing", Map.of("manager", ModuleLevel.ADMIN))))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining("role 'manager' would have 'admin' on 'billing' where you have 'write'")
                .satisfies(e -> assertThat(((TenancyException) e).kind()).isEqualTo(TenancyException.Kind.FORBIDDEN));
    }

    @org.junit.jupiter.api.Test
    void realmAdminsAreUnboundAndSomeoneWithoutAMembershipChangesNothing() {
        Map<String, Map<String, ModuleLevel>> raised = Map.of("billing", Map.of("member", ModuleLevel.ADMIN));
        Map<String, Map<String, ModuleLevel>> today = Map.of();

        assertThatCode(() -> Grantor.realmAdmin().requireMayOverride(raised)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Grantor.nobody(new TenantMatrix(CONFIG, today)).requireMayOverride(raised))
                .isInstanceOf(TenancyException.class);
    }

    private static Grantor member(String role, Map<String, Map<String, ModuleLevel>> overrides) {
        Membership membership = new Membership(new TenantView("t", "Tenant", "tenant", null, true),
                new java.util.TreeSet<>(Set.of(role)), EffectivePermissions.of(CONFIG, Set.of(role), overrides));
        return Grantor.member("user-" + role, membership, new TenantMatrix(CONFIG, overrides));
    }
}
