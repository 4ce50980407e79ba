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
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grant rule: a member hands out, takes away or pre-assigns only roles they dominate in the tenant. */
class GrantorTest {

    static final TenancyConfig CONFIG = TenancyConfigJson.read(JsonBodies.parse("""
            {"roles": {"admin": {"permissions": ["manage-tenant", "manage-members", "manage-invitations",
                                                 "view-members"]},
                       "operator": {"permissions": ["view-members"]},
                       "member": {},
                       "analyst": {"permissions": ["view-members"]},
                       "auditor": {"permissions": ["view-members"]},
                       "recruiter": {"permissions": ["manage-members", "manage-invitations", "view-members"]}},
             "modules": {"billing": {"admin": "admin", "operator": "write", "member": "read", "analyst": "read",
                                     "auditor": "read", "recruiter": "read"},
                         "reports": {"admin": "write", "operator": "read", "member": "none", "analyst": "admin",
                                     "auditor": "write", "recruiter": "none"}}}
            """, TenancyConfigRepresentation.class));

    @ParameterizedTest(name = "{0} with {1} may change {2}: {3}")
    @CsvSource({
            // the everyday case that the old rule blocked: an admin makes colleagues operators or members
            "admin,     '',                        operator, true",
            "admin,     '',                        member,   true",
            "admin,     '',                        admin,    true",
            // nobody raises anyone above themselves
            "operator,  '',                        admin,    false",
            "operator,  '',                        member,   true",
            // a role with more module power is above its granter, whatever its permissions
            "admin,     '',                        analyst,  false",
            // ties are allowed: auditor's reports:write equals admin's
            "admin,     '',                        auditor,  true",
            // the tenant's overrides count: with analyst cut to reports:write here, admin dominates it
            "admin,     reports.analyst=write,     analyst,  true",
            // and they count for the granter too: with admin raised to reports:admin, admin dominates analyst
            "admin,     reports.admin=admin,       analyst,  true",
            // a permission the granter lacks puts a role above them even with fewer module levels
            "operator,  '',                        recruiter, false",
            "recruiter, '',                        operator, false",
            "recruiter, '',                        member,   true",
    })
    void aMemberChangesOnlyRolesTheyDominate(String held, String overrides, String role, boolean allowed) {
        Grantor grantor = member(held, overrides(overrides));

        var check = assertThatCode(() -> grantor.requireMayChange(Set.of(role)));
        if (allowed) {
            check.doesNotThrowAnyException();
            assertThat(grantor.beyond(Set.of(role))).isEmpty();
        } else {
            check.isInstanceOf(TenancyException.class).hasMessageContaining("role '" + role + "'");
            assertThat(grantor.beyond(Set.of(role))).containsExactly(role);
        }
    }

    @Test
    void theRefusalNamesTheRoleTheModuleAndBothLevels() {
        assertThatThrownBy(() -> member("admin", Map.of()).requireMayChange(Set.of("analyst", "member")))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining("role 'analyst' has 'admin' on 'reports' where you have 'write'")
                .hasMessageNotContaining("'member'")
                .satisfies(e -> assertThat(((TenancyException) e).kind()).isEqualTo(TenancyException.Kind.FORBIDDEN));
        assertThatThrownBy(() -> member("operator", Map.of()).requireMayChange(Set.of("recruiter")))
                .hasMessageContaining("role 'recruiter' grants [manage-invitations, manage-members]");
    }

    @Test
    void aRealmAdminIsBoundByNothingAndAddsMembersDirectly() {
        assertThat(Grantor.realmAdmin().mayAddMembers()).isTrue();
        assertThat(member("admin", Map.of()).mayAddMembers()).isFalse();
        assertThatCode(() -> Grantor.realmAdmin().requireMayChange(Set.of("analyst", "anything")))
                .doesNotThrowAnyException();
        assertThat(Grantor.realmAdmin().beyond(Set.of("analyst"))).isEmpty();
        assertThat(Grantor.realmAdmin().isMember("someone")).isFalse();
    }

    @Test
    void someoneWhoHoldsNothingGrantsOnlyRolesThatGiveNothing() {
        TenancyConfig config = TenancyConfigJson.read(JsonBodies.parse(
                "{\"roles\": {\"admin\": {\"permissions\": [\"view-members\"]}, \"guest\": {}},"
                        + " \"modules\": {\"billing\": {\"admin\": \"read\"}}}", TenancyConfigRepresentation.class));
        Grantor nobody = Grantor.nobody(new TenantMatrix(config, Map.of()));

        assertThat(nobody.beyond(Set.of("admin", "guest"))).containsExactly("admin");
    }

    @Test
    void aMemberKnowsWhenTheyActOnThemselves() {
        Grantor grantor = member("admin", Map.of());

        assertThat(grantor.isMember("user-admin")).isTrue();
        assertThat(grantor.isMember("someone-else")).isFalse();
    }

    static Grantor member(String role, Map<String, Map<String, ModuleLevel>> overrides) {
        TenantMatrix tenant = new TenantMatrix(CONFIG, overrides);
        Membership membership = new Membership(new TenantView("t", "Tenant", "tenant", null, true),
                new TreeSet<>(Set.of(role)), EffectivePermissions.of(CONFIG, Set.of(role), overrides));
        return Grantor.member("user-" + role, membership, tenant);
    }

    /** {@code reports.analyst=write;billing.admin=read} as module → role → level. */
    private static Map<String, Map<String, ModuleLevel>> overrides(String text) {
        Map<String, Map<String, ModuleLevel>> overrides = new java.util.HashMap<>();
        Arrays.stream(text.split(";")).filter(entry -> !entry.isBlank()).forEach(entry -> {
            String[] keyAndLevel = entry.split("=");
            String[] moduleAndRole = keyAndLevel[0].split("\\.");
            overrides.computeIfAbsent(moduleAndRole[0], module -> new java.util.HashMap<>())
                    .put(moduleAndRole[1], ModuleLevel.parse(keyAndLevel[1]).orElseThrow());
        });
        return overrides;
    }
}
