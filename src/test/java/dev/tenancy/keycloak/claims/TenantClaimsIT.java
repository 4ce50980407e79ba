package dev.tenancy.keycloak.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TenantClaimsIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;
    private static String acme;
    private static String globex;

    @BeforeAll
    static void tenantsWithMembers() {
        tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-members"]}, "operator": {}, "member": {}},
                 "modules": {"billing": {"admin": "admin", "operator": "write", "member": "read"},
                             "reports": {"admin": "read"}}}
                """);
        tenancy.addClaimsMapperToTestClient();
        acme = tenancy.createTenant("acme");
        globex = tenancy.createTenant("globex");
        String both = realm.createUser("both");
        String single = realm.createUser("single");
        realm.createUser("nobody");
        tenancy.setRoles(acme, both, "admin");
        tenancy.setRoles(globex, both, "member", "operator");
        tenancy.setRoles(acme, single, "member");
        TenancyApi.expect(200, Http.put(tenancy.adminApi() + "/tenants/" + globex + "/modules", realm.adminToken(),
                "{\"reports\": {\"operator\": \"write\"}}"), "override globex reports");
    }

    @Test
    void tenantsClaimListsEveryMembershipWithItsRoles() {
        JsonNode claims = TestRealm.decodeClaims(realm.userToken("both"));

        JsonNode tenants = claims.path("tenants");
        assertThat(Json.fieldNames(tenants)).containsExactly("acme", "globex");
        // The default shape: roles only; id, name and modules are in the 'full' shape and in 'tenant'.
        assertThat(tenants.path("acme").toString()).isEqualTo("{\"roles\":[\"admin\"]}");
        assertThat(tenants.path("globex").toString()).isEqualTo("{\"roles\":[\"member\",\"operator\"]}");
        assertThat(claims.has("tenant")).isFalse();
        assertThat(claims.has("tenants_truncated")).isFalse();
    }

    @Test
    void theActiveTenantCarriesItsModuleLevels() {
        JsonNode acmeClaims = TestRealm.decodeClaims(realm.userToken("both", "organization:acme"));

        assertThat(acmeClaims.path("tenant").path("id").asText()).isEqualTo(acme);
        assertThat(acmeClaims.path("tenant").path("modules").path("billing").asText()).isEqualTo("admin");
        assertThat(acmeClaims.path("tenant").path("modules").path("reports").asText()).isEqualTo("read");
        JsonNode globexClaims = TestRealm.decodeClaims(realm.userToken("both", "organization:globex"));
        assertThat(globexClaims.path("tenant").path("modules").path("billing").asText()).isEqualTo("write");
    }

    @Test
    void requestingOneOrganizationMakesItTheActiveTenant() {
        JsonNode claims = TestRealm.decodeClaims(realm.userToken("both", "organization:globex"));

        JsonNode tenant = claims.path("tenant");
        assertThat(tenant.path("id").asText()).isEqualTo(globex);
        assertThat(tenant.path("alias").asText()).isEqualTo("globex");
        assertThat(tenant.path("roles").toString()).isEqualTo("[\"member\",\"operator\"]");
        assertThat(tenant.path("modules").path("reports").asText()).isEqualTo("write");
        assertThat(claims.path("tenants").size()).isEqualTo(2);
    }

    @Test
    void theOrganizationScopeWithASingleMembershipActivatesIt() {
        JsonNode claims = TestRealm.decodeClaims(realm.userToken("single", "organization"));

        assertThat(claims.path("tenant").path("alias").asText()).isEqualTo("acme");
    }

    @Test
    void withSeveralMembershipsAndNoPickThereIsNoActiveTenant() {
        JsonNode claims = TestRealm.decodeClaims(realm.userToken("both", "organization"));

        assertThat(claims.has("tenant")).isFalse();
        assertThat(claims.path("tenants").size()).isEqualTo(2);
    }

    @Test
    void anOrganizationTheUserIsNotInNeverBecomesTheActiveTenant() {
        HttpResult response = realm.tokenResponse("single", "organization:globex");

        // Keycloak drops a requested organization the user does not belong to instead of failing the request.
        assertThat(response.status()).isEqualTo(200);
        JsonNode claims = TestRealm.decodeClaims(response.json().path("access_token").asText());
        assertThat(claims.path("scope").asText()).doesNotContain("organization:globex");
        assertThat(claims.has("tenant")).isFalse();
        assertThat(claims.path("tenants").has("globex")).isFalse();
    }

    @Test
    void anUnknownOrganizationAliasIsRefusedByKeycloak() {
        HttpResult response = realm.tokenResponse("single", "organization:no-such-alias");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void aUserWithoutTenantsGetsAnEmptyTenantsClaim() {
        JsonNode claims = TestRealm.decodeClaims(realm.userToken("nobody"));

        assertThat(claims.path("tenants").isObject()).isTrue();
        assertThat(claims.path("tenants").size()).isZero();
        assertThat(claims.has("tenant")).isFalse();
    }

    @Test
    void aDisabledTenantDisappearsFromTheClaims() {
        String tenant = tenancy.createTenant("dormant");
        String user = realm.createUser("dormant-user");
        tenancy.setRoles(tenant, user, "admin");
        TenancyApi.expect(200, Http.put(tenancy.adminApi() + "/tenants/" + tenant, realm.adminToken(),
                "{\"name\": \"DORMANT\", \"enabled\": false}"), "disable tenant");

        assertThat(TestRealm.decodeClaims(realm.userToken("dormant-user")).path("tenants").size()).isZero();
    }
}
