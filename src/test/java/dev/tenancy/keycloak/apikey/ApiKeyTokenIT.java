package dev.tenancy.keycloak.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A token made from an API key carries the key's authority and nothing of its owner's beyond it, however it
 * is read, and no management API accepts it. The owner here is a realm admin and a tenant admin in two
 * tenants, the exchanging client has full scope and Keycloak's organization scope: the most a key's token
 * could inherit.
 */
class ApiKeyTokenIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static final String SERVICE = TestRealm.SERVICE_CLIENT + ":" + TestRealm.SERVICE_SECRET;
    private static final String RESOURCE = "tenancy-resource:resource-secret";
    private static final String GREEDY_SCOPE = "openid organization microprofile-jwt";
    private static TenancyApi tenancy;
    private static String acme;
    private static String globex;
    private static String ownerId;

    @BeforeAll
    static void setUp() {
        tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-tenant", "manage-members", "view-members",
                                                       "manage-api-keys", "manage-credentials"]},
                           "member": {}},
                 "modules": {"billing": {"admin": "admin", "member": "read"},
                             "reports": {"admin": "admin", "member": "none"}},
                 "apiKeyClients": ["tenancy-service"], "apiKeyIntrospectionClients": ["tenancy-resource"]}
                """);
        acme = tenancy.createTenant("acme");
        globex = tenancy.createTenant("globex");
        ownerId = realm.createUser("root");
        tenancy.setRoles(acme, ownerId, "admin");
        tenancy.setRoles(globex, ownerId, "admin");
        realm.grantRealmManagementRole(ownerId, "realm-admin");
        // A resource server that introspects: the key's tokens name it in their audience, as Keycloak requires.
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients", realm.adminToken(), Json.object()
                .put("clientId", "tenancy-resource").put("publicClient", false).put("secret", "resource-secret")
                .put("standardFlowEnabled", false)), "create the resource server");
        ObjectNode audience = Json.object().put("name", "resource audience").put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-audience-mapper");
        audience.putObject("config").put("included.client.audience", "tenancy-resource")
                .put("access.token.claim", "true").put("introspection.token.claim", "true");
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients/" + realm.clientUuid(TestRealm.SERVICE_CLIENT)
                + "/protocol-mappers/models", realm.adminToken(), audience), "audience mapper");
        TenancyApi.expect(204, Http.put(realm.adminUrl() + "/clients/" + realm.clientUuid(TestRealm.SERVICE_CLIENT)
                + "/optional-client-scopes/" + realm.clientScopeId("organization"), realm.adminToken(), null),
                "organization scope");
    }

    private static String newKey(String tenant, String... scopes) {
        ObjectNode body = Json.object().put("name", "k").put("tenantId", tenant);
        for (String scope : scopes) {
            body.withArray("scopes").add(scope);
        }
        HttpResult created = Http.post(tenancy.selfService() + "/me/api-keys", realm.userToken("root"), body);
        TenancyApi.expect(201, created, "key");
        return created.json().path("key").asText();
    }

    private static HttpResult exchange(String key, String scope) {
        return Http.postForm(realm.tokenUrl(), scope == null
                ? Map.of("grant_type", "urn:tenancy:grant-type:api-key", "api_key", key)
                : Map.of("grant_type", "urn:tenancy:grant-type:api-key", "api_key", key, "scope", scope), SERVICE);
    }

    /** A key's token for which the client asked everything it could: an ID token, organizations, MP-JWT groups. */
    private static String keyToken(String tenant, String... scopes) {
        HttpResult token = exchange(newKey(tenant, scopes), GREEDY_SCOPE);
        TenancyApi.expect(200, token, "exchange");
        return token.json().path("access_token").asText();
    }

    private static JsonNode introspectAtKeycloak(String token) {
        HttpResult answer = Http.postForm(realm.url() + "/protocol/openid-connect/token/introspect",
                Map.of("token", token), RESOURCE);
        TenancyApi.expect(200, answer, "introspect");
        return answer.json();
    }

    @Test
    void managementApisRefuseAKeysTokenThatTheOwnersOwnTokenOpens() {
        String keyToken = keyToken(acme, "billing:read");
        String ownToken = realm.userToken("root");
        String users = realm.adminUrl() + "/users";
        String account = realm.url() + "/account/";

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(Http.get(users, ownToken).status()).as("admin API, owner's token").isEqualTo(200);
        soft.assertThat(Http.get(users, keyToken).status()).as("admin API, key's token").isEqualTo(401);
        soft.assertThat(Http.get(realm.adminUrl(), keyToken).status()).as("admin API realm").isEqualTo(401);
        soft.assertThat(Http.send("GET", account, keyToken, null).status()).as("account API").isEqualTo(401);
        HttpResult me = Http.get(tenancy.selfService() + "/me/tenants", keyToken);
        soft.assertThat(me.status()).as("self-service").isEqualTo(401);
        soft.assertThat(me.json().path("errorMessage").asText()).contains("API key");
        soft.assertThat(Http.post(tenancy.selfService() + "/me/api-keys", keyToken,
                "{\"name\": \"more\", \"tenantId\": \"" + acme + "\", \"scopes\": [\"billing:admin\"]}").status())
                .as("minting a key").isEqualTo(401);
        soft.assertThat(Http.get(tenancy.selfService() + "/me/credentials", keyToken).status())
                .as("the owner's credentials").isEqualTo(401);
        soft.assertThat(Http.get(tenancy.selfService() + "/tenants/" + acme + "/members", keyToken).status())
                .as("members").isEqualTo(401);
        soft.assertThat(Http.get(realm.url() + "/protocol/openid-connect/userinfo", keyToken).status())
                .as("userinfo").isEqualTo(401);
        soft.assertAll();
    }

    @Test
    void theJwtCarriesTheKeyAndItsTenantAndNothingOfTheOwnersBeyond() {
        HttpResult response = exchange(newKey(acme, "billing:read"), GREEDY_SCOPE);
        String ownToken = Http.postForm(realm.tokenUrl(), Map.of("grant_type", "password", "client_id",
                TestRealm.TEST_CLIENT, "username", "root", "password", "root", "scope", "microprofile-jwt"), null)
                .json().path("access_token").asText();

        TenancyApi.expect(200, response, "exchange");
        assertThat(TestRealm.decodeClaims(ownToken).has("groups")).as("the owner's own token has MP-JWT groups")
                .isTrue();
        assertThat(response.json().has("id_token")).as("an exchange is not a sign-in").isFalse();
        JsonNode claims = TestRealm.decodeClaims(response.json().path("access_token").asText());
        assertThat(claims.path("typ").asText()).isEqualTo("ApiKey");
        assertThat(claims.path("sub").asText()).isEqualTo(ownerId);
        assertThat(claims.path("api_key_id").asText()).isNotBlank();
        assertThat(claims.has("realm_access")).isFalse();
        assertThat(claims.has("resource_access")).isFalse();
        assertThat(claims.has("groups")).as("MicroProfile JWT groups are the owner's realm roles").isFalse();
        assertThat(claims.path("tenant").path("alias").asText()).isEqualTo("acme");
        assertThat(claims.path("tenant").path("roles").size()).as("the owner's tenant roles").isZero();
        assertThat(claims.path("tenants").path("acme").path("roles").size()).isZero();
        assertThat(claims.path("tenant").path("modules").toString()).isEqualTo("{\"billing\":\"read\"}");
        assertThat(Json.fieldNames(claims.path("tenants"))).containsExactly("acme");
        assertThat(claims.path("organization").toString()).contains("acme").doesNotContain("globex");
        assertThat(claims.path("jti").asText()).contains(claims.path("api_key_id").asText());
    }

    @Test
    void keycloaksIntrospectionGivesTheSameNarrowAnswer() {
        String token = keyToken(acme, "billing:read");
        JsonNode jwt = TestRealm.decodeClaims(token);

        JsonNode answer = introspectAtKeycloak(token);

        assertThat(answer.path("active").asBoolean()).isTrue();
        assertThat(answer.path("token_type").asText()).isEqualTo("ApiKey");
        assertThat(answer.path("api_key_id").asText()).isEqualTo(jwt.path("api_key_id").asText());
        assertThat(answer.path("tenant")).isEqualTo(jwt.path("tenant"));
        assertThat(answer.path("tenants")).isEqualTo(jwt.path("tenants"));
        assertThat(answer.has("realm_access")).isFalse();
        assertThat(answer.has("resource_access")).isFalse();
        assertThat(answer.has("groups")).isFalse();
        assertThat(answer.path("organization").toString()).doesNotContain("globex");
    }

    @Test
    void aKeysTokenNeverOutlivesTheKey() {
        ObjectNode body = Json.object().put("name", "short").put("tenantId", acme).put("lifespanSeconds", 90);
        HttpResult key = Http.post(tenancy.selfService() + "/me/api-keys", realm.userToken("root"), body);
        TenancyApi.expect(201, key, "short-lived key");

        JsonNode claims = TestRealm.decodeClaims(exchange(key.json().path("key").asText(), null).json()
                .path("access_token").asText());

        long keyExpiry = java.time.Instant.parse(key.json().path("expiresAt").asText()).getEpochSecond();
        assertThat(claims.path("exp").asLong()).isLessThanOrEqualTo(keyExpiry);
    }

    @Test
    void introspectionOfARevokedKeysTokenNamesTheKeyAndNoTenant() {
        String key = newKey(globex, "reports:read");
        String token = exchange(key, null).json().path("access_token").asText();
        String keyId = TestRealm.decodeClaims(token).path("api_key_id").asText();
        TenancyApi.expect(200, Http.post(tenancy.selfService() + "/me/api-keys/" + keyId + "/revoke",
                realm.userToken("root"), null), "revoke");

        JsonNode answer = introspectAtKeycloak(token);

        assertThat(answer.path("api_key_id").asText()).isEqualTo(keyId);
        assertThat(answer.has("tenant")).isFalse();
        assertThat(answer.has("tenants")).isFalse();
    }

    @Test
    void aKeyCarriesTheOwnersLevelsInItsOwnTenantOnly() {
        String member = realm.createUser("mia");
        tenancy.setRoles(acme, member, "member");
        tenancy.setRoles(globex, member, "admin");

        HttpResult beyond = Http.post(tenancy.selfService() + "/me/api-keys", realm.userToken("mia"),
                "{\"name\": \"k\", \"tenantId\": \"" + acme + "\", \"scopes\": [\"billing:admin\"]}");
        HttpResult all = Http.post(tenancy.selfService() + "/me/api-keys", realm.userToken("mia"),
                "{\"name\": \"k\", \"tenantId\": \"" + acme + "\", \"scopes\": [\"billing:read\"]}");
        TenancyApi.expect(201, all, "key within acme");
        // Mia is promoted in globex: nothing changes for her acme key.
        JsonNode claims = TestRealm.decodeClaims(exchange(all.json().path("key").asText(), null).json()
                .path("access_token").asText());

        assertThat(beyond.status()).isEqualTo(403);
        assertThat(claims.path("tenant").path("modules").toString()).isEqualTo("{\"billing\":\"read\"}");
    }

    @Test
    void onlyAllowedClientsIntrospectKeys() {
        String key = newKey(acme, "billing:read");

        HttpResult exchanger = Http.postForm(realm.url() + "/tenancy/api-keys/introspect", Map.of("token", key), SERVICE);
        HttpResult resource = Http.postForm(realm.url() + "/tenancy/api-keys/introspect", Map.of("token", key), RESOURCE);

        assertThat(exchanger.status()).isEqualTo(403);
        assertThat(exchanger.json().path("error").asText()).isEqualTo("unauthorized_client");
        assertThat(exchanger.body()).doesNotContain(ownerId);
        assertThat(resource.status()).isEqualTo(200);
        assertThat(resource.json().path("active").asBoolean()).isTrue();
        assertThat(resource.json().path("tenant").asText()).isEqualTo("acme");
    }

    @Test
    void aClientWithoutTheTenancyScopeCannotExchange() {
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients", realm.adminToken(), Json.object()
                .put("clientId", "bare").put("publicClient", false).put("secret", "bare-secret")
                .put("serviceAccountsEnabled", true)), "create client");
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-tenant", "manage-members", "view-members",
                                                       "manage-api-keys", "manage-credentials"]},
                           "member": {}},
                 "modules": {"billing": {"admin": "admin", "member": "read"},
                             "reports": {"admin": "admin", "member": "none"}},
                 "apiKeyClients": ["tenancy-service", "bare"], "apiKeyIntrospectionClients": ["tenancy-resource"]}
                """);

        HttpResult refused = Http.postForm(realm.tokenUrl(), Map.of("grant_type", "urn:tenancy:grant-type:api-key",
                "api_key", newKey(acme, "billing:read")), "bare:bare-secret");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error_description").asText()).contains("'tenancy'");
    }
}
