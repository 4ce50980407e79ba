package dev.tenancy.keycloak.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * API keys at Keycloak's own introspection endpoint with {@code token_type_hint=api_key}: the same answers as
 * the older path {@code /tenancy/api-keys/introspect} for every kind of key and client, one failed-attempt
 * budget for both paths, and Keycloak's introspection of access tokens as it was.
 */
class ApiKeyStandardIntrospectionIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static final String SERVICE = TestRealm.SERVICE_CLIENT + ":" + TestRealm.SERVICE_SECRET;
    private static final String CONFIG = """
            {"roles": {"admin": {"permissions": ["manage-api-keys"]}, "operator": {}, "member": {}},
             "modules": {"billing": {"admin": "admin", "operator": "write", "member": "read"}},
             "apiKeyClients": ["tenancy-service"],
             "apiKeyIntrospectionClients": ["tenancy-service", "auditor", "scanner"]}
            """;
    private static TenancyApi tenancy;
    private static String acme;
    private static String ownerId;

    @BeforeAll
    static void setUp() {
        tenancy = new TenancyApi(realm);
        tenancy.configure(CONFIG);
        acme = tenancy.createTenant("acme");
        ownerId = realm.createUser("kim");
        tenancy.setRoles(acme, ownerId, "operator");
        for (String client : new String[] {"auditor", "scanner", "unlisted"}) {
            confidentialClient(realm, client);
        }
        // The user's access tokens name tenancy-service in their audience, as Keycloak's introspection requires.
        ObjectNode audience = Json.object().put("name", "service audience").put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-audience-mapper");
        audience.putObject("config").put("included.client.audience", TestRealm.SERVICE_CLIENT)
                .put("access.token.claim", "true").put("introspection.token.claim", "true");
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients/" + realm.clientUuid(TestRealm.TEST_CLIENT)
                + "/protocol-mappers/models", realm.adminToken(), audience), "audience mapper");
    }

    private static void confidentialClient(TestRealm in, String clientId) {
        TenancyApi.expect(201, Http.post(in.adminUrl() + "/clients", in.adminToken(), Json.object()
                .put("clientId", clientId).put("publicClient", false).put("secret", clientId + "-secret")
                .put("standardFlowEnabled", false)), "create client " + clientId);
    }

    private static HttpResult standard(TestRealm in, String token, String clientAuth) {
        return Http.postForm(in.tokenUrl() + "/introspect", Map.of("token", token, "token_type_hint", "api_key"),
                clientAuth);
    }

    private static HttpResult standard(String token, String clientAuth) {
        return standard(realm, token, clientAuth);
    }

    private static HttpResult alias(TestRealm in, String token, String clientAuth) {
        return Http.postForm(in.url() + "/tenancy/api-keys/introspect", Map.of("token", token), clientAuth);
    }

    private static HttpResult alias(String token, String clientAuth) {
        return alias(realm, token, clientAuth);
    }

    private static JsonNode newKey(String user, String tenant, String extra) {
        HttpResult created = Http.post(tenancy.selfService() + "/me/api-keys", realm.userToken(user),
                "{\"name\": \"k\", \"tenantId\": \"" + tenant + "\", \"scopes\": [\"billing:write\"]" + extra + "}");
        TenancyApi.expect(201, created, "create key");
        return created.json();
    }

    private static String key(String user, String tenant) {
        return newKey(user, tenant, "").path("key").asText();
    }

    @Test
    void aWorkingKeyReadsTheSameOnBothPaths() {
        JsonNode created = newKey("kim", acme, ", \"lifespanSeconds\": 3600");
        String key = created.path("key").asText();

        HttpResult standard = standard(key, SERVICE);
        HttpResult alias = alias(key, SERVICE);

        TenancyApi.expect(200, standard, "standard introspection");
        assertThat(standard.json()).isEqualTo(alias.json());
        JsonNode json = standard.json();
        assertThat(json.path("active").asBoolean()).isTrue();
        assertThat(json.path("token_type").asText()).isEqualTo("api_key");
        assertThat(json.path("sub").asText()).isEqualTo(ownerId);
        assertThat(json.path("username").asText()).isEqualTo("kim");
        assertThat(json.path("client_id").asText()).isEqualTo(TestRealm.SERVICE_CLIENT);
        assertThat(json.path("key_id").asText()).isEqualTo(created.path("id").asText());
        assertThat(json.path("tenant_id").asText()).isEqualTo(acme);
        assertThat(json.path("tenant").asText()).isEqualTo("acme");
        assertThat(json.path("scope").asText()).isEqualTo("billing:write");
        assertThat(json.path("exp").asLong()).isBetween(System.currentTimeMillis() / 1000 + 3500,
                System.currentTimeMillis() / 1000 + 3600);
        assertThat(standard.header("Content-Type")).startsWith("application/json");
        assertThat(alias.header("Cache-Control")).contains("no-store");
        // Keycloak's endpoint sets its own Cache-Control (@NoCache replaces what a provider sets); no cache keeps
        // an answer to a POST without freshness information anyway.
        assertThat(standard.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(standard.header("Pragma")).isEqualTo("no-cache");
    }

    @Test
    void everyKindOfBadKeyIsInactiveOnBothPaths() throws Exception {
        String revoked = key("kim", acme);
        Http.post(tenancy.selfService() + "/me/api-keys/" + idOf("kim", revoked) + "/revoke", realm.userToken("kim"),
                null);
        String expired = key("kim", acme);
        try (Connection connection = realm.server().database().openJdbc();
             PreparedStatement update = connection.prepareStatement(
                     "update TENANCY_API_KEY set EXPIRES_AT = ? where ID = ?")) {
            update.setLong(1, System.currentTimeMillis() - 1000);
            update.setString(2, idOf("kim", expired));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        String valid = key("kim", acme);
        String wrongChecksum = valid.substring(0, valid.length() - 1) + (valid.endsWith("A") ? "B" : "A");
        String unknown = "tnc_" + "0".repeat(34) + ApiKeyFormat.checksum("0".repeat(34));
        String otherPrefix = "xyz" + valid.substring(3);
        String disabledTenants = disabledTenantsKey();
        String disabledOwners = disabledOwnersKey();
        String accessToken = realm.userToken("kim");
        String keysToken = tenancy.keyToken("kim", acme, "billing:read");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("revoked", revoked);
        bad.put("expired", expired);
        bad.put("wrong checksum", wrongChecksum);
        bad.put("unknown", unknown);
        bad.put("another prefix", otherPrefix);
        bad.put("disabled tenant", disabledTenants);
        bad.put("disabled owner", disabledOwners);
        bad.put("garbage", "garbage");
        bad.put("empty", "");
        bad.put("an access token", accessToken);
        bad.put("a key's token", keysToken);

        SoftAssertions soft = new SoftAssertions();
        bad.forEach((kind, text) -> {
            for (HttpResult answer : new HttpResult[] {standard(text, "auditor:auditor-secret"),
                    alias(text, "auditor:auditor-secret")}) {
                soft.assertThat(answer.status()).as(kind).isEqualTo(200);
                soft.assertThat(answer.body()).as(kind).isEqualTo("{\"active\":false}");
                soft.assertThat(answer.header("Pragma")).as(kind).isEqualTo("no-cache");
            }
        });
        soft.assertAll();
    }

    private static String disabledTenantsKey() {
        String globex = tenancy.createTenant("globex");
        tenancy.setRoles(globex, ownerId, "operator");
        String key = key("kim", globex);
        TenancyApi.expect(200, Http.put(tenancy.adminApi() + "/tenants/" + globex, realm.adminToken(),
                Json.object().put("name", "GLOBEX").put("enabled", false)), "disable globex");
        return key;
    }

    private static String disabledOwnersKey() {
        String dora = realm.createUser("dora");
        tenancy.setRoles(acme, dora, "operator");
        String key = key("dora", acme);
        TenancyApi.expect(204, Http.put(realm.adminUrl() + "/users/" + dora, realm.adminToken(),
                Json.object().put("enabled", false)), "disable dora");
        return key;
    }

    @Test
    void aKeyOfOneRealmIsInactiveInAnother() {
        String key = key("kim", acme);
        TestRealm other = new TestRealm();
        other.create("other");
        try {
            new TenancyApi(other).configure(CONFIG);

            HttpResult standard = standard(other, key, SERVICE);
            HttpResult alias = alias(other, key, SERVICE);

            assertThat(standard.status()).isEqualTo(200);
            assertThat(standard.body()).isEqualTo("{\"active\":false}");
            assertThat(alias.body()).isEqualTo(standard.body());
        } finally {
            other.delete();
        }
    }

    @Test
    void aClientNotOnTheAllowListIsRefusedAlike() {
        String key = key("kim", acme);

        HttpResult standard = standard(key, "unlisted:unlisted-secret");
        HttpResult alias = alias(key, "unlisted:unlisted-secret");

        assertThat(standard.status()).isEqualTo(403);
        assertThat(standard.json().path("error").asText()).isEqualTo("unauthorized_client");
        assertThat(standard.json().path("error_description").asText()).contains("apiKeyIntrospectionClients");
        assertThat(standard.body()).doesNotContain(ownerId).doesNotContain("active");
        assertThat(alias.status()).isEqualTo(403);
        assertThat(alias.body()).isEqualTo(standard.body());
    }

    @Test
    void onlyAuthenticatedConfidentialClientsOfTheRealmIntrospect() {
        String key = key("kim", acme);
        TestRealm other = new TestRealm();
        other.create("foreign");
        try {
            confidentialClient(other, "foreign");
            Map<String, String> publicClient = Map.of("token", key, "token_type_hint", "api_key",
                    "client_id", TestRealm.TEST_CLIENT);

            HttpResult anonymous = standard(key, null);
            HttpResult wrongSecret = standard(key, TestRealm.SERVICE_CLIENT + ":wrong");
            HttpResult foreign = standard(key, "foreign:foreign-secret");
            HttpResult asPublic = Http.postForm(realm.tokenUrl() + "/introspect", publicClient, null);

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(anonymous.status()).isEqualTo(alias(key, null).status()).isEqualTo(401);
            soft.assertThat(wrongSecret.status()).isEqualTo(alias(key, TestRealm.SERVICE_CLIENT + ":wrong").status())
                    .isEqualTo(401);
            soft.assertThat(foreign.status()).isEqualTo(alias(key, "foreign:foreign-secret").status()).isEqualTo(401);
            // Keycloak's endpoint refuses public clients itself, with its own error code (invalid_request).
            soft.assertThat(asPublic.status()).isEqualTo(403);
            for (HttpResult refused : new HttpResult[] {anonymous, wrongSecret, foreign, asPublic}) {
                soft.assertThat(refused.body()).doesNotContain(ownerId).doesNotContain("active");
            }
            soft.assertAll();
        } finally {
            other.delete();
        }
    }

    @Test
    void failuresOnEitherPathSpendOneBudgetAndAnotherHintDoesNotGetAround() {
        String scanner = "scanner:scanner-secret";
        String valid = key("kim", acme);

        for (int i = 0; i < 15; i++) {
            assertThat(standard("tnc_wrong" + i, scanner).body()).isEqualTo("{\"active\":false}");
            assertThat(alias("tnc_wrong" + i, scanner).body()).isEqualTo("{\"active\":false}");
        }
        HttpResult standard = standard("tnc_wrong-next", scanner);
        HttpResult alias = alias("tnc_wrong-next", scanner);
        HttpResult working = standard(valid, scanner);
        HttpResult workingOnAlias = alias(valid, scanner);
        HttpResult asAccessToken = Http.postForm(realm.tokenUrl() + "/introspect",
                Map.of("token", valid, "token_type_hint", "access_token"), scanner);
        HttpResult withoutHint = Http.postForm(realm.tokenUrl() + "/introspect", Map.of("token", valid), scanner);
        HttpResult otherClient = standard("tnc_wrong-next", SERVICE);

        assertThat(standard.status()).isEqualTo(429);
        assertThat(Long.parseLong(standard.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(standard.json().path("error").asText()).isEqualTo("slow_down");
        assertThat(alias.status()).isEqualTo(429);
        assertThat(working.json().path("active").asBoolean()).as("a working key is answered whatever the budget")
                .isTrue();
        assertThat(workingOnAlias.json().path("active").asBoolean()).isTrue();
        assertThat(asAccessToken.body()).as("Keycloak's access-token provider never reads a key")
                .isEqualTo("{\"active\":false}");
        assertThat(withoutHint.body()).isEqualTo("{\"active\":false}");
        assertThat(otherClient.body()).as("another client keeps its own budget").isEqualTo("{\"active\":false}");
    }

    @Test
    void accessTokensAreKeycloaksWithoutTheHintAndInactiveWithIt() {
        String accessToken = realm.userToken("kim");

        HttpResult withoutHint = Http.postForm(realm.tokenUrl() + "/introspect", Map.of("token", accessToken),
                SERVICE);
        HttpResult accessTokenHint = Http.postForm(realm.tokenUrl() + "/introspect",
                Map.of("token", accessToken, "token_type_hint", "access_token"), SERVICE);
        HttpResult apiKeyHint = standard(accessToken, SERVICE);

        TenancyApi.expect(200, withoutHint, "Keycloak's introspection");
        assertThat(withoutHint.json().path("active").asBoolean()).isTrue();
        assertThat(withoutHint.json().path("sub").asText()).isEqualTo(ownerId);
        assertThat(withoutHint.json().path("token_type").asText()).isEqualTo("Bearer");
        assertThat(accessTokenHint.json().path("sub").asText()).isEqualTo(ownerId);
        assertThat(apiKeyHint.body()).isEqualTo("{\"active\":false}");
    }

    @Test
    void keycloakChecksTheRequestBeforeTheKeyIsRead() {
        String key = key("kim", acme);

        HttpResult unknownHint = Http.postForm(realm.tokenUrl() + "/introspect",
                Map.of("token", key, "token_type_hint", "API_KEY"), SERVICE);
        HttpResult noToken = Http.postForm(realm.tokenUrl() + "/introspect", Map.of("token_type_hint", "api_key"),
                SERVICE);
        HttpResult twice = postRawForm(realm.tokenUrl() + "/introspect",
                "token_type_hint=api_key&token=" + key + "&token=" + key, SERVICE);
        HttpResult twiceAtTheAlias = postRawForm(realm.url() + "/tenancy/api-keys/introspect",
                "token=" + key + "&token=" + key, SERVICE);

        assertThat(unknownHint.status()).isEqualTo(400);
        assertThat(unknownHint.body()).doesNotContain(ownerId);
        assertThat(noToken.status()).isEqualTo(400);
        assertThat(noToken.json().path("error").asText()).isEqualTo("invalid_request");
        assertThat(twice.status()).isEqualTo(twiceAtTheAlias.status()).isEqualTo(400);
        assertThat(twice.body()).doesNotContain(ownerId);
    }

    /** A form body as written, so that a field can appear twice. */
    private static HttpResult postRawForm(String url, String body, String clientAuth) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        clientAuth.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HttpResult(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String idOf(String user, String key) {
        for (JsonNode listed : Http.get(tenancy.selfService() + "/me/api-keys?max=1000", realm.userToken(user))
                .json()) {
            if (key.startsWith(listed.path("prefix").asText())) {
                return listed.path("id").asText();
            }
        }
        throw new AssertionError("key not listed");
    }
}
