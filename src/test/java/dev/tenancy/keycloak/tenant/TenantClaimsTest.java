package dev.tenancy.keycloak.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.keycloak.config.ModuleLevel;
import dev.tenancy.keycloak.support.Json;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TenantClaimsTest {

    private static final List<Membership> MEMBERSHIPS = List.of(
            membership("id-acme", "acme", "ACME", Set.of("admin", "member"), ModuleLevel.ADMIN),
            membership("id-globex", "globex", "Globex", Set.of(), ModuleLevel.NONE));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "FULL    | {\"acme\":{\"id\":\"id-acme\",\"name\":\"ACME\",\"roles\":[\"admin\",\"member\"],\"modules\":{\"billing\":\"admin\"}},"
                + "\"globex\":{\"id\":\"id-globex\",\"name\":\"Globex\",\"roles\":[],\"modules\":{\"billing\":\"none\"}}}",
        "ROLES   | {\"acme\":{\"roles\":[\"admin\",\"member\"]},\"globex\":{\"roles\":[]}}",
        "ALIASES | {\"acme\":{},\"globex\":{}}",
    })
    void eachShapeWritesExactlyItsFieldsKeyedByAlias(TenantsClaimShape shape, String json) {
        assertThat(Json.write(TenantClaims.tenants(MEMBERSHIPS, shape))).isEqualTo(json);
    }

    @Test
    void theShapeOfOldIsFull() {
        assertThat(TenantClaims.tenants(MEMBERSHIPS)).isEqualTo(TenantClaims.tenants(MEMBERSHIPS, TenantsClaimShape.FULL));
    }

    @Test
    void theActiveTenantHasRolesAndModulesWhateverTheShape() {
        assertThat(Json.write(TenantClaims.tenant(MEMBERSHIPS, "id-acme").orElseThrow())).isEqualTo(
                "{\"id\":\"id-acme\",\"alias\":\"acme\",\"roles\":[\"admin\",\"member\"],\"modules\":{\"billing\":\"admin\"}}");
    }

    @Test
    void theTruncationMarkerGivesTheTotalAndTheAddressOfTheFullList() {
        assertThat(Json.write(TenantClaims.truncated(1000, "https://sso.example.com/realms/r/tenancy/me/tenants")))
                .isEqualTo("{\"total\":1000,\"url\":\"https://sso.example.com/realms/r/tenancy/me/tenants\"}");
    }

    @ParameterizedTest
    @CsvSource({"full,FULL", "roles,ROLES", "aliases,ALIASES"})
    void shapesAreNamedInLowerCase(String label, TenantsClaimShape shape) {
        assertThat(TenantsClaimShape.named(label)).contains(shape);
        assertThat(shape.label()).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource({"FULL", "Roles", "alias", "''", "compact"})
    void otherNamesAreNoShape(String label) {
        assertThat(TenantsClaimShape.named(label)).isEmpty();
    }

    private static Membership membership(String id, String alias, String name, Set<String> roles, ModuleLevel billing) {
        TreeMap<String, ModuleLevel> modules = new TreeMap<>();
        modules.put("billing", billing);
        return new Membership(new TenantView(id, name, alias, null, true), new TreeSet<>(roles),
                new EffectivePermissions(Set.of(), modules));
    }
}
