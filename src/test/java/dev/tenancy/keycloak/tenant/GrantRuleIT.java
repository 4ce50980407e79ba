package dev.tenancy.keycloak.tenant;

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

/**
 * The grant rule on the real server: a tenant admin makes colleagues operators and members and invites them
 * as such; nobody raises anyone above themselves, nobody changes their own roles, and a tenant keeps a member
 * who can manage members.
 */
class GrantRuleIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;

    @BeforeAll
    static void setUp() {
        tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-tenant", "manage-members", "manage-invitations",
                                                       "view-members"]},
                           "operator": {"permissions": ["manage-members", "manage-invitations", "view-members"]},
                           "member": {},
                           "analyst": {"permissions": ["view-members"]}},
                 "modules": {"billing": {"admin": "admin", "operator": "write", "member": "read", "analyst": "read"},
                             "reports": {"admin": "write", "operator": "read", "analyst": "admin"}}}
                """);
    }

    private static String members(String tenant) {
        return tenancy.selfService() + "/tenants/" + tenant + "/members/";
    }

    @Test
    void anAdminMakesColleaguesOperatorsAndMembersAndInvitesThemAsSuch() {
        String acme = tenancy.createTenant("acme");
        tenancy.setRoles(acme, realm.createUser("ada"), "admin");
        String colleague = realm.createUser("colin");
        String other = realm.createUser("olivia");
        tenancy.setRoles(acme, colleague, "member");
        tenancy.setRoles(acme, other, "member");
        String token = realm.userToken("ada");

        HttpResult operator = Http.put(members(acme) + colleague, token, "{\"roles\": [\"operator\"]}");
        HttpResult member = Http.put(members(acme) + other, token, "{\"roles\": [\"member\", \"operator\"]}");
        HttpResult invitation = Http.post(tenancy.selfService() + "/tenants/" + acme + "/invitations", token,
                Json.object().put("email", "new-operator@example.com").set("roles", Json.array().add("operator")));

        assertThat(operator.status()).isEqualTo(200);
        assertThat(Json.texts(operator.json().path("roles"))).containsExactly("operator");
        assertThat(member.status()).isEqualTo(200);
        assertThat(invitation.status()).isEqualTo(201);
        assertThat(Json.texts(invitation.json().path("roles"))).containsExactly("operator");
    }

    @Test
    void theTenantNamesTheRolesEachGranterMayGrantAndNothingToOthers() {
        String stark = tenancy.createTenant("stark");
        tenancy.setRoles(stark, realm.createUser("ines"), "admin");
        tenancy.setRoles(stark, realm.createUser("otis"), "operator");
        tenancy.setRoles(stark, realm.createUser("abel"), "analyst");
        String tenant = tenancy.selfService() + "/tenants/" + stark;

        JsonNode admin = Http.get(tenant, realm.userToken("ines")).json();
        JsonNode operator = Http.get(tenant, realm.userToken("otis")).json();
        JsonNode analyst = Http.get(tenant, realm.userToken("abel")).json();

        assertThat(Json.texts(admin.path("tenantRoles"))).containsExactly("admin", "analyst", "member", "operator");
        // analyst reaches 'admin' on reports, above the tenant admin's 'write'
        assertThat(Json.texts(admin.path("grantableRoles"))).containsExactly("admin", "member", "operator");
        assertThat(Json.texts(operator.path("grantableRoles"))).containsExactly("member", "operator");
        assertThat(Json.texts(analyst.path("grantableRoles"))).as("grants nothing, is told nothing").isEmpty();
    }

    @Test
    void nobodyRaisesAnyoneAboveThemselvesAndTheRefusalNamesTheRole() {
        String globex = tenancy.createTenant("globex");
        tenancy.setRoles(globex, realm.createUser("admin-g"), "admin");
        tenancy.setRoles(globex, realm.createUser("oscar"), "operator");
        String target = realm.createUser("tina");
        tenancy.setRoles(globex, target, "member");

        HttpResult byOperator = Http.put(members(globex) + target, realm.userToken("oscar"), "{\"roles\": [\"admin\"]}");
        HttpResult inviteAdmin = Http.post(tenancy.selfService() + "/tenants/" + globex + "/invitations",
                realm.userToken("oscar"), Json.object().put("email", "boss@example.com")
                        .set("roles", Json.array().add("admin")));
        // analyst views members only, but reaches 'admin' on reports, above the tenant admin's 'write'
        HttpResult analyst = Http.put(members(globex) + target, realm.userToken("admin-g"), "{\"roles\": [\"analyst\"]}");

        assertThat(byOperator.status()).isEqualTo(403);
        assertThat(byOperator.json().path("errorMessage").asText()).contains("role 'admin'");
        assertThat(inviteAdmin.status()).isEqualTo(403);
        assertThat(analyst.status()).isEqualTo(403);
        assertThat(analyst.json().path("errorMessage").asText())
                .contains("role 'analyst' has 'admin' on 'reports' where you have 'write'");
        assertThat(Json.texts(Http.get(tenancy.adminApi() + "/tenants/" + globex + "/members/" + target,
                realm.adminToken()).json().path("roles"))).containsExactly("member");
    }

    @Test
    void aTenantsOverridesDecideWhoIsAbove() {
        String initech = tenancy.createTenant("initech");
        tenancy.setRoles(initech, realm.createUser("admin-i"), "admin");
        String target = realm.createUser("ivan");
        tenancy.setRoles(initech, target, "member");
        TenancyApi.expect(200, Http.put(tenancy.adminApi() + "/tenants/" + initech + "/modules", realm.adminToken(),
                "{\"reports\": {\"analyst\": \"read\"}}"), "override");

        HttpResult analyst = Http.put(members(initech) + target, realm.userToken("admin-i"), "{\"roles\": [\"analyst\"]}");

        assertThat(analyst.status()).as("analyst reaches only 'read' on reports in this tenant").isEqualTo(200);
    }

    @Test
    void nobodyChangesTheirOwnRoles() {
        String hooli = tenancy.createTenant("hooli");
        String self = realm.createUser("selma");
        tenancy.setRoles(hooli, self, "admin", "operator");

        HttpResult demote = Http.put(members(hooli) + self, realm.userToken("selma"), "{\"roles\": [\"admin\"]}");

        assertThat(demote.status()).isEqualTo(403);
        assertThat(demote.json().path("errorMessage").asText()).contains("your own roles");
    }

    @Test
    void theLastMemberWhoManagesMembersCannotBeDemotedRemovedOrLeave() {
        String umbrella = tenancy.createTenant("umbrella");
        String boss = realm.createUser("boss-u");
        String helper = realm.createUser("helper-u");
        tenancy.setRoles(umbrella, boss, "admin");
        tenancy.setRoles(umbrella, helper, "operator");
        String bossToken = realm.userToken("boss-u");

        HttpResult demoteHelper = Http.put(members(umbrella) + helper, bossToken, "{\"roles\": [\"member\"]}");
        HttpResult leave = Http.delete(members(umbrella) + boss, bossToken);
        HttpResult helperLeaves = Http.delete(members(umbrella) + helper, realm.userToken("helper-u"));

        assertThat(demoteHelper.status()).as("the boss still manages members").isEqualTo(200);
        assertThat(leave.status()).isEqualTo(409);
        assertThat(leave.json().path("errorMessage").asText()).contains("last member", "manage members");
        assertThat(helperLeaves.status()).as("a member who does not manage members may leave").isEqualTo(204);
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + umbrella + "/members/" + boss, realm.adminToken())
                .status()).isEqualTo(200);
        TenancyApi.expect(204, Http.delete(tenancy.adminApi() + "/tenants/" + umbrella + "/members/" + boss,
                realm.adminToken()), "a realm admin is not bound by the rule");
    }

    @Test
    void aDisabledAccountDoesNotCountAsTheOtherManager() {
        String wayne = tenancy.createTenant("wayne");
        String boss = realm.createUser("boss-w");
        String ghost = realm.createUser("ghost-w");
        tenancy.setRoles(wayne, boss, "admin");
        tenancy.setRoles(wayne, ghost, "admin");
        TenancyApi.expect(204, Http.put(realm.adminUrl() + "/users/" + ghost, realm.adminToken(),
                Json.object().put("enabled", false)), "disable the other admin");

        HttpResult leave = Http.delete(members(wayne) + boss, realm.userToken("boss-w"));

        assertThat(leave.status()).isEqualTo(409);
    }
}
