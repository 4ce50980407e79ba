package dev.tenancy.keycloak.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TenantAdminApiIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;

    @BeforeAll
    static void enableAdminEvents() {
        tenancy = new TenancyApi(realm);
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(),
                "{\"adminEventsEnabled\": true, \"adminEventsDetailsEnabled\": true}"), "enable admin events");
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-members", "manage-tenant", "view-members"]},
                           "operator": {"permissions": ["view-members"]}, "member": {}},
                 "modules": {"billing": {"admin": "admin", "operator": "write", "member": "read"},
                             "reports": {"admin": "read"}}}
                """);
    }

    @Test
    void createdTenantIsAKeycloakOrganization() {
        HttpResult created = Http.post(tenancy.adminApi() + "/tenants", realm.adminToken(),
                "{\"name\": \"ACME\", \"alias\": \"acme\", \"description\": \"first\"}");

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.header("Location")).endsWith("/tenancy/tenants/" + id);
        assertThat(created.json().path("alias").asText()).isEqualTo("acme");
        HttpResult organization = Http.get(realm.adminUrl() + "/organizations/" + id, realm.adminToken());
        assertThat(organization.status()).isEqualTo(200);
        assertThat(organization.json().path("name").asText()).isEqualTo("ACME");
    }

    @Test
    void tenantsAreListedSearchedAndPaged() {
        for (String alias : List.of("list-a", "list-b", "list-c")) {
            tenancy.createTenant(alias);
        }

        JsonNode found = Http.get(tenancy.adminApi() + "/tenants?search=LIST-&first=1&max=1", realm.adminToken()).json();

        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("alias").asText()).startsWith("list-");
        assertThat(aliases(Http.get(tenancy.adminApi() + "/tenants?search=list-", realm.adminToken()).json()))
                .containsExactlyInAnyOrder("list-a", "list-b", "list-c");
    }

    @Test
    void duplicateNameOrAliasIsAConflict() {
        tenancy.createTenant("dup");

        HttpResult again = Http.post(tenancy.adminApi() + "/tenants", realm.adminToken(),
                "{\"name\": \"Other\", \"alias\": \"dup\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("errorMessage").asText()).contains("already exists");
    }

    @Test
    void updateChangesNameAndDescriptionButNotAlias() {
        String id = tenancy.createTenant("upd");

        HttpResult updated = Http.put(tenancy.adminApi() + "/tenants/" + id, realm.adminToken(),
                "{\"name\": \"Updated\", \"description\": \"now\", \"enabled\": false}");
        HttpResult aliasChange = Http.put(tenancy.adminApi() + "/tenants/" + id, realm.adminToken(),
                "{\"name\": \"Updated\", \"alias\": \"other\"}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("name").asText()).isEqualTo("Updated");
        assertThat(updated.json().path("enabled").asBoolean()).isFalse();
        assertThat(aliasChange.status()).isEqualTo(400);
        assertThat(aliasChange.json().path("errorMessage").asText()).contains("'alias'");
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + id, realm.adminToken()).json().path("alias").asText())
                .isEqualTo("upd");
    }

    @Test
    void aRenameNeedsNoAliasAndOmittedFieldsKeepTheirValue() {
        String id = tenancy.createTenant("rename");
        Http.put(tenancy.adminApi() + "/tenants/" + id, realm.adminToken(), "{\"name\": \"R\", \"description\": \"kept\"}");

        HttpResult renamed = Http.put(tenancy.adminApi() + "/tenants/" + id, realm.adminToken(),
                "{\"name\": \"Renamed Tenant\"}");
        HttpResult wrongId = Http.put(tenancy.adminApi() + "/tenants/" + id, realm.adminToken(),
                "{\"id\": \"someone-else\", \"name\": \"Renamed Tenant\"}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("name").asText()).isEqualTo("Renamed Tenant");
        assertThat(renamed.json().path("description").asText()).isEqualTo("kept");
        assertThat(wrongId.status()).isEqualTo(400);
        assertThat(wrongId.json().path("errorMessage").asText()).contains("'id'");
    }

    @Test
    void deletedTenantIsGoneFromKeycloakToo() {
        String id = tenancy.createTenant("del");

        assertThat(Http.delete(tenancy.adminApi() + "/tenants/" + id, realm.adminToken()).status()).isEqualTo(204);

        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + id, realm.adminToken()).status()).isEqualTo(404);
        assertThat(Http.get(realm.adminUrl() + "/organizations/" + id, realm.adminToken()).status()).isEqualTo(404);
    }

    @Test
    void putMemberAddsTheUserAndSetsRoles() {
        String tenant = tenancy.createTenant("members");
        String user = realm.createUser("member-dave");

        HttpResult put = Http.put(tenancy.adminApi() + "/tenants/" + tenant + "/members/" + user, realm.adminToken(),
                "{\"roles\": [\"operator\", \"member\"]}");

        assertThat(put.status()).isEqualTo(200);
        JsonNode members = Http.get(tenancy.adminApi() + "/tenants/" + tenant + "/members", realm.adminToken()).json();
        assertThat(members).hasSize(1);
        assertThat(members.get(0).path("userId").asText()).isEqualTo(user);
        assertThat(members.get(0).path("username").asText()).isEqualTo("member-dave");
        assertThat(Json.texts(members.get(0).path("roles"))).containsExactly("member", "operator");
        assertThat(Http.get(realm.adminUrl() + "/organizations/" + tenant + "/members/" + user, realm.adminToken())
                .status()).isEqualTo(200);

        Http.put(tenancy.adminApi() + "/tenants/" + tenant + "/members/" + user, realm.adminToken(),
                "{\"roles\": [\"admin\"]}");
        assertThat(Json.texts(Http.get(tenancy.adminApi() + "/tenants/" + tenant + "/members/" + user, realm.adminToken())
                .json().path("roles"))).containsExactly("admin");
    }

    @Test
    void removedMemberLeavesTheOrganizationAndLosesRoles() {
        String tenant = tenancy.createTenant("leave");
        String user = realm.createUser("leaver");
        tenancy.setRoles(tenant, user, "admin");

        assertThat(Http.delete(tenancy.adminApi() + "/tenants/" + tenant + "/members/" + user, realm.adminToken())
                .status()).isEqualTo(204);

        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenant + "/members", realm.adminToken()).json()).isEmpty();
        assertThat(Http.get(realm.adminUrl() + "/organizations/" + tenant + "/members/" + user, realm.adminToken())
                .status()).isEqualTo(404);
        assertThat(Http.delete(tenancy.adminApi() + "/tenants/" + tenant + "/members/" + user, realm.adminToken())
                .status()).isEqualTo(404);
    }

    @Test
    void unknownRoleIsRejectedAndNothingIsStored() {
        String tenant = tenancy.createTenant("badrole");
        String user = realm.createUser("badrole-user");

        HttpResult put = Http.put(tenancy.adminApi() + "/tenants/" + tenant + "/members/" + user, realm.adminToken(),
                "{\"roles\": [\"admin\", \"emperor\"]}");

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().path("errorMessage").asText()).contains("unknown role 'emperor'");
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenant + "/members", realm.adminToken()).json()).isEmpty();
    }

    @Test
    void moduleOverridesReplaceRealmDefaultsForOneTenant() {
        String tenant = tenancy.createTenant("modules");
        String other = tenancy.createTenant("modules-other");

        HttpResult put = Http.put(tenancy.adminApi() + "/tenants/" + tenant + "/modules", realm.adminToken(),
                "{\"billing\": {\"operator\": \"admin\"}, \"reports\": {\"member\": \"read\"}}");

        assertThat(put.status()).isEqualTo(200);
        JsonNode view = Http.get(tenancy.adminApi() + "/tenants/" + tenant + "/modules", realm.adminToken()).json();
        assertThat(view.path("overrides").path("billing").path("operator").asText()).isEqualTo("admin");
        assertThat(view.path("effective").path("billing").path("operator").asText()).isEqualTo("admin");
        assertThat(view.path("effective").path("billing").path("member").asText()).isEqualTo("read");
        assertThat(view.path("effective").path("reports").path("member").asText()).isEqualTo("read");
        JsonNode untouched = Http.get(tenancy.adminApi() + "/tenants/" + other + "/modules", realm.adminToken()).json();
        assertThat(untouched.path("overrides").size()).isZero();
        assertThat(untouched.path("effective").path("billing").path("operator").asText()).isEqualTo("write");
    }

    @Test
    void unknownModuleOrRoleInOverridesIsRejected() {
        String tenant = tenancy.createTenant("badmodule");

        HttpResult module = Http.put(tenancy.adminApi() + "/tenants/" + tenant + "/modules", realm.adminToken(),
                "{\"payroll\": {\"admin\": \"read\"}}");
        HttpResult role = Http.put(tenancy.adminApi() + "/tenants/" + tenant + "/modules", realm.adminToken(),
                "{\"billing\": {\"ghost\": \"read\"}}");

        assertThat(module.status()).isEqualTo(400);
        assertThat(module.json().path("errorMessage").asText()).contains("Unknown module 'payroll'");
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.json().path("errorMessage").asText()).contains("unknown role 'ghost'");
    }

    @Test
    void configRoundTripsAndARoleInUseCannotBeRemoved() {
        JsonNode config = Http.get(tenancy.adminApi() + "/config", realm.adminToken()).json();
        assertThat(config.path("roles").has("operator")).isTrue();
        assertThat(config.path("modules").path("billing").path("operator").asText()).isEqualTo("write");
        String tenant = tenancy.createTenant("inuse");
        tenancy.setRoles(tenant, realm.createUser("inuse-user"), "operator");

        HttpResult removal = Http.put(tenancy.adminApi() + "/config", realm.adminToken(),
                "{\"roles\": {\"admin\": {\"permissions\": [\"manage-members\"]}, \"member\": {}}}");

        assertThat(removal.status()).isEqualTo(409);
        assertThat(removal.json().path("errorMessage").asText()).contains("operator");
        assertThat(Http.get(tenancy.adminApi() + "/config", realm.adminToken()).json()).isEqualTo(config);
    }

    @Test
    void configTravelsWithTheRealmExport() {
        HttpResult export = Http.post(realm.adminUrl() + "/partial-export", realm.adminToken(), null);

        assertThat(export.status()).isEqualTo(200);
        String stored = export.json().path("attributes").path("tenancy.config").asText();
        assertThat(Json.parse(stored).path("modules").has("billing")).isTrue();
    }

    @Test
    void everyChangeRaisesAnAdminEventWithTheTenantId() {
        String tenant = tenancy.createTenant("audited");
        String user = realm.createUser("audited-user");
        tenancy.setRoles(tenant, user, "member");

        JsonNode events = Http.get(realm.adminUrl() + "/admin-events?max=100", realm.adminToken()).json();

        List<JsonNode> ours = new ArrayList<>();
        events.forEach(event -> {
            if (event.path("resourcePath").asText().contains(tenant)) {
                ours.add(event);
            }
        });
        assertThat(ours).extracting(event -> event.path("resourceType").asText())
                .contains("TENANCY_TENANT", "TENANCY_MEMBER");
        assertThat(ours).allSatisfy(event ->
                assertThat(event.path("details").path("tenantId").asText()).isEqualTo(tenant));
    }

    private static List<String> aliases(JsonNode tenants) {
        List<String> aliases = new ArrayList<>();
        tenants.forEach(tenant -> aliases.add(tenant.path("alias").asText()));
        return aliases;
    }
}
