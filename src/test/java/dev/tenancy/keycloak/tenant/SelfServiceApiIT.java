package dev.tenancy.keycloak.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SelfServiceApiIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;
    private static String acme;
    private static String globex;
    private static String owner;
    private static String manager;
    private static String operator;
    private static String member;

    @BeforeAll
    static void twoTenants() {
        tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"owner": {"permissions": ["manage-tenant", "manage-members", "view-members"]},
                           "manager": {"permissions": ["manage-members"]},
                           "operator": {"permissions": ["view-members"]}, "member": {},
                           "lead": {"permissions": ["manage-tenant", "view-members"]}},
                 "modules": {"billing": {"owner": "admin", "manager": "write", "operator": "read", "lead": "write"}}}
                """);
        acme = tenancy.createTenant("acme");
        globex = tenancy.createTenant("globex");
        owner = realm.createUser("owner");
        manager = realm.createUser("manager");
        operator = realm.createUser("operator");
        member = realm.createUser("member");
        tenancy.setRoles(acme, owner, "owner");
        tenancy.setRoles(acme, manager, "manager", "member");
        tenancy.setRoles(acme, operator, "operator");
        tenancy.setRoles(acme, member, "member");
        tenancy.setRoles(globex, member, "owner");
    }

    @Test
    void myTenantsListsRolesPermissionsAndModules() {
        JsonNode mine = Http.get(tenancy.selfService() + "/me/tenants", realm.userToken("member")).json();

        assertThat(mine).hasSize(2);
        JsonNode acmeEntry = mine.get(0);
        assertThat(acmeEntry.path("alias").asText()).isEqualTo("acme");
        assertThat(Json.texts(acmeEntry.path("roles"))).containsExactly("member");
        assertThat(acmeEntry.path("modules").path("billing").asText()).isEqualTo("none");
        JsonNode globexEntry = mine.get(1);
        assertThat(Json.texts(globexEntry.path("permissions")))
                .containsExactly("manage-tenant", "manage-members", "view-members");
        assertThat(globexEntry.path("modules").path("billing").asText()).isEqualTo("admin");
    }

    @Test
    void anUnknownUserIdAndAUserOutsideTheTenantGetTheSame404() {
        String outsider = realm.createUser("stranger");
        String members = tenancy.selfService() + "/tenants/" + acme + "/members/";
        String token = realm.userToken("manager");

        for (String method : List.of("GET", "PUT", "DELETE")) {
            String body = "PUT".equals(method) ? "{\"roles\": [\"member\"]}" : null;
            HttpResult unknown = Http.send(method, members + "no-such-user", token, body);
            HttpResult notMember = Http.send(method, members + outsider, token, body);

            assertThat(unknown.status()).as(method + " unknown").isEqualTo(404);
            assertThat(notMember.status()).as(method + " outsider").isEqualTo(404);
            assertThat(notMember.json().path("errorMessage").asText()).as(method)
                    .isEqualTo(unknown.json().path("errorMessage").asText())
                    .isEqualTo("User not found in this tenant");
        }
    }

    @Test
    void aUserWithoutTenantsGetsAnEmptyList() {
        realm.createUser("loner");

        assertThat(Http.get(tenancy.selfService() + "/me/tenants", realm.userToken("loner")).json()).isEmpty();
    }

    @Test
    void withoutAValidTokenTheAnswerIs401() {
        assertThat(Http.get(tenancy.selfService() + "/me/tenants", null).status()).isEqualTo(401);
        assertThat(Http.get(tenancy.selfService() + "/me/tenants", "not-a-token").status()).isEqualTo(401);
        assertThat(Http.get(tenancy.selfService() + "/tenants/" + acme + "/members", null).status()).isEqualTo(401);
    }

    @Test
    void aTokenOfAnotherRealmIsRejected() {
        assertThat(Http.get(tenancy.selfService() + "/me/tenants", realm.adminToken()).status()).isEqualTo(401);
    }

    @Test
    void viewMembersAllowsListingButNotChanging() {
        String token = realm.userToken("operator");

        HttpResult list = Http.get(tenancy.selfService() + "/tenants/" + acme + "/members", token);
        HttpResult change = Http.put(tenancy.selfService() + "/tenants/" + acme + "/members/" + member, token,
                "{\"roles\": [\"operator\"]}");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(4);
        assertThat(change.status()).isEqualTo(403);
        assertThat(change.json().path("errorMessage").asText()).contains("manage-members");
    }

    @Test
    void aPlainMemberCannotSeeTheMemberList() {
        HttpResult list = Http.get(tenancy.selfService() + "/tenants/" + acme + "/members", realm.userToken("member"));

        assertThat(list.status()).isEqualTo(403);
    }

    @Test
    void aManagerGrantsOnlyRolesTheyHold() {
        String token = realm.userToken("manager");
        String newcomer = realm.createUser("newcomer");
        tenancy.setRoles(acme, newcomer);

        HttpResult allowed = Http.put(tenancy.selfService() + "/tenants/" + acme + "/members/" + newcomer, token,
                "{\"roles\": [\"member\", \"manager\"]}");
        HttpResult escalation = Http.put(tenancy.selfService() + "/tenants/" + acme + "/members/" + newcomer, token,
                "{\"roles\": [\"owner\"]}");

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(escalation.status()).isEqualTo(403);
        assertThat(escalation.json().path("errorMessage").asText()).contains("owner");
        assertThat(Json.texts(Http.get(tenancy.adminApi() + "/tenants/" + acme + "/members/" + newcomer,
                realm.adminToken()).json().path("roles"))).containsExactly("manager", "member");
    }

    @Test
    void aManagerCannotDemoteOrRemoveSomeoneHoldingRolesBeyondTheirOwn() {
        String token = realm.userToken("manager");

        HttpResult demote = Http.put(tenancy.selfService() + "/tenants/" + acme + "/members/" + owner, token,
                "{\"roles\": [\"member\"]}");
        HttpResult remove = Http.delete(tenancy.selfService() + "/tenants/" + acme + "/members/" + owner, token);

        assertThat(demote.status()).isEqualTo(403);
        assertThat(remove.status()).isEqualTo(403);
        assertThat(Json.texts(Http.get(tenancy.adminApi() + "/tenants/" + acme + "/members/" + owner,
                realm.adminToken()).json().path("roles"))).containsExactly("owner");
    }

    @Test
    void selfServiceCannotPullOutsidersIntoATenant() {
        String outsider = realm.createUser("outsider");

        HttpResult put = Http.put(tenancy.selfService() + "/tenants/" + acme + "/members/" + outsider,
                realm.userToken("owner"), "{\"roles\": [\"member\"]}");

        assertThat(put.status()).isEqualTo(404);
        assertThat(put.json().path("errorMessage").asText()).isEqualTo("User not found in this tenant");
    }

    @Test
    void anotherTenantIsAlways403EvenForItsOwnerElsewhere() {
        String token = realm.userToken("owner");

        assertThat(Http.get(tenancy.selfService() + "/tenants/" + globex, token).status()).isEqualTo(403);
        assertThat(Http.get(tenancy.selfService() + "/tenants/" + globex + "/members", token).status()).isEqualTo(403);
        assertThat(Http.put(tenancy.selfService() + "/tenants/" + globex + "/members/" + owner, token,
                "{\"roles\": [\"owner\"]}").status()).isEqualTo(403);
        assertThat(Http.get(tenancy.selfService() + "/tenants/does-not-exist/members", token).status()).isEqualTo(403);
    }

    @Test
    void aTenantOwnerOverridesModulesOfTheirTenant() {
        HttpResult put = Http.put(tenancy.selfService() + "/tenants/" + globex + "/modules",
                realm.userToken("member"), "{\"billing\": {\"operator\": \"write\"}}");
        HttpResult denied = Http.put(tenancy.selfService() + "/tenants/" + acme + "/modules",
                realm.userToken("manager"), "{\"billing\": {\"operator\": \"write\"}}");

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().path("effective").path("billing").path("operator").asText()).isEqualTo("write");
        assertThat(denied.status()).isEqualTo(403);
    }

    @Test
    void moduleOverridesStayWithinTheMembersOwnLevels() {
        String initech = tenancy.createTenant("initech");
        String lead = realm.createUser("lead");
        tenancy.setRoles(initech, lead, "lead");
        String token = realm.userToken("lead");
        String modules = tenancy.selfService() + "/tenants/" + initech + "/modules";

        HttpResult raiseOwn = Http.put(modules, token, "{\"billing\": {\"lead\": \"admin\"}}");
        HttpResult lowerOwner = Http.put(modules, token, "{\"billing\": {\"owner\": \"none\"}}");
        HttpResult raiseMemberAboveLead = Http.put(modules, token, "{\"billing\": {\"member\": \"admin\"}}");
        HttpResult withinLead = Http.put(modules, token, "{\"billing\": {\"operator\": \"write\", \"member\": \"read\"}}");
        HttpResult byRealmAdmin = Http.put(tenancy.adminApi() + "/tenants/" + initech + "/modules", realm.adminToken(),
                "{\"billing\": {\"member\": \"admin\"}}");

        assertThat(raiseOwn.status()).isEqualTo(403);
        assertThat(raiseOwn.json().path("errorMessage").asText())
                .contains("role 'lead' would have 'admin' on 'billing' where you have 'write'");
        assertThat(lowerOwner.status()).isEqualTo(403);
        assertThat(lowerOwner.json().path("errorMessage").asText()).contains("role 'owner'");
        assertThat(raiseMemberAboveLead.status()).isEqualTo(403);
        assertThat(withinLead.status()).isEqualTo(200);
        assertThat(withinLead.json().path("effective").path("billing").path("operator").asText()).isEqualTo("write");
        assertThat(byRealmAdmin.status()).as("realm admins are unbounded").isEqualTo(200);
        assertThat(byRealmAdmin.json().path("effective").path("billing").path("member").asText()).isEqualTo("admin");
    }
}
