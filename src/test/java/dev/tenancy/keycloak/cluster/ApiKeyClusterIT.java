package dev.tenancy.keycloak.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.KeycloakCluster;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API keys on two nodes: a revocation on A holds on B's next request; the failure limit counts the cluster's. */
class ApiKeyClusterIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm(() -> KeycloakCluster.get().a());

    private static final String SERVICE = TestRealm.SERVICE_CLIENT + ":" + TestRealm.SERVICE_SECRET;
    private static TenancyApi onA;
    private static TestRealm realmOnB;
    private static String acme;

    @BeforeAll
    static void aTenantWithAKeyOwner() {
        onA = new TenancyApi(realm);
        realmOnB = realm.on(KeycloakCluster.get().b());
        onA.configure("""
                {"roles": {"operator": {}}, "modules": {"billing": {"operator": "write"}},
                 "apiKeyClients": ["tenancy-service"], "apiKeyIntrospectionClients": ["tenancy-service", "scanner"]}
                """);
        acme = onA.createTenant("acme");
        onA.setRoles(acme, realm.createUser("kim"), "operator");
    }

    @Test
    void aKeyRevokedOnAIsInactiveOnB() {
        JsonNode key = newKey();
        String text = key.path("key").asText();
        assertThat(introspect(realmOnB, text, SERVICE).json().path("active").asBoolean()).isTrue();
        assertThat(exchange(realmOnB, text).status()).isEqualTo(200);

        TenancyApi.expect(200, Http.post(onA.selfService() + "/me/api-keys/" + key.path("id").asText() + "/revoke",
                realm.userToken("kim"), null), "revoke on A");

        assertThat(introspect(realmOnB, text, SERVICE).json().path("active").asBoolean()).isFalse();
        HttpResult exchanged = exchange(realmOnB, text);
        assertThat(exchanged.status()).isEqualTo(400);
        assertThat(exchanged.json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void thirtyFailuresSplitOverBothNodesAreLimitedOnBoth() {
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients", realm.adminToken(), Json.object()
                .put("clientId", "scanner").put("publicClient", false).put("secret", "scanner-secret")), "client");
        String scanner = "scanner:scanner-secret";
        String valid = newKey().path("key").asText();

        for (int i = 0; i < 30; i++) {
            TestRealm node = i % 2 == 0 ? realm : realmOnB;
            HttpResult answer = introspect(node, "tnc_wrong" + i, scanner);
            assertThat(answer.status()).as("failure %d", i).isEqualTo(200);
            assertThat(answer.json().path("active").asBoolean()).isFalse();
        }

        for (TestRealm node : new TestRealm[] {realm, realmOnB}) {
            HttpResult limited = introspect(node, "tnc_wrong-next", scanner);
            assertThat(limited.status()).as(node.node().baseUrl()).isEqualTo(429);
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(introspect(node, valid, scanner).json().path("active").asBoolean())
                    .as("a working key is answered whatever the budget").isTrue();
        }
        HttpResult otherClient = introspect(realmOnB, "tnc_wrong-next", SERVICE);
        assertThat(otherClient.status()).as("another client keeps its own budget").isEqualTo(200);
    }

    private static JsonNode newKey() {
        HttpResult created = Http.post(onA.selfService() + "/me/api-keys", realm.userToken("kim"),
                "{\"name\": \"k\", \"tenantId\": \"" + acme + "\", \"scopes\": [\"billing:read\"]}");
        TenancyApi.expect(201, created, "create key");
        return created.json();
    }

    private static HttpResult introspect(TestRealm node, String key, String clientAuth) {
        return Http.postForm(node.url() + "/tenancy/api-keys/introspect", Map.of("token", key), clientAuth);
    }

    private static HttpResult exchange(TestRealm node, String key) {
        return Http.postForm(node.tokenUrl(), Map.of("grant_type", "urn:tenancy:grant-type:api-key",
                "api_key", key), SERVICE);
    }
}
