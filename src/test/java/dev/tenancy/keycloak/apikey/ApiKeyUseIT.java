package dev.tenancy.keycloak.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.secret.SecretHash;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.SecretScan;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Using keys: RFC 7662 introspection and the token exchange grant, with scopes cut to what the owner holds
 * at each use, revocation effective on the next request, rate limiting of failures, and a database scan.
 */
class ApiKeyUseIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static final String SERVICE = TestRealm.SERVICE_CLIENT + ":" + TestRealm.SERVICE_SECRET;
    private static final List<String> KEYS = new CopyOnWriteArrayList<>();
    private static TenancyApi tenancy;
    private static String acme;
    private static String ownerId;

    @BeforeAll
    static void setUp() {
        tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-api-keys"]}, "operator": {}, "member": {}},
                 "modules": {"billing": {"admin": "admin", "operator": "write", "member": "read"},
                             "reports": {"admin": "read", "operator": "read"}},
                 "apiKeyClients": ["tenancy-service"], "apiKeyIntrospectionClients": ["tenancy-service", "scanner"]}
                """);
        tenancy.addClaimsMapperToTestClient();
        acme = tenancy.createTenant("acme");
        ownerId = realm.createUser("kim");
        tenancy.setRoles(acme, ownerId, "operator");
    }

    @AfterAll
    static void noTableHoldsARawKey() throws Exception {
        assertThat(KEYS).isNotEmpty();
        assertThat(SecretScan.find(realm.server(), KEYS)).isEmpty();
        List<String> hashes = KEYS.stream().map(SecretHash::sha256Hex).toList();
        assertThat(SecretScan.find(realm.server(), hashes))
                .anyMatch(hit -> hit.equalsIgnoreCase("TENANCY_API_KEY.KEY_HASH"));
    }

    private static JsonNode newKey(String user, String body) {
        HttpResult created = Http.post(tenancy.selfService() + "/me/api-keys", realm.userToken(user), body);
        TenancyApi.expect(201, created, "create key");
        KEYS.add(created.json().path("key").asText());
        return created.json();
    }

    private static String acmeKey(String... scopes) {
        StringBuilder body = new StringBuilder("{\"name\": \"k\", \"tenantId\": \"" + acme + "\", \"scopes\": [");
        for (int i = 0; i < scopes.length; i++) {
            body.append(i == 0 ? "" : ", ").append('"').append(scopes[i]).append('"');
        }
        return newKey("kim", body.append("]}").toString()).path("key").asText();
    }

    private static HttpResult introspect(String key, String clientAuth) {
        return Http.postForm(realm.url() + "/tenancy/api-keys/introspect", Map.of("token", key), clientAuth);
    }

    private static HttpResult exchange(String key, String clientAuth) {
        return Http.postForm(realm.tokenUrl(), Map.of("grant_type", "urn:tenancy:grant-type:api-key",
                "api_key", key), clientAuth);
    }

    @Test
    void introspectionDescribesAWorkingKey() {
        String key = acmeKey("billing:write", "reports:read");
        String id = idOf(key);

        HttpResult answer = introspect(key, SERVICE);

        TenancyApi.expect(200, answer, "introspect");
        JsonNode json = answer.json();
        assertThat(json.path("active").asBoolean()).isTrue();
        assertThat(json.path("sub").asText()).isEqualTo(ownerId);
        assertThat(json.path("tenant_id").asText()).isEqualTo(acme);
        assertThat(json.path("scope").asText()).isEqualTo("billing:write reports:read");
        assertThat(json.path("key_id").asText()).isEqualTo(id);
        assertThat(json.hasNonNull("exp")).isFalse();
        assertThat(answer.header("Cache-Control")).contains("no-store");
    }

    @Test
    void anythingButAWorkingKeyIsInactive() throws Exception {
        String revoked = acmeKey("billing:read");
        String revokedId = idOf(revoked);
        Http.post(tenancy.selfService() + "/me/api-keys/" + revokedId + "/revoke", realm.userToken("kim"), null);
        String expired = acmeKey("billing:read");
        try (Connection connection = realm.server().database().openJdbc();
             PreparedStatement update = connection.prepareStatement(
                     "update TENANCY_API_KEY set EXPIRES_AT = ? where ID = ?")) {
            update.setLong(1, System.currentTimeMillis() - 1000);
            update.setString(2, idOf(expired));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        String valid = acmeKey("billing:read");
        String wrongChecksum = valid.substring(0, valid.length() - 1) + (valid.endsWith("A") ? "B" : "A");
        String unknown = "tnc_" + "0".repeat(34) + ApiKeyFormat.checksum("0".repeat(34));

        for (String key : List.of(revoked, expired, wrongChecksum, unknown, "garbage", "")) {
            HttpResult answer = introspect(key, SERVICE);
            assertThat(answer.status()).as(key).isEqualTo(200);
            assertThat(answer.json().toString()).as(key).isEqualTo("{\"active\":false}");
        }
    }

    @Test
    void aKeyOfOneRealmIsInactiveInAnother() {
        String key = acmeKey("billing:read");
        TestRealm other = new TestRealm();
        other.create("other");
        try {
            HttpResult answer = Http.postForm(other.url() + "/tenancy/api-keys/introspect", Map.of("token", key),
                    SERVICE);
            assertThat(answer.json().path("active").asBoolean()).isFalse();
        } finally {
            other.delete();
        }
    }

    @Test
    void onlyConfidentialClientsIntrospect() {
        String key = acmeKey("billing:read");

        HttpResult anonymous = introspect(key, null);
        HttpResult wrongSecret = introspect(key, TestRealm.SERVICE_CLIENT + ":wrong");
        HttpResult publicClient = Http.postForm(realm.url() + "/tenancy/api-keys/introspect",
                Map.of("token", key, "client_id", TestRealm.TEST_CLIENT), null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(publicClient.status()).isEqualTo(403);
        assertThat(publicClient.json().path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void aDemotedOwnersKeyLosesPowerAtOnceAndARemovedMembersKeyStops() {
        String member = realm.createUser("lena");
        tenancy.setRoles(acme, member, "operator");
        String key = newKey("lena", "{\"name\": \"k\", \"tenantId\": \"" + acme
                + "\", \"scopes\": [\"billing:write\", \"reports:read\"]}").path("key").asText();
        assertThat(introspect(key, SERVICE).json().path("scope").asText()).isEqualTo("billing:write reports:read");

        tenancy.setRoles(acme, member, "member");
        assertThat(introspect(key, SERVICE).json().path("scope").asText()).isEqualTo("billing:read");

        TenancyApi.expect(204, Http.delete(tenancy.adminApi() + "/tenants/" + acme + "/members/" + member,
                realm.adminToken()), "remove member");
        assertThat(introspect(key, SERVICE).json().path("active").asBoolean()).isFalse();
        JsonNode listed = Http.get(tenancy.selfService() + "/me/api-keys", realm.userToken("lena")).json().path(0);
        assertThat(listed.path("status").asText()).isEqualTo("revoked");
    }

    @Test
    void aRotatedKeyWorksDuringItsGraceAndNotAfter() {
        String key = acmeKey("billing:read");
        String id = idOf(key);

        HttpResult graceful = Http.post(tenancy.selfService() + "/me/api-keys/" + id + "/rotate",
                realm.userToken("kim"), "{\"gracePeriodSeconds\": 600}");
        KEYS.add(graceful.json().path("key").asText());
        assertThat(introspect(key, SERVICE).json().path("active").asBoolean()).isTrue();
        assertThat(introspect(graceful.json().path("key").asText(), SERVICE).json().path("active").asBoolean()).isTrue();

        HttpResult abrupt = Http.post(tenancy.selfService() + "/me/api-keys/" + graceful.json().path("id").asText()
                + "/rotate", realm.userToken("kim"), "{\"gracePeriodSeconds\": 0}");
        KEYS.add(abrupt.json().path("key").asText());
        assertThat(introspect(graceful.json().path("key").asText(), SERVICE).json().path("active").asBoolean()).isFalse();
        assertThat(introspect(abrupt.json().path("key").asText(), SERVICE).json().path("active").asBoolean()).isTrue();
    }

    @Test
    void lastUseIsRecordedAtMostOnceAMinute() {
        String key = acmeKey("billing:read");
        String id = idOf(key);
        assertThat(own(id).hasNonNull("lastUsedAt")).isFalse();

        introspect(key, SERVICE);
        String first = own(id).path("lastUsedAt").asText();
        introspect(key, SERVICE);
        exchange(key, SERVICE);

        assertThat(first).endsWith("Z");
        assertThat(own(id).path("lastUsedAt").asText()).isEqualTo(first);
    }

    @Test
    void theExchangeGivesATokenForTheKeysTenantAndScopes() {
        String key = acmeKey("billing:read");
        String id = idOf(key);

        HttpResult token = exchange(key, SERVICE);

        TenancyApi.expect(200, token, "exchange");
        assertThat(token.json().has("refresh_token")).isFalse();
        JsonNode claims = TestRealm.decodeClaims(token.json().path("access_token").asText());
        assertThat(claims.path("sub").asText()).isEqualTo(ownerId);
        assertThat(claims.path("api_key_id").asText()).isEqualTo(id);
        assertThat(claims.path("azp").asText()).isEqualTo(TestRealm.SERVICE_CLIENT);
        assertThat(claims.path("tenant").path("alias").asText()).isEqualTo("acme");
        assertThat(claims.path("tenant").path("modules").toString()).isEqualTo("{\"billing\":\"read\"}");
        assertThat(Json.texts(claims.path("tenant").path("roles"))).as("the owner's roles are not the key's").isEmpty();
    }

    @Test
    void theExchangeIsForListedConfidentialClientsAndWorkingKeysOnly() {
        String key = acmeKey("billing:read");
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients", realm.adminToken(), Json.object()
                .put("clientId", "unlisted").put("publicClient", false).put("secret", "unlisted-secret")
                .put("serviceAccountsEnabled", true)), "create unlisted client");

        HttpResult unlisted = exchange(key, "unlisted:unlisted-secret");
        HttpResult publicClient = Http.postForm(realm.tokenUrl(), Map.of("grant_type", "urn:tenancy:grant-type:api-key",
                "api_key", key, "client_id", TestRealm.TEST_CLIENT), null);
        HttpResult missing = Http.postForm(realm.tokenUrl(), Map.of("grant_type", "urn:tenancy:grant-type:api-key"),
                SERVICE);
        Http.post(tenancy.selfService() + "/me/api-keys/" + idOf(key) + "/revoke", realm.userToken("kim"), null);
        HttpResult revoked = exchange(key, SERVICE);

        assertThat(unlisted.status()).isEqualTo(400);
        assertThat(unlisted.json().path("error").asText()).isEqualTo("unauthorized_client");
        assertThat(publicClient.status()).isEqualTo(401);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("error").asText()).isEqualTo("invalid_request");
        assertThat(revoked.status()).isEqualTo(400);
        assertThat(revoked.json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void repeatedFailuresFromOneClientAndAddressAreSlowedDown() {
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients", realm.adminToken(), Json.object()
                .put("clientId", "scanner").put("publicClient", false).put("secret", "scanner-secret")), "client");
        String scanner = "scanner:scanner-secret";
        String valid = acmeKey("billing:read");

        for (int i = 0; i < 30; i++) {
            assertThat(introspect("tnc_wrong" + i, scanner).json().path("active").asBoolean()).isFalse();
        }
        HttpResult limited = introspect("tnc_wrong-next", scanner);
        HttpResult working = introspect(valid, scanner);
        HttpResult otherClient = introspect("tnc_wrong-next", SERVICE);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(working.json().path("active").asBoolean()).as("a working key locks nobody out").isTrue();
        assertThat(otherClient.status()).as("another client keeps its own budget").isEqualTo(200);
        assertThat(otherClient.json().path("active").asBoolean()).isFalse();
    }

    private static String idOf(String key) {
        for (JsonNode listed : Http.get(tenancy.selfService() + "/me/api-keys?max=1000", realm.userToken("kim")).json()) {
            if (key.startsWith(listed.path("prefix").asText())) {
                return listed.path("id").asText();
            }
        }
        throw new AssertionError("key not listed");
    }

    private static JsonNode own(String id) {
        return Http.get(tenancy.selfService() + "/me/api-keys/" + id, realm.userToken("kim")).json();
    }
}
