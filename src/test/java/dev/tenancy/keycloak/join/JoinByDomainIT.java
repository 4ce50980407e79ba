package dev.tenancy.keycloak.join;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.SignInForms;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Joining by verified domain. {@code auto}: a user whose verified address is in a tenant's verified domain becomes a
 * member with the default role at sign-in, and the tokens of that sign-in carry the tenant; never on an unverified
 * address, an unproven claim or a domain Keycloak holds unverified, and never again after a removal. {@code suggest}:
 * the user is asked after signing in, a request goes to the tenant, and an approval lets them in.
 */
class JoinByDomainIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;
    private static String acme;
    private static String initech;

    @BeforeAll
    static void aTenantWithAVerifiedDomain() {
        tenancy = new TenancyApi(realm);
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(),
                "{\"adminEventsEnabled\": true, \"adminEventsDetailsEnabled\": true}"), "enable admin events");
        tenancy.configure("""
                {"roles": {"owner": {"permissions": ["manage-tenant", "manage-members", "view-members"]},
                           "lead": {"permissions": ["manage-tenant"]},
                           "member": {}},
                 "modules": {"billing": {"owner": "admin", "lead": "read", "member": "read"}}}
                """);
        tenancy.addClaimsMapperToTestClient();
        acme = tenancy.createTenant("acme");
        tenancy.setRoles(acme, realm.createUser("acme-owner"), "owner");
        tenancy.setRoles(acme, realm.createUser("acme-lead"), "lead");
        TenancyApi.expect(201, Http.post(tenancy.adminApi() + "/tenants/" + acme + "/domains", realm.adminToken(),
                "{\"domain\": \"joinauto.test\", \"verified\": true}"), "vouch joinauto.test");
        TenancyApi.expect(201, Http.post(tenancy.adminApi() + "/tenants/" + acme + "/domains", realm.adminToken(),
                "{\"domain\": \"claimed.test\"}"), "claim claimed.test");
        ObjectNode organization = (ObjectNode) Http.get(realm.adminUrl() + "/organizations/" + acme,
                realm.adminToken()).json();
        ((ArrayNode) organization.get("domains")).addObject().put("name", "unproven.test").put("verified", false);
        // Marked verified through Keycloak's own organization API, as any manager of the organization may: no proof.
        ((ArrayNode) organization.get("domains")).addObject().put("name", "forged.test").put("verified", true);
        TenancyApi.expect(204, Http.put(realm.adminUrl() + "/organizations/" + acme, realm.adminToken(), organization),
                "an unverified Keycloak domain");
        HttpResult set = Http.put(join(), realm.userToken("acme-owner"),
                "{\"mode\": \"auto\", \"defaultRole\": \"member\"}");
        TenancyApi.expect(200, set, "turn auto join on");

        initech = tenancy.createTenant("initech");
        tenancy.setRoles(initech, realm.createUser("initech-owner"), "owner");
        TenancyApi.expect(201, Http.post(tenancy.adminApi() + "/tenants/" + initech + "/domains", realm.adminToken(),
                "{\"domain\": \"joinsuggest.test\", \"verified\": true}"), "vouch joinsuggest.test");
        TenancyApi.expect(200, Http.put(requests(initech).replace("/requests", ""), realm.userToken("initech-owner"),
                "{\"mode\": \"suggest\", \"defaultRole\": \"member\"}"), "suggest joining");
    }

    @Test
    void suggestAsksAfterSignInTheTenantApprovesAndTheNextTokenCarriesTheTenant() {
        String userId = realm.createUser("sue", "sue@joinsuggest.test", true);
        assertThat(TestRealm.decodeClaims(realm.userToken("sue")).path("tenants").has("initech"))
                .as("a password grant neither joins nor fails for the page it cannot show").isFalse();

        SignInForms signIn = SignInForms.signIn(realm, "sue", "sue");
        assertThat(signIn.page()).contains("Your colleagues use INITECH", "sue@joinsuggest.test");
        signIn.click("request");
        assertThat(signIn.page()).contains("Request sent");
        signIn.click("continue");
        assertThat(signIn.signedIn()).isTrue();
        assertThat(SignInForms.signIn(realm, "sue", "sue").signedIn()).as("asked once, not at every sign-in")
                .isTrue();

        String owner = realm.userToken("initech-owner");
        JsonNode pending = Http.get(requests(initech), owner).json();
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).path("userId").asText()).isEqualTo(userId);
        assertThat(pending.get(0).path("email").asText()).isEqualTo("sue@joinsuggest.test");
        String requestId = pending.get(0).path("id").asText();
        assertThat(Http.post(requests(acme) + "/" + requestId + "/approve", realm.userToken("acme-owner"), null)
                .status()).as("another tenant's request").isEqualTo(404);
        assertThat(Http.post(requests(initech) + "/" + requestId + "/approve", realm.userToken("acme-lead"), null)
                .status()).as("no member of initech").isEqualTo(403);

        HttpResult approved = Http.post(requests(initech) + "/" + requestId + "/approve", owner, null);

        TenancyApi.expect(200, approved, "approve");
        assertThat(approved.json().path("roles").toString()).isEqualTo("[\"member\"]");
        assertThat(TestRealm.decodeClaims(realm.userToken("sue")).path("tenants").path("initech").path("roles")
                .toString()).isEqualTo("[\"member\"]");
        assertThat(Http.get(requests(initech), owner).json()).isEmpty();
        assertThat(Http.post(requests(initech) + "/" + requestId + "/approve", owner, null).status())
                .as("approved once").isEqualTo(404);
        assertThat(Http.get(realm.adminUrl() + "/admin-events?max=500",
                realm.adminToken()).body()).contains("join-request").contains(requestId);
    }

    @Test
    void aDeniedOrDeclinedUserIsNotAskedAgainAndTheDeniedCannotJoinByAnotherAddressOfTheirMailbox() {
        String deniedId = realm.createUser("dora", "dora@joinsuggest.test", true);
        realm.createUser("nils", "nils@joinsuggest.test", true);
        SignInForms.signIn(realm, "dora", "dora").click("request");
        String requestId = Http.get(requests(initech), realm.userToken("initech-owner")).json().findParents("userId")
                .stream().filter(row -> row.path("userId").asText().equals(deniedId)).findFirst().orElseThrow()
                .path("id").asText();

        TenancyApi.expect(204, Http.post(requests(initech) + "/" + requestId + "/deny",
                realm.userToken("initech-owner"), null), "deny");
        SignInForms notNow = SignInForms.signIn(realm, "nils", "nils");
        assertThat(notNow.page()).contains("Your colleagues use INITECH");
        notNow.click("decline");

        assertThat(notNow.signedIn()).isTrue();
        assertThat(SignInForms.signIn(realm, "dora", "dora").signedIn()).as("denied: not asked again").isTrue();
        assertThat(SignInForms.signIn(realm, "nils", "nils").signedIn()).as("declined: not asked again").isTrue();
        realm.createUser("dora-tagged", "Dora+again@joinsuggest.test", true);
        assertThat(SignInForms.signIn(realm, "dora-tagged", "dora-tagged").signedIn())
                .as("denied: another address of the same mailbox is not asked either").isTrue();
        assertThat(Http.post(requests(initech) + "/" + requestId + "/approve", realm.userToken("initech-owner"), null)
                .status()).isEqualTo(404);
    }

    @Test
    void aRemovedMemberDoesNotComeBackByDomainUntilARealmAdminOrAnInvitationLetsThemIn() {
        String userId = realm.createUser("rita", "rita@joinauto.test", true);
        assertThat(TestRealm.decodeClaims(realm.userToken("rita")).path("tenants").has("acme")).isTrue();
        TenancyApi.expect(204, Http.delete(tenancy.selfService() + "/tenants/" + acme + "/members/" + userId,
                realm.userToken("acme-owner")), "remove rita");

        assertThat(TestRealm.decodeClaims(realm.userToken("rita")).path("tenants").has("acme")).isFalse();
        realm.createUser("rita-tagged", "rita+2@joinauto.test", true);
        assertThat(TestRealm.decodeClaims(realm.userToken("rita-tagged")).path("tenants").has("acme"))
                .as("another address of the same mailbox").isFalse();

        tenancy.setRoles(acme, userId, "member");
        TenancyApi.expect(204, Http.delete(tenancy.selfService() + "/tenants/" + acme + "/members/" + userId,
                realm.userToken("rita")), "rita leaves");
        assertThat(TestRealm.decodeClaims(realm.userToken("rita")).path("tenants").has("acme"))
                .as("who left stays out").isFalse();
    }

    @Test
    void aVerifiedAddressInAVerifiedDomainJoinsAtSignInAndTheTokenCarriesTheTenant() {
        String userId = realm.createUser("ann", "ann@joinauto.test", true);

        JsonNode claims = TestRealm.decodeClaims(realm.userToken("ann"));

        assertThat(claims.path("tenants").path("acme").path("roles").toString()).isEqualTo("[\"member\"]");
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + acme + "/members/" + userId, realm.adminToken()).json()
                .path("roles").toString()).isEqualTo("[\"member\"]");
        JsonNode joined = Http.get(realm.adminUrl() + "/admin-events?max=500",
                realm.adminToken()).json().findParents("representation").stream()
                .filter(event -> event.path("representation").asText().contains("verified-domain")
                        && event.path("resourcePath").asText().endsWith(userId))
                .findFirst().orElseThrow();
        assertThat(joined.path("authDetails").path("userId").asText()).as("the event names who joined")
                .isEqualTo(userId);
    }

    @Test
    void neverOnAnUnverifiedAddressAnUnprovenClaimOrADomainTenancyDidNotProve() {
        String unverifiedAddress = realm.createUser("ben", "ben@joinauto.test", false);
        String claimOnly = realm.createUser("cat", "cat@claimed.test", true);
        String unverifiedDomain = realm.createUser("dan", "dan@unproven.test", true);
        String forgedDomain = realm.createUser("fred", "fred@forged.test", true);

        for (String username : new String[] {"ben", "cat", "dan", "fred"}) {
            assertThat(TestRealm.decodeClaims(realm.userToken(username)).path("tenants").has("acme")).as(username)
                    .isFalse();
        }
        for (String userId : new String[] {unverifiedAddress, claimOnly, unverifiedDomain, forgedDomain}) {
            assertThat(Http.get(tenancy.adminApi() + "/tenants/" + acme + "/members/" + userId, realm.adminToken())
                    .status()).isEqualTo(404);
        }
    }

    @Test
    void anAddressAnotherIdentityProviderAssertedDoesNotCount() {
        String idp = """
                {"alias": "partner-idp", "providerId": "oidc", "enabled": true, "trustEmail": true,
                 "config": {"authorizationUrl": "https://idp.partner.test/auth", "tokenUrl": "https://idp.partner.test/token",
                            "clientId": "keycloak", "clientSecret": "not-used", "clientAuthMethod": "client_secret_post"}}
                """;
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/identity-provider/instances", realm.adminToken(), idp),
                "a partner's identity provider");
        String userId = realm.createUser("ivy", "ivy@joinauto.test", true);
        TenancyApi.expect(204, Http.post(realm.adminUrl() + "/users/" + userId + "/federated-identity/partner-idp",
                realm.adminToken(), "{\"identityProvider\": \"partner-idp\", \"userId\": \"ivy-at-partner\", "
                        + "\"userName\": \"ivy\"}"), "link ivy to the partner's provider");

        assertThat(TestRealm.decodeClaims(realm.userToken("ivy")).path("tenants").has("acme")).isFalse();
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + acme + "/members/" + userId, realm.adminToken())
                .status()).isEqualTo(404);
    }

    @Test
    void turnedOffNobodyJoins() {
        String owner = realm.userToken("acme-owner");
        TenancyApi.expect(200, Http.put(join(), owner, "{\"mode\": \"off\"}"), "turn off");
        try {
            String userId = realm.createUser("eve", "eve@joinauto.test", true);
            realm.userToken("eve");
            assertThat(Http.get(tenancy.adminApi() + "/tenants/" + acme + "/members/" + userId, realm.adminToken())
                    .status()).isEqualTo(404);
            assertThat(Http.get(join(), owner).json().path("mode").asText()).isEqualTo("off");
        } finally {
            TenancyApi.expect(200, Http.put(join(), owner, "{\"mode\": \"auto\", \"defaultRole\": \"member\"}"),
                    "turn auto join on again");
        }
    }

    @Test
    void theDefaultRoleFollowsTheGrantRuleAndBadPoliciesAreRefused() {
        HttpResult withoutManageMembers = Http.put(join(), realm.userToken("acme-lead"),
                "{\"mode\": \"auto\", \"defaultRole\": \"member\"}");
        assertThat(withoutManageMembers.status()).as(withoutManageMembers.toString()).isEqualTo(403);
        assertThat(withoutManageMembers.body()).contains("manage-members");
        assertThat(Http.put(join(), realm.userToken("acme-owner"), "{\"mode\": \"sometimes\"}").status())
                .isEqualTo(400);
        assertThat(Http.put(join(), realm.userToken("acme-owner"), "{\"mode\": \"auto\"}").body())
                .contains("'defaultRole' is required");
        assertThat(Http.put(join(), realm.userToken("acme-owner"), "{\"mode\": \"auto\", \"defaultRole\": \"czar\"}")
                .body()).contains("unknown role 'czar'");
        HttpResult managing = Http.put(join(), realm.userToken("acme-owner"), "{\"mode\": \"auto\", \"defaultRole\": "
                + "\"lead\"}");
        assertThat(managing.status()).isEqualTo(400);
        assertThat(managing.body()).contains("role 'lead' grants manage-tenant");
        String outsider = realm.createUser("outsider");
        assertThat(outsider).isNotBlank();
        assertThat(Http.get(join(), realm.userToken("outsider")).status()).isEqualTo(403);
        assertThat(Http.get(join(), realm.userToken("acme-owner")).json().toString())
                .isEqualTo("{\"mode\":\"auto\",\"defaultRole\":\"member\"}");
    }

    private static String requests(String tenant) {
        return tenancy.selfService() + "/tenants/" + tenant + "/join/requests";
    }

    private static String join() {
        return tenancy.selfService() + "/tenants/" + acme + "/join";
    }

}
