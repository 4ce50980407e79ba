package dev.tenancy.keycloak.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Malformed, incomplete, mistyped and oversized input: a 4xx naming the problem, nothing stored, never a 500. */
class BadInputIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;
    private static String tenant;
    private static String user;

    private record Attempt(String method, String path, String body, int status, String message) {
    }

    @BeforeAll
    static void oneTenantWithAMember() {
        tenancy = new TenancyApi(realm);
        tenant = tenancy.createTenant("solid");
        user = realm.createUser("solid-user");
        tenancy.setRoles(tenant, user, "member");
    }

    @Test
    void badAdminInputIsRejectedWithAMessageNamingTheProblem() {
        String longName = "x".repeat(300);
        List<Attempt> attempts = List.of(
                new Attempt("POST", "/tenants", "{\"name\": ", 400, "not valid JSON"),
                new Attempt("POST", "/tenants", "", 400, "body is missing"),
                new Attempt("POST", "/tenants", "[]", 400, "must be a JSON object"),
                new Attempt("POST", "/tenants", "{\"alias\": \"noname\"}", 400, "'name' is required"),
                new Attempt("POST", "/tenants", "{\"name\": 42}", 400, "'name' must be a string"),
                new Attempt("POST", "/tenants", "{\"name\": \"" + longName + "\"}", 400, "longer than 255"),
                new Attempt("POST", "/tenants", "{\"name\": \"Has Space\"}", 400, "'alias' is required"),
                new Attempt("POST", "/tenants", "{\"name\": \"ok\", \"alias\": \"bad alias!\"}", 400, "'alias' must match"),
                new Attempt("POST", "/tenants", "{\"name\": \"ok\", \"enabled\": \"yes\"}", 400, "'enabled' must be true or false"),
                new Attempt("POST", "/tenants", "{\"name\": \"ok\", \"owner\": \"me\"}", 400, "Unknown field 'owner'"),
                new Attempt("GET", "/tenants?max=abc", null, 400, "'max' must be a whole number"),
                new Attempt("GET", "/tenants?first=-5", null, 400, "'first' must be between"),
                new Attempt("GET", "/tenants/no-such-tenant", null, 404, "Tenant not found"),
                new Attempt("GET", "/tenants/" + "z".repeat(100), null, 404, "Tenant not found"),
                new Attempt("PUT", "/tenants/%T", "{\"name\": null}", 400, "'name' is required"),
                new Attempt("PUT", "/tenants/%T/members/%U", "{}", 400, "'roles' is required"),
                new Attempt("PUT", "/tenants/%T/members/%U", "{\"roles\": \"admin\"}", 400, "must be an array"),
                new Attempt("PUT", "/tenants/%T/members/%U", "{\"roles\": [1]}", 400, "invalid entry"),
                new Attempt("PUT", "/tenants/%T/members/no-such-user", "{\"roles\": []}", 404, "User not found"),
                new Attempt("DELETE", "/tenants/%T/members/no-such-user", null, 404, "User not found"),
                new Attempt("PUT", "/tenants/%T/modules", "{\"billing\": []}", 400, "Unknown module 'billing'"),
                new Attempt("PUT", "/config", "{\"roles\": {\"admin\": {\"permissions\": [\"root\"]}}}", 400,
                        "unknown permission 'root'"),
                new Attempt("PUT", "/config", "{\"roles\": {\"" + longName + "\": {}}}", 400, "is not a valid name"),
                new Attempt("PUT", "/config", "{\"roles\": {\"admin\": {}}, \"invitationAllowDifferentEmail\": 1}", 400,
                        "'invitationAllowDifferentEmail' must be true or false"),
                new Attempt("PUT", "/config", "{\"roles\": {\"admin\": {}}, \"apiKeyIntrospectionClients\": \"x\"}", 400,
                        "'apiKeyIntrospectionClients' must be an array"),
                new Attempt("PUT", "/config", "{\"roles\": {\"admin\": {}}, \"invitationMaxResends\": -1}", 400,
                        "'invitationMaxResends' must be between 0 and"),
                new Attempt("PUT", "/config", "{\"roles\": {\"admin\": {}}, \"invitationMailsPerSenderPerHour\": 0}",
                        400, "'invitationMailsPerSenderPerHour' must be between 1 and"),
                new Attempt("POST", "/tenants/%T/invitations", "{\"email\": ", 400, "not valid JSON"),
                new Attempt("POST", "/tenants/%T/invitations", "{}", 400, "'email' is required"),
                new Attempt("POST", "/tenants/%T/invitations", "{\"email\": \"not-an-address\"}", 400,
                        "'email' is not a valid email address"),
                new Attempt("POST", "/tenants/%T/invitations", "{\"email\": \"" + longName + "@example.com\"}", 400,
                        "longer than 254"),
                new Attempt("POST", "/tenants/%T/invitations", "{\"email\": \"a@example.com\", \"roles\": [\"ghost\"]}",
                        400, "unknown role 'ghost'"),
                new Attempt("POST", "/tenants/%T/invitations", "{\"email\": \"a@example.com\", \"groups\": [\"nopath\"]}",
                        400, "'groups' has an invalid entry"),
                new Attempt("POST", "/tenants/%T/invitations", "{\"email\": \"a@example.com\", \"lifespanSeconds\": 5}",
                        400, "'lifespanSeconds' must be between"),
                new Attempt("POST", "/tenants/%T/invitations", "{\"email\": \"a@example.com\", \"sendEmail\": \"no\"}",
                        400, "'sendEmail' must be true or false"),
                new Attempt("POST", "/tenants/%T/invitations", "{\"email\": \"a@example.com\", \"locale\": \"<b>\"}",
                        400, "'locale' must be a language tag"),
                new Attempt("POST", "/tenants/%T/invitations", "{\"email\": \"a@example.com\", \"clientId\": \"ghost\"}",
                        400, "'clientId' names no enabled client"),
                new Attempt("POST", "/tenants/%T/invitations",
                        "{\"email\": \"a@example.com\", \"clientId\": \"tenancy-service\"}", 400,
                        "'redirectUri' is required for this client"),
                new Attempt("POST", "/tenants/%T/invitations", "{\"email\": \"a@example.com\", \"redirectUri\": \"https://x\"}",
                        400, "'redirectUri' needs 'clientId'"),
                new Attempt("POST", "/tenants/%T/invitations", "{\"email\": \"a@example.com\", \"token\": \"mine\"}",
                        400, "Unknown field 'token'"),
                new Attempt("GET", "/tenants/%T/invitations?status=open", null, 400, "'status' must be one of"),
                new Attempt("GET", "/tenants/%T/invitations?max=0", null, 400, "'max' must be between"),
                new Attempt("GET", "/tenants/%T/invitations/no-such-invitation", null, 404, "Invitation not found"),
                new Attempt("POST", "/tenants/%T/invitations/" + "z".repeat(100) + "/revoke", null, 404,
                        "Invitation not found"),
                new Attempt("POST", "/tenants/%T/invitations/no-such-invitation/resend", "{\"sendEmail\": 3}", 400,
                        "'sendEmail' must be true or false"));

        SoftAssertions soft = new SoftAssertions();
        for (Attempt attempt : attempts) {
            HttpResult result = Http.send(attempt.method(),
                    tenancy.adminApi() + attempt.path().replace("%T", tenant).replace("%U", user),
                    realm.adminToken(), attempt.body());
            soft.assertThat(result.status()).as(attempt.method() + " " + attempt.path() + " " + attempt.body())
                    .isEqualTo(attempt.status());
            soft.assertThat(result.body()).as("message of " + attempt.path() + " " + attempt.body())
                    .contains(attempt.message());
        }
        soft.assertAll();
    }

    @Test
    void rejectedInputLeftEverythingAsItWas() {
        badAdminInputIsRejectedWithAMessageNamingTheProblem();

        JsonNode tenants = Http.get(tenancy.adminApi() + "/tenants", realm.adminToken()).json();
        assertThat(tenants).hasSize(1);
        assertThat(tenants.get(0).path("name").asText()).isEqualTo("SOLID");
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenant + "/members/" + user, realm.adminToken())
                .json().path("roles").toString()).isEqualTo("[\"member\"]");
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenant + "/modules", realm.adminToken())
                .json().path("overrides").size()).isZero();
        assertThat(Http.get(tenancy.adminApi() + "/config", realm.adminToken()).json().path("roles").has("admin"))
                .isTrue();
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenant + "/invitations", realm.adminToken()).json())
                .isEmpty();
    }

    @Test
    void badSelfServiceInputIsA400() {
        String owner = realm.createUser("solid-owner");
        tenancy.setRoles(tenant, owner, "admin");
        String token = realm.userToken("solid-owner");

        HttpResult malformed = Http.put(tenancy.selfService() + "/tenants/" + tenant + "/members/" + user, token,
                "{\"roles\": [");
        HttpResult unknownRole = Http.put(tenancy.selfService() + "/tenants/" + tenant + "/members/" + user, token,
                "{\"roles\": [\"nobody-has-this\"]}");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.json().path("errorMessage").asText()).contains("unknown role 'nobody-has-this'");
    }

    @Test
    void badDomainAndJoinInputIsA400AndChangesNothing() {
        List<Attempt> attempts = List.of(
                new Attempt("POST", "/tenants/%T/domains", "{\"domain\": ", 400, "not valid JSON"),
                new Attempt("POST", "/tenants/%T/domains", "{}", 400, "'domain' is required"),
                new Attempt("POST", "/tenants/%T/domains", "{\"domain\": [\"a.test\"]}", 400, "'domain'"),
                new Attempt("POST", "/tenants/%T/domains", "{\"domain\": \"*.acme.test\"}", 400, "not a wildcard"),
                new Attempt("POST", "/tenants/%T/domains", "{\"domain\": \"localhost\"}", 400, "at least two labels"),
                new Attempt("POST", "/tenants/%T/domains", "{\"domain\": \"10.0.0.1\"}", 400, "not an IP address"),
                new Attempt("POST", "/tenants/%T/domains", "{\"domain\": \"a..test\"}", 400, "not a valid domain name"),
                new Attempt("POST", "/tenants/%T/domains", "{\"domain\": \"" + "x".repeat(300) + ".test\"}", 400,
                        "not a valid domain name"),
                new Attempt("POST", "/tenants/%T/domains", "{\"domain\": \"ok.test\", \"owner\": \"x\"}", 400,
                        "Unknown field 'owner'"),
                new Attempt("POST", "/tenants/%T/domains", "{\"domain\": \"ok.test\", \"verified\": \"yes\"}", 400,
                        "'verified' must be true or false"),
                new Attempt("GET", "/tenants/%T/domains/a..test", null, 400, "not a valid domain name"),
                new Attempt("GET", "/tenants/%T/domains/unknown.test", null, 404, "not a domain of this tenant"),
                new Attempt("POST", "/tenants/%T/domains/un_known.test/verify", null, 400, "not a valid domain name"),
                new Attempt("POST", "/tenants/%T/domains/unknown.test/verify", null, 404, "not a domain of this tenant"),
                new Attempt("DELETE", "/tenants/%T/domains/unknown.test", null, 404, "not a domain of this tenant"),
                new Attempt("PUT", "/tenants/%T/join", "{\"mode\": ", 400, "not valid JSON"),
                new Attempt("PUT", "/tenants/%T/join", "{}", 400, "'mode' is required"),
                new Attempt("PUT", "/tenants/%T/join", "{\"mode\": \"AUTO\"}", 400, "'mode' must be one of"),
                new Attempt("PUT", "/tenants/%T/join", "{\"mode\": \"auto\"}", 400, "'defaultRole' is required"),
                new Attempt("PUT", "/tenants/%T/join", "{\"mode\": \"auto\", \"defaultRole\": 7}", 400,
                        "'defaultRole' must be a string"),
                new Attempt("PUT", "/tenants/%T/join", "{\"mode\": \"auto\", \"defaultRole\": \"nobody\"}", 400,
                        "unknown role 'nobody'"),
                new Attempt("PUT", "/tenants/%T/join", "{\"mode\": \"off\", \"extra\": 1}", 400,
                        "Unknown field 'extra'"),
                new Attempt("POST", "/tenants/%T/join/requests/unknown/approve", null, 404, "No pending request"),
                new Attempt("POST", "/tenants/%T/join/requests/" + "r".repeat(300) + "/deny", null, 404,
                        "No pending request"),
                new Attempt("POST", "/tenants/%T/join/requests/unknown/approve", "{\"roles\": \"member\"}", 400,
                        "must be an array"),
                new Attempt("POST", "/tenants/%T/join/requests/unknown/approve", "{\"roles\": [\"member\"], "
                        + "\"extra\": 1}", 400, "Unknown field 'extra'"),
                new Attempt("POST", "/tenants/%T/join/requests/unknown/approve", "{}", 400, "'roles' is required"));
        String owner = realm.createUser("domain-owner");
        tenancy.setRoles(tenant, owner, "admin");
        SoftAssertions soft = new SoftAssertions();
        for (String base : List.of(tenancy.adminApi(), tenancy.selfService())) {
            String token = base.equals(tenancy.adminApi()) ? realm.adminToken() : realm.userToken("domain-owner");
            for (Attempt attempt : attempts) {
                HttpResult result = Http.send(attempt.method(), base + attempt.path().replace("%T", tenant), token,
                        attempt.body());
                soft.assertThat(result.status()).as(base + " " + attempt.method() + " " + attempt.path() + " "
                        + attempt.body()).isEqualTo(attempt.status());
                soft.assertThat(result.body()).as("message of " + attempt.path()).contains(attempt.message());
            }
        }
        soft.assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenant + "/domains", realm.adminToken()).json())
                .as("claims after bad input").isEmpty();
        soft.assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenant + "/join", realm.adminToken()).json()
                .path("mode").asText()).as("join policy after bad input").isEqualTo("off");
        soft.assertAll();
    }

    @Test
    void badApiKeyInputIsA400AndStoresNothing() {
        String token = realm.userToken("solid-user");
        String keys = tenancy.selfService() + "/me/api-keys";
        List<Attempt> attempts = List.of(
                new Attempt("POST", "", "{\"name\": ", 400, "not valid JSON"),
                new Attempt("POST", "", "{}", 400, "'name' is required"),
                new Attempt("POST", "", "{\"name\": \"" + "n".repeat(300) + "\"}", 400, "longer than 255"),
                new Attempt("POST", "", "{\"name\": \"k\", \"tenantId\": \"t\", \"scopes\": \"billing:read\"}", 400, "must be an array"),
                new Attempt("POST", "", "{\"name\": \"k\", \"tenantId\": \"t\", \"scopes\": [\"billing\"]}", 400, "'scopes' has an invalid entry"),
                new Attempt("POST", "", "{\"name\": \"k\", \"tenantId\": \"t\", \"scopes\": [\"billing:none\"]}", 400, "'scopes' has an invalid entry"),
                new Attempt("POST", "", "{\"name\": \"k\", \"tenantId\": \"t\", \"lifespanSeconds\": 1}", 400, "'lifespanSeconds' must be between"),
                new Attempt("POST", "", "{\"name\": \"k\", \"tenantId\": 7}", 400, "'tenantId' must be a string"),
                new Attempt("POST", "", "{\"name\": \"k\", \"scopes\": [\"billing:read\"]}", 400, "'tenantId' is required"),
                new Attempt("POST", "", "{\"name\": \"k\", \"key\": \"tnc_mine\"}", 400, "Unknown field 'key'"),
                new Attempt("GET", "?max=5000", null, 400, "'max' must be between"),
                new Attempt("GET", "/no-such-key", null, 404, "API key not found"),
                new Attempt("POST", "/no-such-key/revoke", null, 404, "API key not found"),
                new Attempt("POST", "/no-such-key/rotate", "{\"gracePeriodSeconds\": -1}", 400,
                        "'gracePeriodSeconds' must be between"));

        SoftAssertions soft = new SoftAssertions();
        for (Attempt attempt : attempts) {
            HttpResult result = Http.send(attempt.method(), keys + attempt.path(), token, attempt.body());
            soft.assertThat(result.status()).as(attempt.method() + " " + attempt.path() + " " + attempt.body())
                    .isEqualTo(attempt.status());
            soft.assertThat(result.body()).as("message of " + attempt.path() + " " + attempt.body())
                    .contains(attempt.message());
        }
        soft.assertAll();
        assertThat(Http.get(keys, token).json()).isEmpty();
    }

    @Test
    void badCredentialInputIsA400AndStoresNothing() {
        String token = realm.userToken("solid-user");
        String mine = tenancy.selfService() + "/me/credentials";
        String admin = tenancy.adminApi() + "/credentials";
        String ok = "\"name\": \"n\", \"provider\": \"smtp\"";
        List<Attempt> attempts = List.of(
                new Attempt("POST", mine, "{\"name\": ", 400, "not valid JSON"),
                new Attempt("POST", mine, "", 400, "body is missing"),
                new Attempt("POST", mine, "{}", 400, "'name' is required"),
                new Attempt("POST", mine, "{\"name\": \"n\"}", 400, "'provider' is required"),
                new Attempt("POST", mine, "{" + ok + "}", 400, "'type' is required"),
                new Attempt("POST", mine, "{" + ok + ", \"type\": \"SECRET\"}", 400, "'value' is required"),
                new Attempt("POST", mine, "{" + ok + ", \"type\": \"TOTP\", \"value\": \"v\"}", 400, "'type' must be one of"),
                new Attempt("POST", mine, "{\"name\": \"n\", \"provider\": \"Has Space\", \"type\": \"SECRET\", \"value\": \"v\"}",
                        400, "'provider' must match"),
                new Attempt("POST", mine, "{\"name\": \"" + "n".repeat(300) + "\", \"provider\": \"p\", \"type\": \"SECRET\", \"value\": \"v\"}",
                        400, "longer than 255"),
                new Attempt("POST", mine, "{" + ok + ", \"type\": \"SECRET\", \"value\": {\"a\": 1}}", 400, "'value' must be a string"),
                new Attempt("POST", mine, "{" + ok + ", \"type\": \"SECRET\", \"value\": \"\"}", 400, "'value' must not be empty"),
                new Attempt("POST", mine, "{" + ok + ", \"type\": \"SECRET\", \"value\": \"" + "v".repeat(16_385) + "\"}",
                        400, "longer than 16384"),
                new Attempt("POST", mine, "{" + ok + ", \"type\": \"OAUTH_TOKEN\", \"value\": \"t\"}", 400, "must be an object"),
                new Attempt("POST", mine, "{" + ok + ", \"type\": \"OAUTH_TOKEN\", \"value\": {\"refreshToken\": \"r\"}}",
                        400, "'value.accessToken' is required"),
                new Attempt("POST", mine, "{" + ok + ", \"type\": \"OAUTH_TOKEN\", \"value\": {\"accessToken\": \"a\", \"expiresAt\": \"soon\"}}",
                        400, "'value.expiresAt' must be an ISO-8601 instant"),
                new Attempt("POST", mine, "{" + ok + ", \"type\": \"OAUTH_TOKEN\", \"value\": {\"accessToken\": \"a\", \"password\": \"p\"}}",
                        400, "Unknown field 'value.password'"),
                new Attempt("POST", mine, "{" + ok + ", \"type\": \"SECRET\", \"value\": \"v\", \"metadata\": {\"a\": {\"b\": 1}}}",
                        400, "'metadata.a' must be a string, number or boolean"),
                new Attempt("POST", mine, "{" + ok + ", \"type\": \"SECRET\", \"value\": \"v\", \"metadata\": [1]}",
                        400, "'metadata' must be a JSON object"),
                new Attempt("POST", mine, "{" + ok + ", \"type\": \"SECRET\", \"value\": \"v\", \"expiresAt\": \"tomorrow\"}",
                        400, "'expiresAt' must be an ISO-8601 instant"),
                new Attempt("POST", mine, "{" + ok + ", \"type\": \"SECRET\", \"value\": \"v\", \"scope\": \"SYSTEM\"}",
                        400, "Unknown field 'scope'"),
                new Attempt("GET", mine + "?type=TOTP", null, 400, "'type' must be one of"),
                new Attempt("GET", mine + "?max=0", null, 400, "'max' must be between"),
                new Attempt("GET", mine + "/no-such-credential", null, 404, "Credential not found"),
                new Attempt("PUT", mine + "/no-such-credential", "{\"active\": false}", 404, "Credential not found"),
                new Attempt("POST", mine + "/" + "z".repeat(100) + "/reveal", null, 404, "Credential not found"),
                new Attempt("POST", admin, "{" + ok + ", \"type\": \"SECRET\", \"value\": \"v\"}", 400, "'scope' is required"),
                new Attempt("POST", admin, "{" + ok + ", \"type\": \"SECRET\", \"value\": \"v\", \"scope\": \"GLOBAL\"}",
                        400, "'scope' must be USER, TENANT or SYSTEM"),
                new Attempt("POST", admin, "{" + ok + ", \"type\": \"SECRET\", \"value\": \"v\", \"scope\": \"USER\"}",
                        400, "'ownerId' is required for scope USER"),
                new Attempt("POST", admin, "{" + ok + ", \"type\": \"SECRET\", \"value\": \"v\", \"scope\": \"SYSTEM\", \"ownerId\": \"x\"}",
                        400, "'ownerId' must be absent for scope SYSTEM"),
                new Attempt("POST", admin, "{" + ok + ", \"type\": \"SECRET\", \"value\": \"v\", \"scope\": \"USER\", \"ownerId\": \"no-such-user\"}",
                        400, "'ownerId' names no user"),
                new Attempt("POST", admin, "{" + ok + ", \"type\": \"SECRET\", \"value\": \"v\", \"scope\": \"TENANT\", \"ownerId\": \"no-such-tenant\"}",
                        400, "'ownerId' names no tenant"),
                new Attempt("GET", admin + "?scope=GLOBAL", null, 400, "'scope' must be USER, TENANT or SYSTEM"),
                new Attempt("POST", tenancy.adminApi() + "/keys/rotate", "{\"version\": 9}", 400, "KEK version 9 is not configured"),
                new Attempt("POST", tenancy.adminApi() + "/keys/rotate", "{\"version\": \"2\"}", 400, "'version' must be a whole number"));

        SoftAssertions soft = new SoftAssertions();
        for (Attempt attempt : attempts) {
            String caller = attempt.path().startsWith(mine) ? token : realm.adminToken();
            HttpResult result = Http.send(attempt.method(), attempt.path(), caller, attempt.body());
            soft.assertThat(result.status()).as(attempt.method() + " " + attempt.path() + " " + attempt.body())
                    .isEqualTo(attempt.status());
            soft.assertThat(result.body()).as("message of " + attempt.path() + " " + attempt.body())
                    .contains(attempt.message());
        }
        soft.assertAll();
        assertThat(Http.get(mine, token).json()).isEmpty();
        assertThat(Http.get(admin, realm.adminToken()).json()).isEmpty();

        // A change that is refused leaves the stored credential as it was.
        String id = Http.post(mine, token, "{" + ok + ", \"type\": \"SECRET\", \"value\": \"kept-value\"}").createdId();
        TenancyApi.expect(400, Http.put(mine + "/" + id, token, "{}"), "an empty change");
        TenancyApi.expect(400, Http.put(mine + "/" + id, token, "{\"value\": 5}"), "a mistyped value");
        TenancyApi.expect(400, Http.put(mine + "/" + id, token, "{\"value\": \"new\", \"active\": \"no\"}"), "half good");
        assertThat(Http.post(mine + "/" + id + "/reveal", token, null).json().path("value").asText()).isEqualTo("kept-value");
    }

    @Test
    void aBadImportIsA400NamingTheRowAndWritesNothing() {
        String url = tenancy.adminApi() + "/import";
        JsonNode exported = Http.get(tenancy.adminApi() + "/export", realm.adminToken()).json();
        String head = "\"format\": \"keycloak-tenancy-export\", \"version\": 1, \"realm\": {\"id\": \""
                + realm.id() + "\"}";
        ObjectNode newRoleRow = exported.path("memberRoles").get(0).deepCopy();
        newRoleRow.put("id", "11111111-1111-1111-1111-111111111111").put("roleName", "operator");
        String newRole = newRoleRow.toString();
        List<Attempt> attempts = List.of(
                new Attempt("POST", url, "{\"format\": ", 400, "not valid JSON"),
                new Attempt("POST", url, "", 400, "body is missing"),
                new Attempt("POST", url, "{}", 400, "'format' must be"),
                new Attempt("POST", url, "{\"format\": \"keycloak-tenancy-export\", \"version\": 2}", 400,
                        "'version' must be 1"),
                new Attempt("POST", url, "{" + head + ", \"extra\": 1}", 400, "Unknown field 'extra'"),
                new Attempt("POST", url, "{" + head + ", \"memberRoles\": [" + newRole + ", 7]}", 400,
                        "'memberRoles[1]' must be a JSON object"),
                new Attempt("POST", url, "{" + head + ", \"memberRoles\": [" + newRole + ", " + newRole + "]}", 400,
                        "'memberRoles[1]' repeats id of 'memberRoles[0]'"),
                new Attempt("POST", url, "{" + head + ", \"memberRoles\": [" + newRole.replace("\"roleName\"",
                        "\"role\"") + "]}", 400, "'memberRoles[0].role' is not a field"),
                new Attempt("POST", url, "{" + head + ", \"memberRoles\": [" + newRole + "], \"apiKeys\": [{\"id\": 5}]}",
                        400, "'apiKeys[0].id' must be a string"),
                new Attempt("POST", url, "{" + head + ", \"memberRoles\": [" + newRole + "], \"apiKeys\": [{\"id\": \"k\"}]}",
                        400, "'apiKeys[0].realmId' is required"),
                new Attempt("POST", url, "{" + head + ", \"memberRoles\": [" + newRoleRow.deepCopy().put("roleName",
                        "r".repeat(65)) + "]}", 400, "'memberRoles[0].roleName' must be at most 64"),
                new Attempt("POST", url, "{" + head + ", \"memberRoles\": [" + newRole.replace(realm.id(), "other")
                        + "]}", 400, "'memberRoles[0].realmId' must be the realm's id"));
        SoftAssertions soft = new SoftAssertions();
        for (Attempt attempt : attempts) {
            HttpResult result = Http.send(attempt.method(), attempt.path(), realm.adminToken(), attempt.body());
            soft.assertThat(result.status()).as(attempt.body()).isEqualTo(attempt.status());
            soft.assertThat(result.body()).as("message of " + attempt.body()).contains(attempt.message());
        }
        soft.assertAll();
        assertThat(Http.get(tenancy.adminApi() + "/export", realm.adminToken()).json().path("memberRoles"))
                .isEqualTo(exported.path("memberRoles"));
    }
}
