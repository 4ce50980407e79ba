package dev.tenancy.keycloak.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.KeycloakCluster;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Configuration and membership changed through node A show on node B's very next request: its next token and
 * its self-service answers. Nothing waits in between, so a node that kept its own copy would fail.
 */
class MembershipClusterIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm(() -> KeycloakCluster.get().a());

    private static TenancyApi onA;
    private static TestRealm realmOnB;
    private static TenancyApi onB;
    private static String acme;

    @BeforeAll
    static void aTenantWithAMapper() {
        onA = new TenancyApi(realm);
        realmOnB = realm.on(KeycloakCluster.get().b());
        onB = new TenancyApi(realmOnB);
        onA.configure("""
                {"roles": {"admin": {"permissions": ["manage-members", "view-members"]}, "member": {}},
                 "modules": {"billing": {"admin": "admin", "member": "read"}}}
                """);
        onA.addClaimsMapperToTestClient();
        acme = onA.createTenant("acme");
    }

    @Test
    void aConfigurationChangeOnAShowsInBsNextToken() {
        String user = realm.createUser("config-user");
        onA.setRoles(acme, user, "member");
        assertThat(billing(realmOnB.userToken("config-user", "organization:acme"))).isEqualTo("read");

        onA.configure("""
                {"roles": {"admin": {"permissions": ["manage-members", "view-members"]}, "member": {}},
                 "modules": {"billing": {"admin": "admin", "member": "write"}, "reports": {"member": "read"}}}
                """);

        // Module levels are in the active tenant's claim (the tenants claim lists roles by default).
        JsonNode tenant = TestRealm.decodeClaims(realmOnB.userToken("config-user", "organization:acme"))
                .path("tenant");
        assertThat(tenant.path("modules").path("billing").asText()).isEqualTo("write");
        assertThat(tenant.path("modules").path("reports").asText()).isEqualTo("read");
        assertThat(Http.get(onB.adminApi() + "/config", realmOnB.adminToken()).json()
                .path("modules").path("billing").path("member").asText()).isEqualTo("write");
    }

    @Test
    void aRoleChangeOnAShowsInBsNextTokenAndSelfService() {
        String user = realm.createUser("promoted");
        onA.setRoles(acme, user, "member");
        assertThat(roles(realmOnB.userToken("promoted"))).containsExactly("member");
        assertThat(Http.get(onB.selfService() + "/tenants/" + acme + "/members", realmOnB.userToken("promoted"))
                .status()).as("a member may not list members").isEqualTo(403);

        onA.setRoles(acme, user, "admin");

        String token = realmOnB.userToken("promoted");
        assertThat(roles(token)).containsExactly("admin");
        JsonNode mine = Http.get(onB.selfService() + "/me/tenants", token).json();
        assertThat(Json.texts(mine.path(0).path("roles"))).containsExactly("admin");
        assertThat(Http.get(onB.selfService() + "/tenants/" + acme + "/members", token).status())
                .as("an admin may list members").isEqualTo(200);
    }

    @Test
    void aRemovalOnAShowsInBsNextTokenAndSelfService() {
        String user = realm.createUser("leaver");
        onA.setRoles(acme, user, "admin");
        String before = realmOnB.userToken("leaver");
        assertThat(roles(before)).containsExactly("admin");
        assertThat(Http.get(onB.selfService() + "/tenants/" + acme + "/members", before).status()).isEqualTo(200);

        TenancyApi.expect(204, Http.delete(onA.adminApi() + "/tenants/" + acme + "/members/" + user,
                realm.adminToken()), "remove leaver");

        String token = realmOnB.userToken("leaver");
        assertThat(TestRealm.decodeClaims(token).path("tenants").has("acme")).isFalse();
        assertThat(Http.get(onB.selfService() + "/me/tenants", token).json()).isEmpty();
        assertThat(Http.get(onB.selfService() + "/tenants/" + acme + "/members", token).status())
                .as("no longer a member").isEqualTo(403);
        assertThat(Http.get(onB.selfService() + "/tenants/" + acme + "/members", before).status())
                .as("a token from before the removal grants nothing either").isEqualTo(403);
    }

    private static String billing(String token) {
        return TestRealm.decodeClaims(token).path("tenant").path("modules").path("billing").asText();
    }

    private static java.util.List<String> roles(String token) {
        return Json.texts(TestRealm.decodeClaims(token).path("tenants").path("acme").path("roles"));
    }
}
