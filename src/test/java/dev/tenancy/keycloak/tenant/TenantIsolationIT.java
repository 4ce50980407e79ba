package dev.tenancy.keycloak.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.SignInForms;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every endpoint of the tenant APIs as each kind of caller and checks each denial: tenant A's admin
 * against tenant B, an operator, a plain member, a non-member, anonymous, a realm user on the admin API, and a
 * token made from an API key of someone who is both tenant admin and realm admin.
 */
class TenantIsolationIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;
    private static String tenantA;
    private static String tenantB;
    private static String memberOfB;
    private static String memberOfA;
    private static String operatorOfA;
    private static String invitationOfA;
    private static String invitationOfB;
    private static String keyOfA;
    private static String keyOfB;
    private static String requestOfA;
    private static String requestOfB;

    /**
     * One call; {@code %T} is replaced by the tenant id, {@code %U} by a member of that tenant, {@code %I}
     * by an invitation, {@code %K} by an API key and {@code %R} by a pending request to join of that tenant.
     */
    private record Call(String method, String path, String body) {
        HttpResult send(String base, String token, String tenant, String user) {
            String invitation = tenant.equals(tenantA) ? invitationOfA : invitationOfB;
            String key = tenant.equals(tenantA) ? keyOfA : keyOfB;
            String request = tenant.equals(tenantA) ? requestOfA : requestOfB;
            return Http.send(method, base + path.replace("%T", tenant).replace("%U", user).replace("%I", invitation)
                    .replace("%K", key).replace("%R", request), token, body);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Call> SELF_SERVICE = List.of(
            new Call("GET", "/tenants/%T", null),
            new Call("GET", "/tenants/%T/members", null),
            new Call("GET", "/tenants/%T/members/%U", null),
            new Call("PUT", "/tenants/%T/members/%U", "{\"roles\": [\"member\"]}"),
            new Call("DELETE", "/tenants/%T/members/%U", null),
            new Call("GET", "/tenants/%T/modules", null),
            new Call("GET", "/tenants/%T/invitations", null),
            new Call("POST", "/tenants/%T/invitations", "{\"email\": \"intruder@example.com\", \"sendEmail\": false}"),
            new Call("GET", "/tenants/%T/invitations/%I", null),
            new Call("POST", "/tenants/%T/invitations/%I/resend", "{\"sendEmail\": false}"),
            new Call("POST", "/tenants/%T/invitations/%I/revoke", null),
            new Call("GET", "/tenants/%T/api-keys", null),
            new Call("POST", "/tenants/%T/api-keys/%K/revoke", null),
            new Call("GET", "/tenants/%T/domains", null),
            new Call("POST", "/tenants/%T/domains", "{\"domain\": \"intruder.test\"}"),
            new Call("GET", "/tenants/%T/domains/isolation.test", null),
            new Call("POST", "/tenants/%T/domains/isolation.test/verify", null),
            new Call("DELETE", "/tenants/%T/domains/isolation.test", null),
            new Call("GET", "/tenants/%T/join", null),
            new Call("PUT", "/tenants/%T/join", "{\"mode\": \"auto\", \"defaultRole\": \"member\"}"),
            new Call("GET", "/tenants/%T/join/requests", null),
            new Call("POST", "/tenants/%T/join/requests/%R/approve", null),
            new Call("POST", "/tenants/%T/join/requests/%R/deny", null),
            new Call("PUT", "/tenants/%T/modules", "{\"billing\": {\"member\": \"admin\"}}"));

    private static final List<Call> ADMIN = List.of(
            new Call("GET", "/config", null),
            new Call("PUT", "/config", "{\"roles\": {\"admin\": {}}}"),
            new Call("GET", "/tenants", null),
            new Call("POST", "/tenants", "{\"name\": \"Intruder\", \"alias\": \"intruder\"}"),
            new Call("GET", "/tenants/%T", null),
            new Call("PUT", "/tenants/%T", "{\"name\": \"Renamed\"}"),
            new Call("DELETE", "/tenants/%T", null),
            new Call("GET", "/tenants/%T/members", null),
            new Call("PUT", "/tenants/%T/members/%U", "{\"roles\": [\"admin\"]}"),
            new Call("DELETE", "/tenants/%T/members/%U", null),
            new Call("GET", "/tenants/%T/modules", null),
            new Call("GET", "/tenants/%T/invitations", null),
            new Call("POST", "/tenants/%T/invitations", "{\"email\": \"intruder@example.com\", \"sendEmail\": false}"),
            new Call("GET", "/tenants/%T/invitations/%I", null),
            new Call("POST", "/tenants/%T/invitations/%I/resend", "{\"sendEmail\": false}"),
            new Call("POST", "/tenants/%T/invitations/%I/revoke", null),
            new Call("GET", "/tenants/%T/api-keys", null),
            new Call("POST", "/tenants/%T/api-keys/%K/revoke", null),
            new Call("GET", "/tenants/%T/domains", null),
            new Call("POST", "/tenants/%T/domains", "{\"domain\": \"intruder.test\"}"),
            new Call("GET", "/tenants/%T/domains/isolation.test", null),
            new Call("POST", "/tenants/%T/domains/isolation.test/verify", null),
            new Call("DELETE", "/tenants/%T/domains/isolation.test", null),
            new Call("GET", "/tenants/%T/join", null),
            new Call("PUT", "/tenants/%T/join", "{\"mode\": \"auto\", \"defaultRole\": \"member\"}"),
            new Call("GET", "/tenants/%T/join/requests", null),
            new Call("POST", "/tenants/%T/join/requests/%R/approve", null),
            new Call("POST", "/tenants/%T/join/requests/%R/deny", null),
            new Call("PUT", "/tenants/%T/modules", "{\"billing\": {\"member\": \"admin\"}}"),
            new Call("GET", "/export", null),
            new Call("POST", "/import", "{\"format\": \"keycloak-tenancy-export\", \"version\": 1, "
                    + "\"realm\": {\"id\": \"x\"}}"));

    @BeforeAll
    static void twoTenants() {
        tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-tenant", "manage-members", "view-members",
                                                       "manage-invitations"]},
                           "operator": {"permissions": ["view-members"]}, "member": {}},
                 "modules": {"billing": {"admin": "admin", "operator": "write", "member": "read"}},
                 "apiKeyClients": ["tenancy-service"]}
                """);
        tenantA = tenancy.createTenant("tenant-a");
        tenantB = tenancy.createTenant("tenant-b");
        tenancy.setRoles(tenantA, realm.createUser("admin-a"), "admin");
        operatorOfA = realm.createUser("operator-a");
        tenancy.setRoles(tenantA, operatorOfA, "operator");
        memberOfA = realm.createUser("member-a");
        tenancy.setRoles(tenantA, memberOfA, "member");
        memberOfB = realm.createUser("member-b");
        tenancy.setRoles(tenantB, memberOfB, "admin");
        realm.createUser("outsider");
        invitationOfA = invite(tenantA, "invited-a@example.com");
        invitationOfB = invite(tenantB, "invited-b@example.com");
        keyOfA = key("member-a", tenantA);
        keyOfB = key("member-b", tenantB);
        // Both tenants claim one name: claims waiting for their DNS proof do not exclude each other.
        claimDomain(tenantA);
        claimDomain(tenantB);
        requestOfA = requestToJoin(tenantA, "a-join.test");
        requestOfB = requestToJoin(tenantB, "b-join.test");
    }

    /** A pending request to join the tenant, from a user of its verified domain who was asked at sign-in. */
    private static String requestToJoin(String tenant, String domain) {
        TenancyApi.expect(201, Http.post(tenancy.adminApi() + "/tenants/" + tenant + "/domains", realm.adminToken(),
                "{\"domain\": \"" + domain + "\", \"verified\": true}"), "vouch " + domain);
        TenancyApi.expect(200, Http.put(tenancy.adminApi() + "/tenants/" + tenant + "/join", realm.adminToken(),
                "{\"mode\": \"suggest\", \"defaultRole\": \"member\"}"), "suggest joining");
        String username = "asker-" + domain.substring(0, 1);
        realm.createUser(username, username + "@" + domain, true);
        SignInForms.signIn(realm, username, username).click("request");
        JsonNode pending = Http.get(tenancy.adminApi() + "/tenants/" + tenant + "/join/requests", realm.adminToken())
                .json();
        if (pending.size() != 1) {
            throw new IllegalStateException("expected one request to join, found " + pending);
        }
        return pending.get(0).path("id").asText();
    }

    private static void claimDomain(String tenant) {
        TenancyApi.expect(201, Http.post(tenancy.adminApi() + "/tenants/" + tenant + "/domains", realm.adminToken(),
                "{\"domain\": \"isolation.test\"}"), "claim isolation.test");
    }

    private static String key(String owner, String tenant) {
        HttpResult created = Http.post(tenancy.selfService() + "/me/api-keys", realm.userToken(owner),
                "{\"name\": \"isolation\", \"tenantId\": \"" + tenant + "\"}");
        TenancyApi.expect(201, created, "key of " + owner);
        return created.json().path("id").asText();
    }

    private static String invite(String tenant, String email) {
        HttpResult created = Http.post(tenancy.adminApi() + "/tenants/" + tenant + "/invitations", realm.adminToken(),
                "{\"email\": \"" + email + "\", \"sendEmail\": false}");
        TenancyApi.expect(201, created, "invite " + email);
        return created.json().path("id").asText();
    }

    @Test
    void tenantAdminOfAIsDeniedEverythingInB() {
        expectEverywhere(realm.userToken("admin-a"), tenantB, memberOfB, 403);
    }

    @Test
    void nonMemberIsDeniedEverythingInA() {
        expectEverywhere(realm.userToken("outsider"), tenantA, memberOfA, 403);
    }

    @Test
    void anonymousGets401Everywhere() {
        expectEverywhere(null, tenantA, memberOfA, 401);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(Http.get(tenancy.selfService() + "/me/tenants", null).status()).as("GET /me/tenants").isEqualTo(401);
        for (Call call : ADMIN) {
            soft.assertThat(call.send(tenancy.adminApi(), null, tenantA, memberOfA).status()).as("admin " + call).isEqualTo(401);
        }
        soft.assertAll();
    }

    @Test
    void operatorMayOnlyLook() {
        String token = realm.userToken("operator-a");
        SoftAssertions soft = new SoftAssertions();
        for (Call call : SELF_SERVICE) {
            boolean managed = call.path().contains("invitations") || call.path().contains("api-keys")
                    || call.path().contains("domains") || call.path().contains("join");
            int expected = call.method().equals("GET") && !managed ? 200 : 403;
            soft.assertThat(call.send(tenancy.selfService(), token, tenantA, memberOfA).status()).as(call.toString())
                    .isEqualTo(expected);
        }
        soft.assertAll();
    }

    @Test
    void plainMemberSeesOnlyTheirOwnTenantEntry() {
        String token = realm.userToken("member-a");
        // Acting on a colleague: on themselves, DELETE would be leaving the tenant, which is allowed.
        SoftAssertions soft = new SoftAssertions();
        for (Call call : SELF_SERVICE) {
            boolean ownTenantView = call.path().equals("/tenants/%T") || call.path().equals("/tenants/%T/modules")
                    && call.method().equals("GET");
            soft.assertThat(call.send(tenancy.selfService(), token, tenantA, operatorOfA).status()).as(call.toString())
                    .isEqualTo(ownTenantView ? 200 : 403);
        }
        soft.assertAll();
    }

    @Test
    void anInvitationOfBIsNotFoundThroughA() {
        String adminOfA = realm.userToken("admin-a");
        String throughA = "/tenants/" + tenantA + "/invitations/" + invitationOfB;
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(Http.get(tenancy.selfService() + throughA, adminOfA).status()).as("self-service get").isEqualTo(404);
        soft.assertThat(Http.post(tenancy.selfService() + throughA + "/revoke", adminOfA, null).status())
                .as("self-service revoke").isEqualTo(404);
        soft.assertThat(Http.post(tenancy.selfService() + throughA + "/resend", adminOfA, null).status())
                .as("self-service resend").isEqualTo(404);
        soft.assertThat(Http.get(tenancy.adminApi() + throughA, realm.adminToken()).status()).as("admin get").isEqualTo(404);
        soft.assertThat(Http.get(tenancy.selfService() + "/tenants/" + tenantA + "/invitations", adminOfA).body())
                .as("A's list").contains(invitationOfA).doesNotContain(invitationOfB);
        soft.assertAll();
    }

    @Test
    void aRequestToJoinBIsNotFoundThroughA() {
        String adminOfA = realm.userToken("admin-a");
        SoftAssertions soft = new SoftAssertions();
        for (String decision : List.of("approve", "deny")) {
            String throughA = "/tenants/" + tenantA + "/join/requests/" + requestOfB + "/" + decision;
            soft.assertThat(Http.post(tenancy.selfService() + throughA, adminOfA, null).status())
                    .as("self-service " + decision).isEqualTo(404);
            soft.assertThat(Http.post(tenancy.adminApi() + throughA, realm.adminToken(), null).status())
                    .as("admin " + decision).isEqualTo(404);
        }
        soft.assertThat(Http.get(tenancy.selfService() + "/tenants/" + tenantA + "/join/requests", adminOfA).body())
                .as("A's list").contains(requestOfA).doesNotContain(requestOfB);
        soft.assertAll();
    }

    @Test
    void nobodyReachesAnotherOwnersKeyThroughTheirOwnList() {
        String memberOfBToken = realm.userToken("member-b");
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(Http.get(tenancy.selfService() + "/me/api-keys/" + keyOfA, memberOfBToken).status())
                .as("get A's key as B's member").isEqualTo(404);
        soft.assertThat(Http.post(tenancy.selfService() + "/me/api-keys/" + keyOfA + "/revoke", memberOfBToken, null)
                .status()).as("revoke A's key as B's member").isEqualTo(404);
        soft.assertThat(Http.post(tenancy.selfService() + "/me/api-keys/" + keyOfA + "/rotate", memberOfBToken, null)
                .status()).as("rotate A's key as B's member").isEqualTo(404);
        soft.assertThat(Http.get(tenancy.selfService() + "/me/api-keys", memberOfBToken).body()).as("B's list")
                .contains(keyOfB).doesNotContain(keyOfA);
        soft.assertThat(Http.post(tenancy.adminApi() + "/tenants/" + tenantA + "/api-keys/" + keyOfB + "/revoke",
                realm.adminToken(), null).status()).as("B's key through A's admin path").isEqualTo(404);
        soft.assertAll();
    }

    @Test
    void aRealmUserWithoutAdminRolesIsDeniedTheAdminApi() {
        String token = realm.userToken("admin-a");
        SoftAssertions soft = new SoftAssertions();
        for (Call call : ADMIN) {
            soft.assertThat(call.send(tenancy.adminApi(), token, tenantA, memberOfA).status()).as(call.toString())
                    .isEqualTo(403);
        }
        soft.assertAll();
    }

    @Test
    void aTokenMadeFromAnApiKeyIsRefusedEverywhere() {
        String root = realm.createUser("root-a");
        tenancy.setRoles(tenantA, root, "admin");
        realm.grantRealmManagementRole(root, "realm-admin");
        String token = tenancy.keyToken("root-a", tenantA, "billing:admin");

        expectEverywhere(token, tenantA, memberOfA, 401);
        SoftAssertions soft = new SoftAssertions();
        for (String mine : List.of("/me/tenants", "/me/api-keys", "/me/credentials")) {
            soft.assertThat(Http.get(tenancy.selfService() + mine, token).status()).as("GET " + mine).isEqualTo(401);
        }
        for (Call call : ADMIN) {
            soft.assertThat(call.send(tenancy.adminApi(), token, tenantA, memberOfA).status()).as("admin " + call)
                    .isEqualTo(401);
        }
        soft.assertAll();
    }

    @Test
    void deniedCallsChangedNothing() {
        tenantAdminOfAIsDeniedEverythingInB();
        aRealmUserWithoutAdminRolesIsDeniedTheAdminApi();

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenantB, realm.adminToken()).json()
                .path("name").asText()).isEqualTo("TENANT-B");
        soft.assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenantB + "/members/" + memberOfB,
                realm.adminToken()).json().path("roles").toString()).isEqualTo("[\"admin\"]");
        soft.assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenantB + "/modules", realm.adminToken()).json()
                .path("overrides").size()).isZero();
        soft.assertThat(Http.get(tenancy.adminApi() + "/tenants?search=intruder", realm.adminToken()).json()).isEmpty();
        soft.assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenantB + "/invitations/" + invitationOfB,
                realm.adminToken()).json().path("status").asText()).isEqualTo("pending");
        soft.assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenantB + "/invitations?email=intruder",
                realm.adminToken()).json()).isEmpty();
        soft.assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenantB + "/api-keys", realm.adminToken()).json()
                .path(0).path("status").asText()).isEqualTo("active");
        soft.assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenantB + "/domains", realm.adminToken()).json()
                .toString()).contains("isolation.test").doesNotContain("intruder.test");
        soft.assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenantB + "/join", realm.adminToken()).json()
                .path("mode").asText()).isEqualTo("suggest");
        soft.assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenantB + "/join/requests", realm.adminToken())
                .json().path(0).path("id").asText()).as("B's request still pending").isEqualTo(requestOfB);
        soft.assertAll();
    }

    private static void expectEverywhere(String token, String tenant, String user, int status) {
        SoftAssertions soft = new SoftAssertions();
        for (Call call : SELF_SERVICE) {
            soft.assertThat(call.send(tenancy.selfService(), token, tenant, user).status()).as(call.toString())
                    .isEqualTo(status);
        }
        soft.assertAll();
    }
}
