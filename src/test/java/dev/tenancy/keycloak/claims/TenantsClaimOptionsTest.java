package dev.tenancy.keycloak.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.keycloak.tenant.TenantsClaimShape;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TenantsClaimOptionsTest {

    @Test
    void aMapperWithoutTheOptionsListsFiftyTenantsWithTheirRoles() {
        assertThat(TenantsClaimOptions.of(Map.of()))
                .isEqualTo(TenantsClaimOptions.DEFAULT)
                .isEqualTo(new TenantsClaimOptions(TenantsClaimShape.ROLES, 50));
        assertThat(TenantsClaimOptions.problem(Map.of())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "full,    1,   FULL,    1",
        "roles,   250, ROLES,   250",
        "aliases, 20,  ALIASES, 20",
        "' full ', ' 7 ', FULL, 7",
        "'',      '',  ROLES,   50",
    })
    void validOptionsAreTaken(String shape, String limit, TenantsClaimShape expectedShape, int expectedLimit) {
        Map<String, String> config = config(shape, limit);

        assertThat(TenantsClaimOptions.problem(config)).isEmpty();
        assertThat(TenantsClaimOptions.of(config)).isEqualTo(new TenantsClaimOptions(expectedShape, expectedLimit));
    }

    @ParameterizedTest
    @CsvSource({"compact", "FULL", "role", "{0}", "it's"})
    void anUnknownShapeIsRefusedNamingTheShapes(String shape) {
        Map<String, String> config = config(shape, "10");

        assertThat(TenantsClaimOptions.problem(config)).contains(
                "Tenancy claims: the shape of the tenants claim must be one of full, roles, aliases");
        // A realm imported with it still gets tokens, with the default shape.
        assertThat(TenantsClaimOptions.of(config)).isEqualTo(new TenantsClaimOptions(TenantsClaimShape.ROLES, 10));
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "251", "1000000", "2147483648", "ten", "1.5", "5e1"})
    void aLimitOutsideOneTo250IsRefused(String limit) {
        Map<String, String> config = config("aliases", limit);

        assertThat(TenantsClaimOptions.problem(config)).contains(
                "Tenancy claims: the limit of the tenants claim must be a whole number from 1 to 250");
        assertThat(TenantsClaimOptions.of(config)).isEqualTo(new TenantsClaimOptions(TenantsClaimShape.ALIASES, 50));
    }

    @Test
    void messagesSurviveKeycloaksMessageFormat() {
        assertThat(java.text.MessageFormat.format(TenantsClaimOptions.SHAPE_PROBLEM, (Object[]) null))
                .isEqualTo(TenantsClaimOptions.SHAPE_PROBLEM);
        assertThat(java.text.MessageFormat.format(TenantsClaimOptions.LIMIT_PROBLEM, (Object[]) null))
                .isEqualTo(TenantsClaimOptions.LIMIT_PROBLEM);
    }

    @Test
    void optionsInCodeAreCheckedToo() {
        assertThatThrownBy(() -> new TenantsClaimOptions(TenantsClaimShape.FULL, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TenantsClaimOptions(null, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsAreWrittenAsTheAdminApiStoresThem() {
        Map<String, String> config = new HashMap<>();
        new TenantsClaimOptions(TenantsClaimShape.ALIASES, 120).writeTo(config);

        assertThat(config).containsExactlyInAnyOrderEntriesOf(Map.of(
                "tenancy.claim.tenants.shape", "aliases", "tenancy.claim.tenants.limit", "120"));
    }

    private static Map<String, String> config(String shape, String limit) {
        Map<String, String> config = new HashMap<>();
        config.put(TenantsClaimOptions.SHAPE, shape);
        config.put(TenantsClaimOptions.LIMIT, limit);
        return config;
    }
}
